package io.transferas2.transfer;

import io.transferas2.as2.As2FailureCode;

/**
 * What one file sent through a connector came to: the SYNC result the producer returns, the PROCESSING state of an
 * ASYNC send, and the completion when its MDN arrives. Carries AWS's status document and, when the source path is
 * known, where the status JSON and the MDN go in AWS's layout
 * ({@code <parent>/processed|failed/<name>.<transferId>.<messageId>.<ext>.json|.mdn}).
 *
 * @param transferId     the transfer ID (a UUID)
 * @param connectorId    the connector that sent it
 * @param messageId      the AS2 Message-ID, without angle brackets
 * @param statusCode     PROCESSING (ASYNC, MDN not yet in), COMPLETED or FAILED
 * @param failureCode    AWS's failure code, null unless FAILED
 * @param failureMessage human-readable failure, null unless FAILED
 * @param disposition    the MDN's Disposition field, or null without an MDN
 * @param mdnMessageId   the MDN's Message-ID, or null
 * @param mdnSubject     the MDN's Subject, or null
 * @param mic            the MIC we computed, as {@code base64, algorithm}
 * @param transferSize   payload bytes sent
 * @param mdn            the MDN as received (headers-free body), or null; small, so held in memory
 * @param mdnContentType the MDN's Content-Type, or null
 * @param status         AWS's status document for this file
 * @param statusTarget   where the status JSON goes, or null when the source path is unknown
 * @param mdnTarget      where the MDN goes, or null when the source path is unknown or there is no MDN
 */
public record OutboundResult(String transferId, String connectorId, String messageId, StatusCode statusCode,
                             As2FailureCode failureCode, String failureMessage, String disposition,
                             String mdnMessageId, String mdnSubject, String mic, long transferSize, byte[] mdn,
                             String mdnContentType, StatusDocument status, StoragePath statusTarget,
                             StoragePath mdnTarget) {

    public boolean completed() {
        return statusCode == StatusCode.COMPLETED;
    }

    public boolean failed() {
        return statusCode == StatusCode.FAILED;
    }

    @Override
    public String toString() {
        return "OutboundResult[" + transferId + ", " + messageId + ", " + statusCode
                + (failureCode != null ? ", " + failureCode : "") + "]";
    }
}
