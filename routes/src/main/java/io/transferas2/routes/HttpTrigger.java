package io.transferas2.routes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.transferas2.model.TransferJson;
import io.transferas2.registry.AccessDeniedException;
import io.transferas2.registry.InvalidRequestException;
import io.transferas2.registry.TransferServiceException;

/**
 * Guards the HTTP trigger of StartFileTransfer, which sends files on the caller's behalf. With a token configured
 * ({@code transferas2.trigger.token}) every call must carry {@code Authorization: Bearer <token>}; without one only
 * callers on this machine (loopback addresses) are served. Errors are answered in AWS's JSON error shape
 * ({@code {"__type": "InvalidRequestException", "Message": ".."}}) with AWS's HTTP status.
 */
public class HttpTrigger {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTrigger.class);
    private static final String REMOTE_ADDRESS = "CamelVertxPlatformHttpRemoteAddress";

    private String token;

    public String getToken() {
        return token;
    }

    /** The bearer token callers must present; blank means loopback callers only. Never logged. */
    public void setToken(String token) {
        this.token = token == null || token.isBlank() ? null : token.strip();
    }

    /**
     * Lets the call through, or throws {@link AccessDeniedException} (HTTP 403 in AWS's error shape) for a caller
     * without the token (or not on this machine), {@link InvalidRequestException} (400) for a body that is not JSON.
     */
    public void authorize(Exchange exchange) {
        Message in = exchange.getMessage();
        checkCaller(in);
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            // a form post would reach the route parsed as form fields, and fail with a puzzling JSON error
            throw new InvalidRequestException("StartFileTransfer trigger: send the request as JSON with"
                    + " Content-Type: application/json (got " + contentType + ")");
        }
    }

    private void checkCaller(Message in) {
        if (token != null) {
            String auth = in.getHeader("Authorization", String.class);
            String presented = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? auth.substring(7).strip() : "";
            if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8))) {
                throw new Refused("StartFileTransfer trigger: a valid 'Authorization: Bearer <token>'"
                        + " header is required");
            }
            return;
        }
        String remote = remoteHost(in.getHeader(REMOTE_ADDRESS));
        if (!isLoopback(remote)) {
            LOG.warn("StartFileTransfer trigger refused a call from {}: without transferas2.trigger.token only"
                    + " callers on this machine are served", remote);
            throw new Refused("StartFileTransfer trigger: callers from other machines need a token"
                    + " (set transferas2.trigger.token)");
        }
    }

    /** Answers the exception the route caught in AWS's error shape and status. */
    public void error(Exchange exchange) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Message out = exchange.getMessage();
        String type;
        String message;
        int status;
        if (caught instanceof TransferServiceException known) {
            type = known.errorType();
            message = known.getMessage();
            status = known.httpStatus();
        } else {
            LOG.warn("StartFileTransfer trigger failed: {}", caught == null ? "unknown error" : caught.toString());
            type = "InternalServiceError";
            message = "StartFileTransfer failed; see the server log";
            status = 500;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type", type);
        body.put("Message", message);
        try {
            out.setBody(TransferJson.wire().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            out.setBody("{\"__type\":\"InternalServiceError\"}");
        }
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
    }

    /**
     * The trigger refusing its caller: AWS's {@code AccessDeniedException} type, answered with HTTP 403 as for any
     * authorization failure on this plain-HTTP endpoint (the AWS API itself answers the type with 400).
     */
    static final class Refused extends AccessDeniedException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }

        @Override
        public int httpStatus() {
            return 403;
        }

        @Override
        public String errorType() {
            return "AccessDeniedException";
        }
    }

    static String remoteHost(Object address) {
        if (address instanceof io.vertx.core.net.SocketAddress vertx) {
            return vertx.hostAddress() != null ? vertx.hostAddress() : vertx.host();
        }
        if (address instanceof java.net.InetSocketAddress inet) {
            return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
        }
        return address == null ? null : address.toString();
    }

    static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        // a literal address only: no name lookups for a security decision
        if (!host.matches("[0-9a-fA-F.:%\\[\\]]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
