package io.transferas2.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A StartFileTransfer request as accepted: its files, each with the Message-ID every send of it will carry.
 *
 * @param transferId        the TransferId answered to the caller
 * @param connectorId       the connector the files go through
 * @param files             the files in request order
 * @param customHttpHeaders AWS's CustomHttpHeaders as a JSON array, or null
 * @param acceptedAt        when the request was accepted
 * @param node              the node that accepted it
 */
public record NewTransfer(String transferId, String connectorId, List<File> files, String customHttpHeaders,
                          Instant acceptedAt, String node) {

    public NewTransfer {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(connectorId, "connectorId");
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a transfer has at least one file");
        }
    }

    /**
     * One file of the request.
     *
     * @param filePath  {@code /bucket/key}
     * @param messageId the AS2 Message-ID (without angle brackets) of every send of this file
     */
    public record File(String filePath, String messageId) {
    }
}
