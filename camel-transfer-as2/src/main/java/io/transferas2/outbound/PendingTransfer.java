package io.transferas2.outbound;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What is known about one sent file: enough to finish it later, on any node and after a restart. It is the record an
 * ASYNC send leaves in the {@link PendingTransferStore} until its MDN arrives, and the context every result of a send
 * is built from.
 *
 * @param transferId             the transfer ID
 * @param messageId              the AS2 Message-ID, without angle brackets
 * @param connectorId            the connector
 * @param localProfileId         our profile (As2Config.LocalProfileId) at send time
 * @param partnerProfileId       the partner's profile, whose signing certificates verify the MDN
 * @param as2From                AS2-From sent
 * @param as2To                  AS2-To sent
 * @param url                    the partner URL posted to
 * @param messageSubject         Subject sent
 * @param filename               the file name announced
 * @param contentType            the payload's Content-Type
 * @param sourcePath             {@code /bucket/key} of the source file, or null
 * @param transferSize           payload bytes
 * @param mic                    the MIC we computed, as {@code base64, algorithm}; null before the message is built
 * @param signedReceiptRequested whether a signed MDN was asked for
 * @param sentAt                 when the send started
 * @param expiresAt              when an ASYNC send stops waiting for its MDN; null for SYNC and NONE
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PendingTransfer(String transferId, String messageId, String connectorId, String localProfileId,
                              String partnerProfileId, String as2From, String as2To, String url,
                              String messageSubject, String filename, String contentType, String sourcePath,
                              long transferSize, String mic, boolean signedReceiptRequested, Instant sentAt,
                              Instant expiresAt) {

    /** The same transfer once the message is built: its size and MIC known. */
    public PendingTransfer withMessage(long size, String micValue) {
        return new PendingTransfer(transferId, messageId, connectorId, localProfileId, partnerProfileId, as2From,
                as2To, url, messageSubject, filename, contentType, sourcePath, size, micValue,
                signedReceiptRequested, sentAt, expiresAt);
    }

    /** The same transfer waiting for an ASYNC MDN until {@code deadline}. */
    public PendingTransfer withExpiry(Instant deadline) {
        return new PendingTransfer(transferId, messageId, connectorId, localProfileId, partnerProfileId, as2From,
                as2To, url, messageSubject, filename, contentType, sourcePath, transferSize, mic,
                signedReceiptRequested, sentAt, deadline);
    }
}
