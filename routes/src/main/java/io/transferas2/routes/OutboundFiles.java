package io.transferas2.routes;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import io.transferas2.as2.As2FailureCode;
import io.transferas2.camel.OutboundResultHeaders;
import io.transferas2.camel.TransferAs2Component;
import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.model.As2ConnectorConfig;
import io.transferas2.model.Connector;
import io.transferas2.model.Profile;
import io.transferas2.model.TransferJson;
import io.transferas2.outbound.ContentTypes;
import io.transferas2.outbound.MessageIds;
import io.transferas2.outbound.OutboundResults;
import io.transferas2.outbound.PendingTransfer;
import io.transferas2.registry.ResourceNotFoundException;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.transfer.OutboundResult;
import io.transferas2.transfer.StatusCode;
import io.transferas2.transfer.StoragePath;

/**
 * The bookkeeping around one file of a StartFileTransfer, in AWS's layout relative to the file's parent directory:
 * where the file is, its in-flight marker in {@code processing/} (deleted when the file is done, so the folder ends
 * empty), and the FAILED result of a file that could not be read from S3 ({@code SEND_FILE_NOT_FOUND}, or
 * {@code ACCESS_DENIED} when S3 refuses), written to {@code failed/} exactly as a failed send would be.
 */
public class OutboundFiles implements CamelContextAware {
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
     * Prepares the exchange for the file whose {@code /bucket/key} path is the body: headers
     * {@code CamelTransferAs2SourcePath} (the producer computes the result locations from it),
     * {@code CamelTransferAs2SourceBucket}/{@code SourceKey}, {@code CamelTransferAs2ProcessingKey}; property
     * {@code CamelTransferAs2Started}. The body becomes the small JSON the marker holds.
     */
    public void prepare(Exchange exchange) {
        Message in = exchange.getMessage();
        String body = in.getBody(String.class);
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("expected a /bucket/key path as body");
        }
        StoragePath source = StoragePath.parse(body.trim());
        String transferId = in.getHeader(TransferAs2Constants.TRANSFER_ID, String.class);
        Integer index = exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class);
        String fileIndex = in.getHeader("CamelTransferAs2FileIndex", index == null ? "0" : index.toString(),
                String.class);
        Instant started = Instant.now();
        exchange.setProperty(RouteHeaders.STARTED, started);
        in.setHeader(TransferAs2Constants.SOURCE_PATH, source.toString());
        in.setHeader(RouteHeaders.SOURCE_BUCKET, source.bucket());
        in.setHeader(RouteHeaders.SOURCE_KEY, source.key());
        in.setHeader(RouteHeaders.PROCESSING_KEY, processingKey(source, transferId, fileIndex));
        Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("transfer-id", transferId);
        marker.put("connector-id", in.getHeader(TransferAs2Constants.CONNECTOR_ID, String.class));
        marker.put("file-path", source.toString());
        marker.put("start-timestamp", started.toString());
        try {
            in.setBody(TransferJson.json().writeValueAsString(marker));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the processing marker", e);
        }
    }

    /** {@code <parent>/processing/<name>.<transferId>.<index>}: one marker per file of a request. */
    static String processingKey(StoragePath source, String transferId, String fileIndex) {
        String key = source.key();
        int slash = key.lastIndexOf('/');
        String parent = slash < 0 ? "" : key.substring(0, slash + 1);
        return parent + "processing/" + source.fileName() + "." + transferId + "." + fileIndex;
    }

    /**
     * Turns the S3 error caught while reading the source into the FAILED result a send would have had: the result
     * headers (status JSON, {@code failed/} locations) and the status JSON as body. A missing object is
     * {@code SEND_FILE_NOT_FOUND}; S3 refusing the read (no such bucket, access denied) is {@code ACCESS_DENIED}.
     */
    public void readFailed(Exchange exchange) {
        Message in = exchange.getMessage();
        closeBody(exchange);
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String path = in.getHeader(TransferAs2Constants.SOURCE_PATH, String.class);
        As2FailureCode code;
        String message;
        if (caught instanceof NoSuchKeyException) {
            code = As2FailureCode.SEND_FILE_NOT_FOUND;
            message = "File " + path + " not found";
        } else {
            code = As2FailureCode.ACCESS_DENIED;
            String why = caught instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                    ? aws.awsErrorDetails().errorCode() : caught == null ? "unknown error" : caught.getMessage();
            message = "Cannot read " + path + ": " + why;
        }
        OutboundResult result = failedBeforeSend(in, path, code, message);
        OutboundResultHeaders.apply(result, in);
        in.setBody(result.status().toJson());
    }

    private OutboundResult failedBeforeSend(Message in, String path, As2FailureCode code, String message) {
        String connectorId = in.getHeader(TransferAs2Constants.CONNECTOR_ID, String.class);
        String transferId = in.getHeader(TransferAs2Constants.TRANSFER_ID, String.class);
        StoragePath source = StoragePath.parse(path);
        String filename = source.fileName();
        String localProfileId = null;
        String partnerProfileId = null;
        String as2From = null;
        String as2To = null;
        String url = null;
        String subject = null;
        String contentType = ContentTypes.forFilename(filename);
        TransferRegistry registry = camelContext.getComponent("transfer-as2", TransferAs2Component.class)
                .transferRegistry();
        try {
            Connector connector = registry.describeConnector(connectorId);
            As2ConnectorConfig config = connector.getAs2Config();
            Profile local = registry.describeProfile(config.getLocalProfileId());
            Profile partner = registry.describeProfile(config.getPartnerProfileId());
            localProfileId = local.getProfileId();
            partnerProfileId = partner.getProfileId();
            as2From = local.getAs2Id();
            as2To = partner.getAs2Id();
            url = connector.getUrl();
            subject = config.getMessageSubject() != null ? config.getMessageSubject()
                    : "File " + filename.replaceAll("[^\\x20-\\x7e]", "_") + " from " + as2From + " to " + as2To;
            contentType = ContentTypes.resolve(in.getHeader(TransferAs2Constants.CONTENT_TYPE, String.class), null,
                    config.effectivePreserveContentType(), filename);
        } catch (ResourceNotFoundException e) {
            // the connector or a profile went away since the request was accepted: the result names what is known
        }
        PendingTransfer transfer = new PendingTransfer(transferId, MessageIds.next(null, connectorId), connectorId,
                localProfileId, partnerProfileId, as2From, as2To, url, subject, filename, contentType,
                source.toString(), 0, null, false, Instant.now(), null);
        return OutboundResults.of(transfer, StatusCode.FAILED, code, message, Instant.now());
    }

    /**
     * Closes the body when it is a stream (an S3 object the send did not consume, which would otherwise hold a pooled
     * connection) and clears it, so no later step tries to read or cache a closed stream.
     */
    public void closeBody(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                // nothing more to release
            }
            exchange.getMessage().setBody(null);
        }
    }
}
