package io.transferas2.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.transferas2.model.TransferJson;
import io.transferas2.registry.AccessDeniedException;
import io.transferas2.registry.ResourceExistsException;
import io.transferas2.registry.ResourceNotFoundException;
import io.transferas2.registry.ThrottlingException;
import io.transferas2.registry.TransferServiceException;

/**
 * Serves one AWS JSON 1.1 request on the platform-http exchange: authenticates it (SigV4), finds the operation from
 * {@code X-Amz-Target}, runs it and writes AWS's response or error shape ({@code __type}, {@code Message}) with the
 * matching HTTP status.
 */
final class ApiRequestHandler implements Processor {
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    /** ImportCertificate's CertificateChain may be 2 MiB of characters; nothing else comes close. */
    static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ApiRequestHandler.class);
    private static final long UNAUTHENTICATED_WARNING_INTERVAL_MS = 60_000;

    /** What one call did, for the route's audit exchange. */
    record Outcome(String requestId, String operation, String accessKeyId, int status, String errorType,
                   String responseBody) {
    }

    private final SigV4Verifier verifier;
    private final AccessKeys keys;
    private final TransferApiOperations operations;
    private final java.util.function.Consumer<Outcome> audit;
    private final Clock clock;
    private final AtomicLong lastUnauthenticatedWarning = new AtomicLong(Long.MIN_VALUE);

    /** {@code verifier} null serves unauthenticated (the development flag). */
    ApiRequestHandler(SigV4Verifier verifier, AccessKeys keys, TransferApiOperations operations,
                      java.util.function.Consumer<Outcome> audit, Clock clock) {
        this.verifier = verifier;
        this.keys = keys;
        this.operations = operations;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String requestId = UUID.randomUUID().toString();
        String operationName = null;
        String accessKeyId = null;
        int status;
        String errorType = null;
        String body;
        try {
            byte[] payload = readBody(message);
            accessKeyId = authenticate(message, payload);
            String target = message.getHeader("X-Amz-Target", String.class);
            operationName = target;
            ApiOperation operation = ApiOperation.fromTarget(target).orElseThrow(
                    () -> ApiProtocolException.unknownOperation(target == null
                            ? "X-Amz-Target is required: TransferService.<Operation>"
                            : "Unknown operation " + target));
            operationName = operation.awsName();
            if (accessKeyId != null && keys.isReadOnly(accessKeyId) && !operation.isReadOnly()) {
                throw new AccessDeniedException("Access key " + accessKeyId + " is read-only: it may call Describe*"
                        + " and List* operations, not " + operation.awsName());
            }
            ObjectNode response = operations.handle(operation, parse(message, payload));
            status = 200;
            body = TransferJson.wire().writeValueAsString(response);
        } catch (TransferServiceException e) {
            status = e.httpStatus();
            errorType = e.errorType();
            body = errorBody(e);
            LOG.debug("{} {} answered {} {}: {}", requestId, operationName, status, errorType, e.getMessage());
        } catch (RuntimeException | JsonProcessingException e) {
            status = 500;
            errorType = "InternalServiceError";
            body = errorBody(errorType, "The request failed inside the service; see the server log (request "
                    + requestId + ")");
            LOG.warn("{} {} failed", requestId, operationName, e);
        }
        writeResponse(message, requestId, status, errorType, body);
        audit.accept(new Outcome(requestId, operationName, accessKeyId, status, errorType, body));
    }

    private String authenticate(Message message, byte[] payload) {
        if (verifier == null) {
            long now = System.currentTimeMillis();
            long last = lastUnauthenticatedWarning.get();
            if ((last == Long.MIN_VALUE || now - last >= UNAUTHENTICATED_WARNING_INTERVAL_MS)
                    && lastUnauthenticatedWarning.compareAndSet(last, now)) {
                LOG.warn("UNAUTHENTICATED transfer-as2 API call accepted (allowUnauthenticatedApi=true): anyone who"
                        + " reaches this port can change every resource. Configure accessKeys. (Logged at most once"
                        + " a minute.)");
            }
            return null;
        }
        String uri = message.getHeader(Exchange.HTTP_URI, String.class);
        String path = uri == null ? "/" : uri;
        int query = path.indexOf('?');
        String rawQuery = message.getHeader(Exchange.HTTP_RAW_QUERY, String.class);
        if (query >= 0) {
            rawQuery = rawQuery != null ? rawQuery : path.substring(query + 1);
            path = path.substring(0, query);
        }
        if (path.startsWith("http://") || path.startsWith("https://")) {
            path = java.net.URI.create(path).getRawPath();
        }
        String method = message.getHeader(Exchange.HTTP_METHOD, "POST", String.class);
        return verifier.verify(new SigV4Verifier.SignedRequest(method, path, rawQuery, headers(message), payload));
    }

    private static Function<String, List<String>> headers(Message message) {
        return name -> {
            Object value = message.getHeader(name);
            if (value == null && "host".equalsIgnoreCase(name)) {
                // HTTP/2 (h2c) carries the host as the :authority pseudo-header, which is not a message header
                value = authority(message.getHeader(Exchange.HTTP_URL, String.class));
            }
            if (value == null) {
                return null;
            }
            List<String> values = new ArrayList<>();
            if (value instanceof Collection<?> many) {
                many.forEach(v -> values.add(String.valueOf(v)));
            } else {
                values.add(String.valueOf(value));
            }
            return values;
        };
    }

    private static String authority(String url) {
        if (url == null) {
            return null;
        }
        try {
            return java.net.URI.create(url).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] readBody(Message message) {
        Long declared = message.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > MAX_REQUEST_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = message.getBody(InputStream.class)) {
            if (in == null) {
                return new byte[0];
            }
            byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
            if (bytes.length > MAX_REQUEST_BYTES) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw ApiProtocolException.serialization("The request body could not be read: " + e.getMessage());
        }
    }

    private static ApiProtocolException tooLarge() {
        return new ApiProtocolException("RequestEntityTooLargeException", 413, "The request is larger than "
                + MAX_REQUEST_BYTES + " bytes");
    }

    private static ObjectNode parse(Message message, byte[] payload) {
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            throw ApiProtocolException.serialization("Content-Type must be " + CONTENT_TYPE + ", not "
                    + contentType);
        }
        if (payload.length == 0) {
            return TransferJson.wire().createObjectNode();
        }
        JsonNode node;
        try {
            node = TransferJson.wire().readTree(payload);
        } catch (IOException e) {
            throw ApiProtocolException.serialization("The request body is not valid JSON");
        }
        if (node == null || node.isMissingNode()) {
            return TransferJson.wire().createObjectNode();
        }
        if (!node.isObject()) {
            throw ApiProtocolException.serialization("The request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private static String errorBody(TransferServiceException e) {
        ObjectNode error = TransferJson.wire().createObjectNode();
        error.put("__type", e.errorType());
        error.put("Message", e.getMessage());
        if (e instanceof ResourceNotFoundException notFound) {
            error.put("Resource", notFound.resource());
            error.put("ResourceType", notFound.resourceType());
        } else if (e instanceof ResourceExistsException exists) {
            error.put("Resource", exists.resource());
            error.put("ResourceType", exists.resourceType());
        } else if (e instanceof ThrottlingException throttling && throttling.retryAfterSeconds() != null) {
            error.put("RetryAfterSeconds", throttling.retryAfterSeconds());
        }
        return error.toString();
    }

    private static String errorBody(String type, String text) {
        ObjectNode error = TransferJson.wire().createObjectNode();
        error.put("__type", type);
        error.put("Message", text);
        return error.toString();
    }

    private void writeResponse(Message message, String requestId, int status, String errorType, String body) {
        // request headers would otherwise be echoed into the response
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, CONTENT_TYPE);
        message.setHeader("x-amzn-RequestId", requestId);
        // the SDKs correct their clock from Date when a signature is rejected as expired
        message.setHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(ZoneOffset.UTC)));
        if (errorType != null) {
            message.setHeader("X-Amzn-ErrorType", errorType);
        }
        message.setBody(body.getBytes(StandardCharsets.UTF_8));
    }
}
