package io.transferas2.as2;

import java.io.IOException;

/**
 * Reads an inbound AS2 message in one streaming pass: HTTP body, then decryption (JDK cipher), MIME headers (bounded),
 * the multipart/signed split over the exact received bytes (digested as they pass), signature verification against
 * the partner's certificates only, transfer decoding, optional decompression (bounded), and the payload temp file.
 * Memory stays constant whatever the payload size: a few 64 KiB buffers per layer and the signature part.
 *
 * <p><b>MIC rules</b> (RFC 4130 section 7.3.1), chosen so that our MICs equal camel-as2's and as2-lib's:
 * <ul>
 * <li>Signed message: digest of the signed MIME part (its headers and body, the exact bytes between the boundary
 * line and the line break before the next delimiter; never re-canonicalised). With compress-before-sign that part is
 * the compressed entity. The signature is checked over the forms listed in {@link SignedForm}, in its order: the exact
 * bytes; then, only when the header block has a bare LF, the headers with CRLF and the body as received (RFC 5751
 * leaves a binary body alone); then, for a 7bit/8bit/quoted-printable part (or a bare LF in the headers), every bare
 * LF as CRLF, because as2-lib signs that form while sending bare LFs. The MIC covers the exact bytes, except for the
 * CRLF-headers form, whose MIC is that of the form (the bytes the sender transmitted before its headers were
 * rewritten).</li>
 * <li>Unsigned but compressed: digest of the uncompressed payload entity (headers and content), per RFC 5402.</li>
 * <li>Unsigned but encrypted: digest of the decrypted MIME entity (headers and content).</li>
 * <li>Unsigned and unencrypted: digest of the content as transmitted (the HTTP body, before transfer decoding).</li>
 * <li>Algorithm: the first supported one in the partner's {@code signed-receipt-micalg}; when none was requested,
 * the signature's digest algorithm for a signed message, else SHA-1 (RFC 4130's default).</li>
 * <li>Name: RFC 5751 spelling ({@code sha-256}) unless {@link InboundMessageRequest#echoMicAlgorithmName()} asks
 * to write it back as the partner spelled it.</li>
 * </ul>
 *
 * <p>Thread-safe and stateless; one instance serves any number of concurrent messages.
 */
public final class As2MessageParser {

    /** Parses, decrypts and verifies one message. The caller closes the result to delete the payload file. */
    public InboundMessage parse(InboundMessageRequest request) {
        InboundProcessor processor = new InboundProcessor(request);
        try {
            return processor.run();
        } catch (As2Exception e) {
            processor.cleanup();
            throw e;
        } catch (IOException | RuntimeException e) {
            processor.cleanup();
            As2Exception classified = StreamFailures.classify(e);
            if (classified != null) {
                throw classified;
            }
            throw new As2Exception(As2FailureCode.INVALID_REQUEST, DispositionModifier.UNEXPECTED_PROCESSING_ERROR,
                    "cannot read the AS2 message: " + e, e);
        }
    }
}
