package io.transferas2.inbound;

import java.nio.file.Path;

import io.transferas2.as2.As2FailureCode;
import io.transferas2.as2.Mdn;
import io.transferas2.transfer.OutboundResult;
import io.transferas2.transfer.StatusCode;
import io.transferas2.transfer.StatusDocument;

/**
 * What the receiver hands the route for one request: a partner's file (PAYLOAD, COMPLETED or FAILED) or an MDN that
 * completes one of our ASYNC sends (MDN).
 *
 * <p>A COMPLETED payload carries the decoded payload file, its targets and the status JSON and MDN to store beside
 * it. A FAILED payload carries the failure code, the failed/ targets and, when it is available, the raw message (or
 * the decoded payload when the route failed); it has no targets when no agreement matched (AGREEMENT_NOT_FOUND and
 * header errors), as the failure then belongs to no agreement's directories.
 *
 * @param type           PAYLOAD or MDN
 * @param statusCode     COMPLETED or FAILED for payloads; the transfer's status for MDNs
 * @param serverId       the receiving server
 * @param agreementId    the agreement, or null when none matched (and for MDNs)
 * @param as2From        AS2-From as received
 * @param as2To          AS2-To as received
 * @param messageId      the Message-ID without angle brackets
 * @param subject        the Subject header, or null
 * @param contentType    the payload's Content-Type (the MDN's for MDNs), or null
 * @param fileName       the sanitised file name the partner gave, or null
 * @param clientIp       the partner's address
 * @param signed         the message was signed
 * @param encrypted      the message was encrypted
 * @param compressed     the message was compressed
 * @param mic            the MIC returned in the MDN, as {@code base64, algorithm}, or null
 * @param transferSize   the payload size in bytes, or -1 when unknown
 * @param failureCode    AWS's failure code of a FAILED payload, or null
 * @param failureMessage what failed, or null
 * @param landing        where the files go, or null without agreement
 * @param status         AWS's status document
 * @param mdn            the MDN sent (or being sent) to the partner, or null
 * @param mdnMessageId   that MDN's Message-ID without angle brackets, or null
 * @param body           the file to hand the route: payload, raw message or MDN; null when there is none. Owned
 *                       by the receiver and deleted after the route ran
 * @param outboundResult for MDNs: the completed outbound transfer
 * @param mdnUrl         where the MDN to the partner is POSTed when the partner asked for an asynchronous receipt
 *                       (its Receipt-Delivery-Option); null for a synchronous MDN or none
 */
public record InboundDelivery(Type type, StatusCode statusCode, String serverId, String agreementId, String as2From,
                              String as2To, String messageId, String subject, String contentType, String fileName,
                              String clientIp, boolean signed, boolean encrypted, boolean compressed, String mic,
                              long transferSize, As2FailureCode failureCode, String failureMessage, Landing landing,
                              StatusDocument status, Mdn mdn, String mdnMessageId, Path body,
                              OutboundResult outboundResult, String mdnUrl) {

    /** What a server consumer received. */
    public enum Type { PAYLOAD, MDN }

    public boolean failed() {
        return statusCode == StatusCode.FAILED;
    }

    @Override
    public String toString() {
        return "InboundDelivery[" + type + " " + statusCode + " " + messageId + (failureCode == null ? ""
                : " " + failureCode) + "]";
    }
}
