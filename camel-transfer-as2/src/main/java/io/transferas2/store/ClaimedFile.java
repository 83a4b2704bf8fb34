package io.transferas2.store;

/**
 * A file a node has claimed for sending: it holds the lease until it records an outcome or the lease expires.
 *
 * @param fileId            the store's key of the file
 * @param transferId        its transfer
 * @param fileIndex         its position in the request (0-based)
 * @param connectorId       the connector to send through
 * @param filePath          {@code /bucket/key}
 * @param messageId         the Message-ID to send with (the same on every attempt)
 * @param attempt           this attempt's number (1 for the first)
 * @param customHttpHeaders AWS's CustomHttpHeaders as a JSON array, or null
 */
public record ClaimedFile(long fileId, String transferId, int fileIndex, String connectorId, String filePath,
                          String messageId, int attempt, String customHttpHeaders) {
}
