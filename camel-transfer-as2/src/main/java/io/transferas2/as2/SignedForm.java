package io.transferas2.as2;

/**
 * The forms of a signed MIME part that the verifier tries, in this order; the first that verifies wins. This enum is
 * the one place where candidates are listed: {@link Digests} builds them, {@link SignatureCheck} tries them.
 *
 * <p>Every form after {@link #AS_RECEIVED} exists only when the received part has a bare LF where it matters, and is
 * digested only from that byte on (a shadow digest cloned there); a part whose lines all end in CRLF, the normal case,
 * has one form and costs one digest pass. A later form is finished and checked only when the earlier ones failed.
 */
enum SignedForm {
    /** The exact bytes between the boundary line and the delimiter, as received. Most senders sign this. */
    AS_RECEIVED("the exact bytes received", false),
    /**
     * Header lines with CRLF ends, body as received: RFC 5751 section 3.1.1 canonicalises the MIME headers but leaves
     * a binary body alone, so this is what was signed when a proxy or a capture rewrote the header line ends of a
     * binary (or base64) part. Its MIC is that of this form, which is what the sender transmitted and computed.
     */
    CRLF_HEADERS("header lines with CRLF ends, body as received", true),
    /**
     * Every bare LF as CRLF, headers and body: the RFC 5751 canonical form of a text part (7bit, 8bit,
     * quoted-printable), which as2-lib signs while it transmits bare LFs. For a binary part it is kept only when the
     * header block itself had a bare LF. Its MIC is that of the received bytes, as as2-lib and OpenAS2 compute it.
     */
    CRLF_EVERYWHERE("every bare LF as CRLF, headers and body", false);

    private final String description;
    private final boolean micOfThisForm;

    SignedForm(String description, boolean micOfThisForm) {
        this.description = description;
        this.micOfThisForm = micOfThisForm;
    }

    /** True when the MIC reported in the MDN is the digest of this form, false when it is that of the received bytes. */
    boolean micOfThisForm() {
        return micOfThisForm;
    }

    @Override
    public String toString() {
        return description;
    }
}
