package io.transferas2.camel;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

import io.transferas2.model.FileTransferRequest;
import io.transferas2.model.TransferJson;
import io.transferas2.queue.TransferQueue;
import io.transferas2.registry.FileTransferRules;
import io.transferas2.registry.InvalidRequestException;

/**
 * {@code to("transfer-as2:transfers")}: StartFileTransfer. The body is the request in AWS's shape
 * ({@code {"ConnectorId": "c-...", "SendFilePaths": ["/bucket/key", ...], "CustomHttpHeaders": [...]}}, a String or a
 * {@link FileTransferRequest}); header {@code CamelTransferAs2ConnectorId} may name the connector instead. It is
 * checked with AWS's rules, committed with all its files to the transfer store, and answered
 * {@code {"TransferId": "..."}} (also in header {@code CamelTransferAs2TransferId}). With header
 * {@code CamelTransferAs2OnceKey} a request whose key was accepted before is skipped (header
 * {@code CamelTransferAs2Accepted} false, body null).
 */
public class TransfersProducer extends DefaultProducer {

    public TransfersProducer(TransferAs2Endpoint endpoint) {
        super(endpoint);
    }

    @Override
    public TransferAs2Endpoint getEndpoint() {
        return (TransferAs2Endpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        FileTransferRequest request = request(in);
        String connectorHeader = in.getHeader(TransferAs2Constants.CONNECTOR_ID, String.class);
        if (request.getConnectorId() == null && connectorHeader != null) {
            request.setConnectorId(connectorHeader);
        } else if (connectorHeader != null && !connectorHeader.equals(request.getConnectorId())) {
            throw new InvalidRequestException("ConnectorId '" + request.getConnectorId() + "' does not match the"
                    + " connector '" + connectorHeader + "' the request was made for");
        }
        TransferAs2Component component = getEndpoint().getComponent();
        FileTransferRules.check(component.transferRegistry(), request);
        String headers = customHeaders(request);
        TransferQueue queue = component.transferQueue();
        String onceKey = in.getHeader(TransferAs2Constants.ONCE_KEY, String.class);
        Optional<String> transferId = onceKey == null
                ? Optional.of(queue.accept(request.getConnectorId(), List.copyOf(request.getSendFilePaths()), headers))
                : queue.acceptOnce(request.getConnectorId(), List.copyOf(request.getSendFilePaths()), headers,
                        TransferQueue.OUTBOX_KEYS, onceKey);
        in.setHeader(TransferAs2Constants.CONNECTOR_ID, request.getConnectorId());
        in.setHeader(TransferAs2Constants.ACCEPTED, transferId.isPresent());
        if (transferId.isPresent()) {
            in.setHeader(TransferAs2Constants.TRANSFER_ID, transferId.get());
            in.setBody("{\"TransferId\":\"" + transferId.get() + "\"}");
        } else {
            in.removeHeader(TransferAs2Constants.TRANSFER_ID);
            in.setBody(null);
        }
    }

    private static FileTransferRequest request(Message in) {
        Object body = in.getBody();
        if (body instanceof FileTransferRequest r) {
            return r;
        }
        String json = in.getBody(String.class);
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

    private static String customHeaders(FileTransferRequest request) {
        if (request.getCustomHttpHeaders() == null || request.getCustomHttpHeaders().isEmpty()) {
            return null;
        }
        try {
            return TransferJson.wire().writeValueAsString(request.getCustomHttpHeaders());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write CustomHttpHeaders", e);
        }
    }
}
