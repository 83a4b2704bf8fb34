package io.transferas2.routes;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.transferas2.model.FileTransferRequest;
import io.transferas2.model.TransferJson;

/**
 * The StartFileTransfer request the S3 outbox sends to {@code transfer-as2:transfers} for one object. Checking and
 * accepting requests is the component's ({@code transfer-as2:transfers} producer).
 */
public class StartFileTransferRequests {

    /** The request that sends one S3 object through a connector (the S3 outbox's). */
    public String outboxRequest(String bucket, String key, String connectorId) {
        FileTransferRequest request = new FileTransferRequest();
        request.setConnectorId(connectorId);
        request.setSendFilePaths(List.of("/" + bucket + "/" + key));
        try {
            return TransferJson.wire().writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a StartFileTransfer request", e);
        }
    }
}
