package io.transferas2.camel;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.transferas2.inbound.InboundHttpRequest;

/**
 * A request whose body the platform-http engine hands over in the Camel message: the fallback for engines other than
 * Vert.x ({@link VertxAs2Request}) and Spring Boot's ({@link ServletAs2Request}). Headers come from the Camel message,
 * the client address from the servlet request when there is one, TLS from the request URL's scheme. Such an engine
 * may have read (and buffered) the body before the headers are checked.
 */
final class StreamAs2Request implements InboundHttpRequest {
    private final Message message;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    /** True when there was no body to read. */
    private boolean ended;
    private BodyEndTracker body;
    private boolean opened;

    StreamAs2Request(Message message) {
        this.message = message;
        message.getHeaders().forEach((name, value) -> {
            if (!name.startsWith("Camel") && value != null) {
                headers.put(name, value instanceof Collection<?> many
                        ? many.stream().map(String::valueOf).collect(Collectors.joining(", ")) : String.valueOf(value));
            }
        });
    }

    @Override
    public String method() {
        return message.getHeader(Exchange.HTTP_METHOD, "POST", String.class).toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public String remoteAddress() {
        Object servletRequest = message.getHeader("CamelHttpServletRequest");
        if (servletRequest == null) {
            return null;
        }
        try {
            Method m = servletRequest.getClass().getMethod("getRemoteAddr");
            Object address = m.invoke(servletRequest);
            return address == null ? null : address.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public boolean secure() {
        String url = message.getHeader(Exchange.HTTP_URL, String.class);
        return url != null && url.regionMatches(true, 0, "https:", 0, 6);
    }

    @Override
    public InputStream openBody() {
        opened = true;
        InputStream in = message.getBody(InputStream.class);
        if (in == null) {
            ended = true;
            return InputStream.nullInputStream();
        }
        body = new BodyEndTracker(in, true);
        return body;
    }

    @Override
    public boolean bodyConsumed() {
        return !opened || ended || body != null && body.ended();
    }

    @Override
    public void closeConnectionAfterResponse() {
        // the servlet container decides; it discards or closes on an unread body itself
    }
}
