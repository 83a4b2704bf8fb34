package io.transferas2.routes;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.StartupListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.transferas2.camel.TransferAs2Component;
import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.camel.TransferAs2ServerConsumer;
import io.transferas2.inbound.AsyncMdnSender;
import io.transferas2.model.TransferJson;
import io.transferas2.transfer.StoragePath;

/**
 * Sends the AS2 events AWS Transfer Family puts on EventBridge (spec §3.1), in EventBridge's envelope
 * ({@code version, id, detail-type, source: aws.transfer, account, time, region, resources, detail}) with AWS's
 * {@code detail} field names, to a Camel endpoint: a log by default, Kafka, HTTP, a file... by configuration. The
 * event JSON is the body; header {@code CamelTransferAs2EventType} carries the detail-type.
 *
 * <p>Events never fail a transfer: a failing endpoint is logged. "AS2 MDN Send" events of asynchronous receipts are
 * sent when the MDN delivery to the partner has ended (Completed or Failed), which the server consumers report to
 * this bean; synchronous MDNs are announced when the route has stored the message.
 */
public class TransferEvents implements CamelContextAware, StartupListener {
    /** Header on the event message: its detail-type. */
    public static final String EVENT_TYPE = "CamelTransferAs2EventType";
    private static final Logger LOG = LoggerFactory.getLogger(TransferEvents.class);
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    /** Status-document keys copied into the detail under the same name. */
    private static final List<String> STATUS_FIELDS = List.of("mdn-subject", "mdn-message-id", "disposition",
            "as2-from", "as2-message-id", "as2-to", "connector-id", "client-ip", "agreement-id", "server-id",
            "requester-file-name", "message-subject", "status-code", "failure-code", "failure-message",
            "transfer-id");
    private static final int MAX_PENDING_MDNS = 10_000;

    private CamelContext camelContext;
    private ProducerTemplate template;
    private String endpoint = "log:transfer-as2.events";
    private boolean enabled = true;
    /** Details of async MDNs handed to the consumer for delivery, until the delivery ends; oldest evicted first. */
    private final Map<String, Map<String, Object>> pendingMdnSends = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
                    return size() > MAX_PENDING_MDNS;
                }
            });

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
        try {
            camelContext.addStartupListener(this);
        } catch (Exception e) {
            throw new IllegalStateException("cannot watch the server consumers' MDN deliveries", e);
        }
    }

    public String getEndpoint() {
        return endpoint;
    }

    /** The Camel endpoint URI events are sent to (property {@code transferas2.events.endpoint}). */
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Whether events are sent at all. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Hooks the async MDN deliveries of every server consumer, once the routes have started. */
    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        for (Route route : context.getRoutes()) {
            if (route.getConsumer() instanceof TransferAs2ServerConsumer consumer) {
                String serverId = consumer.getEndpoint().getId();
                consumer.setMdnDeliveryListener(d -> mdnDelivered(serverId, d));
            }
        }
    }

    /**
     * Sends the event of {@code detailType} (e.g. {@code AS2 Payload Receive Completed}) built from the exchange's
     * transfer-as2 headers. An "AS2 MDN Send Completed" of an asynchronous receipt waits for the delivery's end.
     */
    public void emit(Exchange exchange, String detailType) {
        if (!enabled) {
            return;
        }
        EventType type = EventType.of(detailType);
        Map<String, Object> detail = detail(exchange, type);
        Message in = exchange.getMessage();
        String mdnUrl = in.getHeader(TransferAs2Constants.MDN_URL, String.class);
        if (type == EventType.MDN_SEND_COMPLETED && mdnUrl != null) {
            pendingMdnSends.put(in.getHeader(TransferAs2Constants.SERVER_ID, String.class) + " "
                    + in.getHeader(TransferAs2Constants.MESSAGE_ID, String.class), detail);
            return;
        }
        send(type, detail, resource(type, detail));
    }

    /** The event JSON, as {@link #emit} would send it (for routes that send events themselves). */
    public String build(Exchange exchange, String detailType) {
        EventType type = EventType.of(detailType);
        Map<String, Object> detail = detail(exchange, type);
        return envelope(type, detail, resource(type, detail));
    }

    void mdnDelivered(String serverId, AsyncMdnSender.Delivery delivery) {
        Map<String, Object> detail = pendingMdnSends.remove(serverId + " " + delivery.originalMessageId());
        if (detail == null) {
            detail = new LinkedHashMap<>();
            detail.put("as2-message-id", delivery.originalMessageId());
            detail.put("server-id", serverId);
        }
        detail.put("end-timestamp", MICROS.format(Instant.now()));
        EventType type;
        if (delivery.delivered()) {
            type = EventType.MDN_SEND_COMPLETED;
        } else {
            type = EventType.MDN_SEND_FAILED;
            detail.put("status-code", "FAILED");
            detail.put("failure-code", delivery.lastStatus() > 0 ? "HTTP_ERROR_RESPONSE_FROM_PARTNER"
                    : "UNABLE_TO_CONNECT_TO_REMOTE_HOST_OR_IP");
            detail.put("failure-message", "MDN to " + delivery.url() + " not delivered after "
                    + delivery.attempts() + " attempts: " + delivery.problem());
        }
        send(type, detail, resource(type, detail));
    }

    private Map<String, Object> detail(Exchange exchange, EventType type) {
        Message in = exchange.getMessage();
        Map<String, Object> status = statusDocument(in.getHeader(TransferAs2Constants.STATUS_JSON, String.class));
        Map<String, Object> detail = new LinkedHashMap<>();
        Map<String, Object> s3 = new LinkedHashMap<>();
        if (type.outbound()) {
            String source = in.getHeader(TransferAs2Constants.SOURCE_PATH, String.class);
            if (source == null && status.get("file-path") instanceof String path && path.startsWith("/")) {
                source = path;
            }
            if (source != null) {
                StoragePath file = StoragePath.parse(source);
                putLocation(s3, "file", file.bucket(), file.key());
            }
        } else {
            putLocation(s3, "file", in.getHeader(TransferAs2Constants.PAYLOAD_BUCKET, String.class),
                    in.getHeader(TransferAs2Constants.PAYLOAD_KEY, String.class));
        }
        putLocation(s3, "json", in.getHeader(TransferAs2Constants.STATUS_BUCKET, String.class),
                in.getHeader(TransferAs2Constants.STATUS_KEY, String.class));
        putLocation(s3, "mdn", in.getHeader(TransferAs2Constants.MDN_BUCKET, String.class),
                in.getHeader(TransferAs2Constants.MDN_KEY, String.class));
        if (!s3.isEmpty()) {
            detail.put("s3-attributes", s3);
        }
        for (String field : STATUS_FIELDS) {
            if (status.get(field) != null) {
                detail.put(field, status.get(field));
            }
        }
        Object bytes = status.get("transfer-size") != null ? status.get("transfer-size")
                : in.getHeader(TransferAs2Constants.TRANSFER_SIZE);
        if (bytes != null) {
            detail.put("bytes", bytes);
        }
        putIfAbsent(detail, "as2-from", in.getHeader(TransferAs2Constants.AS2_FROM));
        putIfAbsent(detail, "as2-to", in.getHeader(TransferAs2Constants.AS2_TO));
        putIfAbsent(detail, "as2-message-id", in.getHeader(TransferAs2Constants.MESSAGE_ID));
        putIfAbsent(detail, "status-code", in.getHeader(TransferAs2Constants.STATUS_CODE));
        putIfAbsent(detail, "failure-code", in.getHeader(TransferAs2Constants.FAILURE_CODE));
        putIfAbsent(detail, "failure-message", in.getHeader(TransferAs2Constants.FAILURE_MESSAGE));
        putIfAbsent(detail, "disposition", in.getHeader(TransferAs2Constants.DISPOSITION));
        putIfAbsent(detail, "mdn-message-id", in.getHeader(TransferAs2Constants.MDN_MESSAGE_ID));
        putIfAbsent(detail, "mdn-subject", in.getHeader(TransferAs2Constants.MDN_SUBJECT));
        if (type.outbound()) {
            putIfAbsent(detail, "connector-id", in.getHeader(TransferAs2Constants.CONNECTOR_ID));
            putIfAbsent(detail, "transfer-id", in.getHeader(TransferAs2Constants.TRANSFER_ID));
        } else {
            putIfAbsent(detail, "server-id", in.getHeader(TransferAs2Constants.SERVER_ID));
            putIfAbsent(detail, "agreement-id", in.getHeader(TransferAs2Constants.AGREEMENT_ID));
            putIfAbsent(detail, "client-ip", in.getHeader(TransferAs2Constants.CLIENT_IP));
            putIfAbsent(detail, "message-subject", in.getHeader(TransferAs2Constants.SUBJECT));
        }
        Instant started = exchange.getProperty(RouteHeaders.STARTED, Instant.class);
        detail.put("start-timestamp", MICROS.format(started != null ? started
                : Instant.ofEpochMilli(exchange.getClock().getCreated())));
        detail.put("end-timestamp", MICROS.format(Instant.now()));
        return detail;
    }

    /** AWS's events give S3 keys with a leading slash ({@code "file-key": "/inbound/processed/a.dat"}). */
    private static void putLocation(Map<String, Object> s3, String prefix, String bucket, String key) {
        if (bucket != null && key != null) {
            s3.put(prefix + "-bucket", bucket);
            s3.put(prefix + "-key", key.startsWith("/") ? key : "/" + key);
        }
    }

    private static void putIfAbsent(Map<String, Object> detail, String name, Object value) {
        if (value != null && !detail.containsKey(name)) {
            detail.put(name, value.toString());
        }
    }

    private static Map<String, Object> statusDocument(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return TransferJson.json().readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private String resource(EventType type, Map<String, Object> detail) {
        Object id = type.outbound() ? detail.get("connector-id") : detail.get("server-id");
        if (id == null) {
            return null;
        }
        TransferAs2Component component = camelContext.getComponent("transfer-as2", TransferAs2Component.class);
        return "arn:aws:transfer:" + component.getRegion() + ":" + component.getAccountId() + ":"
                + (type.outbound() ? "connector/" : "server/") + id;
    }

    private String envelope(EventType type, Map<String, Object> detail, String resource) {
        TransferAs2Component component = camelContext.getComponent("transfer-as2", TransferAs2Component.class);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", type.detailType());
        event.put("source", "aws.transfer");
        event.put("account", component.getAccountId());
        event.put("time", SECONDS.format(Instant.now()));
        event.put("region", component.getRegion());
        event.put("resources", resource == null ? List.of() : List.of(resource));
        event.put("detail", detail);
        try {
            return TransferJson.json().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an event", e);
        }
    }

    private void send(EventType type, Map<String, Object> detail, String resource) {
        try {
            if (template == null) {
                template = camelContext.createProducerTemplate();
            }
            template.sendBodyAndHeader(endpoint, envelope(type, detail, resource), EVENT_TYPE, type.detailType());
        } catch (RuntimeException e) {
            LOG.warn("transfer-as2 event {} for message {} not sent to {}: {}", type.detailType(),
                    detail.get("as2-message-id"), endpoint, e.toString());
        }
    }
}
