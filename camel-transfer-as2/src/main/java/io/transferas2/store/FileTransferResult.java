package io.transferas2.store;

import java.time.Instant;
import java.util.List;

/**
 * What the store knows about one file of a transfer: AWS's ConnectorFileTransferResult (file path, status, failure
 * code and message) and the rest of its record (Message-ID, MIC, status JSON key, attempts).
 *
 * @param transferId     its transfer
 * @param connectorId    its connector
 * @param fileIndex      its position in the request
 * @param filePath       {@code /bucket/key}
 * @param status         where it stands
 * @param failureCode    AWS's failure code, when FAILED (or of the last failed attempt while retried)
 * @param failureMessage the failure's text
 * @param messageId      the AS2 Message-ID of every send of it
 * @param mic            the MIC sent, when known
 * @param statusKey      {@code /bucket/key} of its status JSON, once written
 * @param acceptedAt     when its request was accepted
 * @param updatedAt      its last change
 * @param finishedAt     when it became COMPLETED or FAILED, else null
 * @param attempts       its attempts, oldest first (empty when not asked for)
 */
public record FileTransferResult(String transferId, String connectorId, int fileIndex, String filePath,
                                 FileStatus status, String failureCode, String failureMessage, String messageId,
                                 String mic, String statusKey, Instant acceptedAt, Instant updatedAt,
                                 Instant finishedAt, List<FileAttempt> attempts) {
}
