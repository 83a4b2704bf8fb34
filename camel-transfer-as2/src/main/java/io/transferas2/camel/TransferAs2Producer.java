package io.transferas2.camel;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;

import io.transferas2.as2.CompressionOrder;
import io.transferas2.as2.TransferEncoding;
import io.transferas2.inbound.StaleTempFiles;
import io.transferas2.model.CustomHttpHeader;
import io.transferas2.model.TransferJson;
import io.transferas2.outbound.ConnectorSender;
import io.transferas2.outbound.MdnFailureException;
import io.transferas2.outbound.MessageIds;
import io.transferas2.outbound.OutboundFile;
import io.transferas2.outbound.OutboundTransferException;
import io.transferas2.outbound.SendOptions;
import io.transferas2.outbound.TransportFailureException;
import io.transferas2.registry.InvalidRequestException;
import io.transferas2.transfer.OutboundResult;
import io.transferas2.transfer.StoragePath;

/**
 * {@code to("transfer-as2:connector/<ConnectorId>")}: sends the body to the partner as the AWS connector would and
 * puts the outcome on the message: the result headers ({@link OutboundResultHeaders}) and, as the body, AWS's status
 * JSON (the raw MDN is in the {@code CamelTransferAs2Mdn} header). The transfer ID and Message-ID of a send that threw
 * are kept in an exchange property, so Camel redelivery of the same exchange resends with the same Message-ID.
 */
public class TransferAs2Producer extends DefaultProducer {
    /** Exchange property prefix holding "transferId messageId" of a failed send, per connector. */
    static final String RESEND_PROPERTY = "CamelTransferAs2Resend.";
    private static final String S3_BUCKET = "CamelAwsS3BucketName";
    private static final String S3_KEY = "CamelAwsS3Key";
    private static final String S3_CONTENT_TYPE = "CamelAwsS3ContentType";

    static final Path DEFAULT_SPOOL_DIRECTORY = Path.of(".transfer-as2", "outbound", "tmp");

    private final String connectorId;
    private final SendOptions options;
    private final boolean returnBusinessFailures;
    private ConnectorSender sender;
    private WritableHealthCheckRepository healthCheckRepository;
    private TransferAs2ProducerHealthCheck healthCheck;

    public TransferAs2Producer(TransferAs2Endpoint endpoint) {
        super(endpoint);
        this.connectorId = endpoint.getId();
        TransferAs2Configuration c = endpoint.getConfiguration();
        this.options = SendOptions.builder()
                .connectTimeout(Duration.ofMillis(c.getConnectTimeout()))
                .readTimeout(Duration.ofMillis(c.getReadTimeout()))
                .maxInFlight(c.getMaxInFlight())
                .transferEncoding(TransferEncoding.valueOf(c.getTransferEncoding().trim().toUpperCase(Locale.ROOT)))
                .chunked(c.isChunked())
                .expectContinue(c.isExpectContinue())
                .algorithmProtection(!c.isOmitAlgorithmProtection())
                .compressionOrder(CompressionOrder.valueOf(c.getCompressionOrder().trim().toUpperCase(Locale.ROOT)))
                .messageIdDomain(c.getMessageIdDomain())
                .asyncMdnTimeout(Duration.ofMillis(c.getAsyncMdnTimeout()))
                .userAgent(c.getUserAgent())
                .tempDirectory(spoolDirectory(c))
                .build();
        String policy = c.getBusinessFailurePolicy() == null ? "THROW"
                : c.getBusinessFailurePolicy().trim().toUpperCase(Locale.ROOT);
        if (!policy.equals("THROW") && !policy.equals("RETURN")) {
            throw new IllegalArgumentException("businessFailurePolicy must be THROW or RETURN, was "
                    + c.getBusinessFailurePolicy());
        }
        this.returnBusinessFailures = policy.equals("RETURN");
    }

    @Override
    public TransferAs2Endpoint getEndpoint() {
        return (TransferAs2Endpoint) super.getEndpoint();
    }

    /** Where built messages are spooled while sent: the station's data directory, never a shared /tmp name. */
    static Path spoolDirectory(TransferAs2Configuration c) {
        return c.getTempDirectory() != null && !c.getTempDirectory().isBlank() ? Path.of(c.getTempDirectory())
                : DEFAULT_SPOOL_DIRECTORY;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // a spool untouched for longer than a send may take belongs to a process killed mid-send
        StaleTempFiles.remove(options.tempDirectory(),
                Duration.ofMillis(Math.max(600_000, 2 * getEndpoint().getConfiguration().getReadTimeout())));
        sender = getEndpoint().getComponent().connectorRuntime().sender();
        // producer health checks are opt-in in Camel (camel.health.producersEnabled)
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(),
                "producers", WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new TransferAs2ProducerHealthCheck(getEndpoint(), sender);
            healthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        String resendKey = RESEND_PROPERTY + connectorId;
        String[] ids = resendIds(exchange.getProperty(resendKey, String.class));
        String transferId = ids != null ? ids[0] : in.getHeader(TransferAs2Constants.TRANSFER_ID, String.class);
        if (transferId == null || transferId.isBlank()) {
            transferId = UUID.randomUUID().toString();
        }
        String messageId = ids != null ? ids[1] : MessageIds.next(options.messageIdDomain(), connectorId);
        OutboundFile file = file(exchange, transferId, messageId);
        exchange.setProperty(resendKey, transferId + " " + messageId);
        OutboundResult result;
        try {
            result = sender.send(connectorId, file, options);
        } catch (OutboundTransferException e) {
            OutboundResultHeaders.apply(e.result(), in);
            if (e instanceof TransportFailureException transport
                    && Boolean.TRUE.equals(exchange.getProperty(TransfersConsumer.RETRY_ALLOWED, Boolean.class))) {
                throw new TransferRetryException(transport);
            }
            throw e;
        }
        exchange.removeProperty(resendKey);
        OutboundResultHeaders.apply(result, in);
        in.setBody(result.status().toJson());
        if (result.failed() && !returnBusinessFailures) {
            throw new MdnFailureException(result);
        }
    }

    private OutboundFile file(Exchange exchange, String transferId, String messageId) throws InvalidPayloadException {
        Message in = exchange.getIn();
        OutboundFile.Builder b = OutboundFile.builder().transferId(transferId).messageId(messageId);
        Object body = in.getBody();
        if (body instanceof WrappedFile<?> wrapped && wrapped.getFile() instanceof File f) {
            b.file(f.toPath());
        } else if (body instanceof File f) {
            b.file(f.toPath());
        } else if (body instanceof Path p) {
            b.file(p);
        } else {
            // InputStream, byte[], String and anything Camel converts: streamed, never loaded here
            b.stream(in.getMandatoryBody(InputStream.class));
        }
        StoragePath source = sourcePath(in);
        String s3Key = in.getHeader(S3_KEY, String.class);
        String filename = firstNonBlank(in.getHeader(TransferAs2Constants.FILE_NAME, String.class),
                in.getHeader(Exchange.FILE_NAME, String.class),
                s3Key == null ? null : s3Key.substring(s3Key.lastIndexOf('/') + 1));
        return b.filename(filename)
                .sourcePath(source)
                .contentType(in.getHeader(TransferAs2Constants.CONTENT_TYPE, String.class))
                .sourceContentType(in.getHeader(S3_CONTENT_TYPE, String.class))
                .customHeaders(customHeaders(in.getHeader(TransferAs2Constants.CUSTOM_HTTP_HEADERS)))
                .build();
    }

    private static StoragePath sourcePath(Message in) {
        Object explicit = in.getHeader(TransferAs2Constants.SOURCE_PATH);
        if (explicit instanceof StoragePath p) {
            return p;
        }
        try {
            if (explicit != null && !explicit.toString().isBlank()) {
                return StoragePath.parse(explicit.toString().trim());
            }
            String bucket = in.getHeader(S3_BUCKET, String.class);
            String key = in.getHeader(S3_KEY, String.class);
            if (bucket != null && !bucket.isBlank() && key != null && !key.isBlank()) {
                return new StoragePath(bucket, key.startsWith("/") ? key.substring(1) : key);
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(TransferAs2Constants.SOURCE_PATH + ": " + e.getMessage());
        }
        return null;
    }

    /** A List of CustomHttpHeader, a Map of key to value, or AWS's JSON array of {Key, Value}. */
    static List<CustomHttpHeader> customHeaders(Object value) {
        if (value == null) {
            return List.of();
        }
        List<CustomHttpHeader> headers = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> headers.add(new CustomHttpHeader(String.valueOf(k), v == null ? "" : v.toString())));
        } else if (value instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof CustomHttpHeader h)) {
                    throw new InvalidRequestException(TransferAs2Constants.CUSTOM_HTTP_HEADERS
                            + ": a list must hold CustomHttpHeader values");
                }
                headers.add(h);
            }
        } else if (value instanceof String json) {
            try {
                headers.addAll(TransferJson.json().readValue(json, new TypeReference<List<CustomHttpHeader>>() {
                }));
            } catch (Exception e) {
                throw new InvalidRequestException(TransferAs2Constants.CUSTOM_HTTP_HEADERS
                        + ": expected a JSON array of {\"Key\":..,\"Value\":..}");
            }
        } else {
            throw new InvalidRequestException(TransferAs2Constants.CUSTOM_HTTP_HEADERS + ": unsupported type "
                    + value.getClass().getName());
        }
        return headers;
    }

    private static String[] resendIds(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split(" ", 2);
        return parts.length == 2 ? parts : null;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
