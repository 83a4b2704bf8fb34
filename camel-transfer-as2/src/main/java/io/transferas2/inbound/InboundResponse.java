package io.transferas2.inbound;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the receiver answers: HTTP status, response headers (AS2 headers of an MDN, Allow, Retry-After), and a small
 * body (an MDN or a one-line explanation) with its Content-Type.
 *
 * @param status      the HTTP status code
 * @param headers     response headers other than Content-Type, in order
 * @param body        the body, possibly empty; never null
 * @param contentType the body's Content-Type, or null without a body
 */
public record InboundResponse(int status, Map<String, String> headers, byte[] body, String contentType) {

    public InboundResponse {
        headers = Map.copyOf(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
    }

    /** A plain-text answer, e.g. {@code 400 AGREEMENT_NOT_FOUND: ...}. */
    public static InboundResponse text(int status, String text, Map<String, String> headers) {
        return new InboundResponse(status, headers, (text + "\r\n").getBytes(StandardCharsets.UTF_8),
                "text/plain; charset=utf-8");
    }

    /** An empty answer. */
    public static InboundResponse empty(int status) {
        return new InboundResponse(status, Map.of(), new byte[0], null);
    }

    /** The body as text, for logs and tests. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "InboundResponse[" + status + ", " + contentType + ", " + body.length + " bytes]";
    }
}
