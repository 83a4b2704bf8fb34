package io.transferas2.outbound;

import java.time.Instant;

import io.transferas2.as2.As2FailureCode;
import io.transferas2.transfer.OutboundResult;
import io.transferas2.transfer.StatusCode;
import io.transferas2.transfer.StatusDocument;
import io.transferas2.transfer.StoragePath;

/**
 * Builds {@link OutboundResult}s with AWS's status document and AWS's result locations, relative to the source file's
 * directory: {@code <parent>/processed|failed/<name>.<transferId>.<messageId>.<ext>.json} and the same with
 * {@code .mdn}. A file without an extension gives {@code <name>.<transferId>.<messageId>.json}.
 */
public final class OutboundResults {
    private OutboundResults() {
    }

    /** The result of a transfer that has not sent or not finished yet, or failed before an MDN. */
    public static OutboundResult of(PendingTransfer t, StatusCode status, As2FailureCode failureCode,
                                    String failureMessage, Instant at) {
        return of(t, status, failureCode, failureMessage, null, at);
    }

    /** The result of a transfer, with the MDN when one was received. */
    public static OutboundResult of(PendingTransfer t, StatusCode status, As2FailureCode failureCode,
                                    String failureMessage, MdnSummary mdn, Instant at) {
        StatusDocument doc = new StatusDocument()
                .requesterContentType(t.contentType())
                .messageSubject(t.messageSubject())
                .requesterFileName(t.filename())
                .as2From(t.as2From())
                .connectorId(t.connectorId())
                .statusCode(status)
                .failureCode(failureCode == null ? null : failureCode.name())
                .failureMessage(failureMessage)
                .disposition(mdn == null ? null : mdn.disposition())
                .transferSize(t.mic() == null ? null : t.transferSize())
                .mdnMessageId(mdn == null ? null : mdn.messageId())
                .mdnSubject(mdn == null ? null : mdn.subject())
                .as2To(t.as2To())
                .transferId(t.transferId())
                .filePath(t.sourcePath())
                .as2MessageId(t.messageId())
                .timestamp(at);
        StoragePath statusTarget = null;
        StoragePath mdnTarget = null;
        if (t.sourcePath() != null && status != StatusCode.PROCESSING) {
            StoragePath source = StoragePath.parse(t.sourcePath());
            String folder = status == StatusCode.COMPLETED ? "processed" : "failed";
            String base = resultBaseName(source.fileName(), t.transferId(), t.messageId());
            statusTarget = StoragePath.of(source.parentDirectory(), folder + "/" + base + ".json");
            if (mdn != null && mdn.raw() != null) {
                mdnTarget = StoragePath.of(source.parentDirectory(), folder + "/" + base + ".mdn");
            }
        }
        return new OutboundResult(t.transferId(), t.connectorId(), t.messageId(), status, failureCode,
                failureMessage, mdn == null ? null : mdn.disposition(), mdn == null ? null : mdn.messageId(),
                mdn == null ? null : mdn.subject(), t.mic(), t.transferSize(), mdn == null ? null : mdn.raw(),
                mdn == null ? null : mdn.contentType(), doc, statusTarget, mdnTarget);
    }

    /** {@code <name>.<transferId>.<messageId>.<ext>}, or {@code <name>.<transferId>.<messageId>} without extension. */
    static String resultBaseName(String fileName, String transferId, String messageId) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0 || dot == fileName.length() - 1) {
            return fileName + "." + transferId + "." + messageId;
        }
        return fileName.substring(0, dot) + "." + transferId + "." + messageId + fileName.substring(dot);
    }

    /**
     * The MDN facts a result carries.
     *
     * @param disposition the Disposition field
     * @param messageId   the MDN's Message-ID without angle brackets, or null
     * @param subject     the MDN's Subject, or null
     * @param raw         the MDN body as received
     * @param contentType the MDN's Content-Type
     */
    public record MdnSummary(String disposition, String messageId, String subject, byte[] raw, String contentType) {
    }
}
