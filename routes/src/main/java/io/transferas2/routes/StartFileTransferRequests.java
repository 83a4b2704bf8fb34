package io.transferas2.routes;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.transferas2.camel.TransferAs2Component;
import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.model.FileTransferRequest;
import io.transferas2.model.TransferJson;
import io.transferas2.registry.FileTransferRules;
import io.transferas2.registry.InvalidRequestException;

/**
 * Reads a StartFileTransfer request ({@code {"ConnectorId": .., "SendFilePaths": [..], "CustomHttpHeaders": [..]}},
 * AWS's field names) and checks it with the same rules as the control-plane API ({@link FileTransferRules}): the
 * connector exists, 1-10 {@code /bucket/key} paths, valid custom headers. It then gives the request one TransferId
 * for all its files and turns the body into the list of paths, one per file to send.
 */
public class StartFileTransferRequests implements CamelContextAware {
    private CamelContext camelContext;

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    /**
     * Checks the request in the body and prepares the exchange: headers {@code CamelTransferAs2TransferId},
     * {@code CamelTransferAs2ConnectorId}, {@code CamelTransferAs2CustomHttpHeaders} (AWS's JSON array, when given);
     * body: the list of {@code /bucket/key} paths.
     *
     * @throws InvalidRequestException     when the request breaks a rule (HTTP 400)
     * @throws io.transferas2.registry.ResourceNotFoundException when the connector does not exist
     */
    public void accept(Exchange exchange) {
        Message in = exchange.getMessage();
        FileTransferRequest request = parse(in.getBody(String.class));
        String connectorHeader = in.getHeader(TransferAs2Constants.CONNECTOR_ID, String.class);
        if (request.getConnectorId() == null && connectorHeader != null) {
            request.setConnectorId(connectorHeader);
        } else if (connectorHeader != null && !connectorHeader.equals(request.getConnectorId())) {
            throw new InvalidRequestException("ConnectorId '" + request.getConnectorId() + "' does not match the"
                    + " connector '" + connectorHeader + "' the request was made for");
        }
        FileTransferRules.check(registry(), request);
        in.setHeader(TransferAs2Constants.TRANSFER_ID, UUID.randomUUID().toString());
        in.setHeader(TransferAs2Constants.CONNECTOR_ID, request.getConnectorId());
        if (request.getCustomHttpHeaders() != null && !request.getCustomHttpHeaders().isEmpty()) {
            try {
                in.setHeader(TransferAs2Constants.CUSTOM_HTTP_HEADERS,
                        TransferJson.wire().writeValueAsString(request.getCustomHttpHeaders()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write CustomHttpHeaders", e);
            }
        } else {
            in.removeHeader(TransferAs2Constants.CUSTOM_HTTP_HEADERS);
        }
        in.setBody(List.copyOf(request.getSendFilePaths()));
    }

    /** The answer StartFileTransfer gives at once: {@code {"TransferId": "..."}}. */
    public String response(Exchange exchange) {
        String transferId = exchange.getMessage().getHeader(TransferAs2Constants.TRANSFER_ID, String.class);
        return "{\"TransferId\":\"" + transferId + "\"}";
    }

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

    private static FileTransferRequest parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidRequestException("The StartFileTransfer request is empty: send"
                    + " {\"ConnectorId\": \"c-...\", \"SendFilePaths\": [\"/bucket/key\"]}");
        }
        try {
            FileTransferRequest request = TransferJson.wire().readValue(json, FileTransferRequest.class);
            if (request == null) {
                throw new InvalidRequestException("The StartFileTransfer request is empty");
            }
            return request;
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("The StartFileTransfer request is not valid JSON of AWS's shape ("
                    + e.getOriginalMessage() + ")");
        }
    }

    private io.transferas2.registry.TransferRegistry registry() {
        return camelContext.getComponent("transfer-as2", TransferAs2Component.class).transferRegistry();
    }
}
