package io.transferas2.outbound;

import java.io.ByteArrayInputStream;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.transferas2.as2.As2Exception;
import io.transferas2.as2.As2FailureCode;
import io.transferas2.as2.MdnReader;
import io.transferas2.as2.Mic;
import io.transferas2.as2.ReceivedMdn;
import io.transferas2.certs.CertificateStore;
import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.CertificateUsageType;
import io.transferas2.transfer.OutboundResult;
import io.transferas2.transfer.StatusCode;

/**
 * Judges an MDN that answers one of our sends, synchronous or asynchronous, as AWS does: the signature must verify
 * against the partner profile's signing certificates ({@code VERIFICATION_FAILED_NO_MATCHING_KEY_FOUND} when none
 * matches), a signed MDN must come back when one was asked for, the MDN must name our Message-ID and, for a positive
 * disposition, return our MIC ({@code VERIFICATION_FAILED} otherwise). A negative disposition fails the transfer with
 * {@code HTTP_ERROR_RESPONSE_FROM_PARTNER} and keeps the partner's disposition and text.
 */
public final class MdnEvaluator {
    private final CertificateStore certificates;
    private final MdnReader reader = new MdnReader();

    public MdnEvaluator(CertificateStore certificates) {
        this.certificates = certificates;
    }

    /**
     * @param transfer    the sent transfer (its MIC, partner profile and Message-ID)
     * @param contentType the MDN's Content-Type
     * @param body        the MDN body (small, bounded by the caller)
     * @param mdnMessageId the MDN's own Message-ID header, or null
     * @param mdnSubject  the MDN's Subject header, or null
     * @param at          the completion time
     * @return COMPLETED or FAILED
     */
    public OutboundResult evaluate(PendingTransfer transfer, String contentType, byte[] body, String mdnMessageId,
                                   String mdnSubject, Instant at) {
        String mdnId = mdnMessageId == null ? null : MessageIds.bare(mdnMessageId);
        if (body == null || body.length == 0) {
            return failed(transfer, As2FailureCode.VERIFICATION_FAILED, "The partner returned no MDN for message"
                    + " with ID " + transfer.messageId(), null, at);
        }
        List<X509Certificate> partnerCerts = certificates.verificationCertificates(transfer.partnerProfileId(), at)
                .stream().map(KeyMaterial::certificate).toList();
        ReceivedMdn mdn;
        try {
            mdn = reader.read(contentType, new ByteArrayInputStream(body), partnerCerts);
        } catch (As2Exception e) {
            OutboundResults.MdnSummary raw = new OutboundResults.MdnSummary(null, mdnId, mdnSubject, body,
                    contentType);
            if (e.failureCode() == As2FailureCode.VERIFICATION_FAILED_NO_MATCHING_KEY_FOUND) {
                String why = certificates.note(transfer.partnerProfileId(), CertificateUsageType.SIGNING, false, at);
                return failed(transfer, e.failureCode(), "No public certificate matching message signature could be"
                        + " found in profile: " + transfer.partnerProfileId() + (why.isEmpty() ? "" : " (" + why + ")"),
                        raw, at);
            }
            return failed(transfer, As2FailureCode.VERIFICATION_FAILED, "Signature verification failed for the MDN"
                    + " of AS2 message " + transfer.messageId() + ": " + e.getMessage(), raw, at);
        }
        OutboundResults.MdnSummary summary = new OutboundResults.MdnSummary(mdn.disposition().toFieldValue(), mdnId,
                mdnSubject, body, contentType);
        if (mdn.originalMessageId().isPresent() && !mdn.isFor(transfer.messageId())) {
            return failed(transfer, As2FailureCode.VERIFICATION_FAILED, "The MDN answers message "
                    + mdn.originalMessageId().get() + ", not " + transfer.messageId(), summary, at);
        }
        Optional<Mic> sent = Mic.parse(transfer.mic());
        try {
            if (sent.isEmpty()) {
                throw new IllegalStateException("no MIC recorded for " + transfer.messageId());
            }
            if (transfer.signedReceiptRequested() || micComparable(mdn, sent.get())) {
                mdn.verify(sent.get(), transfer.signedReceiptRequested());
            }
        } catch (As2Exception e) {
            return failed(transfer, As2FailureCode.VERIFICATION_FAILED, "Signature verification failed for AS2"
                    + " message " + transfer.messageId() + " or a MIC code did not match: " + e.getMessage(),
                    summary, at);
        }
        if (!mdn.disposition().isSuccess()) {
            String text = mdn.text().map(t -> " (" + oneLine(t) + ")").orElse("");
            return failed(transfer, As2FailureCode.HTTP_ERROR_RESPONSE_FROM_PARTNER, "The partner did not process"
                    + " message with ID " + transfer.messageId() + ": " + mdn.disposition().toFieldValue() + text,
                    summary, at);
        }
        return OutboundResults.of(transfer, StatusCode.COMPLETED, null, null, summary, at);
    }

    /**
     * RFC 4130 section 7.4.3: Received-Content-MIC is required in signed receipts only. In an unsigned receipt we did
     * not ask for a MIC algorithm, so a missing MIC or one over another digest is informational; one over the same
     * digest must still match.
     */
    private static boolean micComparable(ReceivedMdn mdn, Mic sent) {
        return mdn.receivedContentMic().map(m -> m.algorithm() == sent.algorithm()).orElse(false);
    }

    private static OutboundResult failed(PendingTransfer t, As2FailureCode code, String message,
                                         OutboundResults.MdnSummary mdn, Instant at) {
        return OutboundResults.of(t, StatusCode.FAILED, code, message, mdn, at);
    }

    private static String oneLine(String text) {
        String t = text.replaceAll("\\s+", " ").trim();
        return t.length() > 500 ? t.substring(0, 500) + "..." : t;
    }
}
