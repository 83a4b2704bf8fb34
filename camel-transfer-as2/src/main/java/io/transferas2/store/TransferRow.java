package io.transferas2.store;

import java.time.Instant;

/**
 * One line of the console's transfer list: an outbound file of a StartFileTransfer request or an inbound receipt.
 *
 * @param direction     INBOUND or OUTBOUND
 * @param messageId     the AS2 Message-ID
 * @param transferId    the TransferId (outbound), else null
 * @param resourceId    the ConnectorId (outbound) or the ServerId (inbound)
 * @param agreementId   the AgreementId (inbound), else null
 * @param partnerAs2Id  AS2-From of an inbound message, else null (the connector names the partner)
 * @param file          the file path (outbound) or the file name (inbound)
 * @param transferSize  bytes, or -1 when not known
 * @param status        QUEUED, IN_PROGRESS, PROCESSING, COMPLETED or FAILED
 * @param failureCode   AWS's failure code, when failed
 * @param at            when it was accepted (outbound) or received (inbound)
 * @param finishedAt    when it finished, or null
 * @param sortKey       the row's tie-breaker for paging (file or receipt ID)
 */
public record TransferRow(TransferFilter.Direction direction, String messageId, String transferId, String resourceId,
                          String agreementId, String partnerAs2Id, String file, long transferSize, String status,
                          String failureCode, Instant at, Instant finishedAt, long sortKey) {
}
