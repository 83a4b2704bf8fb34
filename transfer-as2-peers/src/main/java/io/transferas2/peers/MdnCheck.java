package io.transferas2.peers;

/**
 * What the harness found when it checked an MDN itself (neither camel-as2's client nor, by default, as2-lib's
 * checks everything).
 *
 * @param contentType        the MDN's Content-Type
 * @param signed             whether the MDN is {@code multipart/signed}
 * @param signatureValid     whether the signature verifies against the receiver certificate ({@code false} when
 *                           unsigned)
 * @param signatureProblem   why the signature did not verify, or {@code null}
 * @param disposition        the full {@code Disposition} field
 * @param processed          disposition type {@code processed} without an error or failure modifier
 * @param dispositionModifier the modifier after {@code processed/}, e.g. {@code error: decryption-failed}, or
 *                           {@code null}
 * @param originalMessageId  the {@code Original-Message-ID} field
 * @param originalMessageIdMatches whether it names the message that was sent
 * @param receivedMic        the {@code Received-Content-MIC}, or {@code null}
 * @param expectedMic        the MIC the sender computed, or {@code null} when unknown
 * @param micMatches         whether both are present and equal
 * @param text               the human-readable part of the report
 */
public record MdnCheck(String contentType, boolean signed, boolean signatureValid, String signatureProblem,
        String disposition, boolean processed, String dispositionModifier, String originalMessageId,
        boolean originalMessageIdMatches, Mic receivedMic, Mic expectedMic, boolean micMatches, String text) {

    /**
     * Whether this MDN acknowledges the message: processed, about this message, the right MIC, and (when a signed
     * MDN was asked for) validly signed.
     */
    public boolean passed(boolean signedMdnRequested) {
        boolean signatureOk = !signedMdnRequested || signed && signatureValid;
        return signatureOk && processed && originalMessageIdMatches && micOk(signedMdnRequested);
    }

    /**
     * A signed receipt must carry the right MIC. For an unsigned receipt no micalg was asked for, so the receiver
     * picks the algorithm (or sends none) and the MIC is only informational ({@link #micMatches()}).
     */
    private boolean micOk(boolean signedMdnRequested) {
        return micMatches || !signedMdnRequested;
    }

    /** A one-line reason this MDN does not pass, or {@code "ok"}. */
    public String verdict(boolean signedMdnRequested) {
        if (signedMdnRequested && !signed) {
            return "MDN is not signed";
        }
        if (signedMdnRequested && !signatureValid) {
            return "MDN signature invalid: " + signatureProblem;
        }
        if (!processed) {
            return "disposition is not processed: " + disposition;
        }
        if (!originalMessageIdMatches) {
            return "Original-Message-ID " + originalMessageId + " names another message";
        }
        if (!micOk(signedMdnRequested)) {
            return "Received-Content-MIC " + receivedMic + " != expected " + expectedMic;
        }
        return "ok";
    }
}
