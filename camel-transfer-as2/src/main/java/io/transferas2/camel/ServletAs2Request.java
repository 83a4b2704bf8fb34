package io.transferas2.camel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.transferas2.inbound.InboundHttpRequest;

/**
 * A request served by Spring Boot's platform-http engine through {@link SpringBootStreamingConsumer}: the body is the
 * servlet request's own InputStream, read while it arrives (nothing was read before the headers were checked).
 * Tomcat answers {@code Expect: 100-continue} either as soon as the headers are parsed (its default) or, with
 * {@code continueResponseTiming=onRead}, when the body is first read here. Loaded only when the Servlet API is on
 * the classpath.
 */
final class ServletAs2Request implements InboundHttpRequest {
    static final String MULTIPART_READ = "Spring MVC's multipart resolver read the request body before the AS2"
            + " server could: set spring.servlet.multipart.strict-servlet-compliance=true (it then takes only"
            + " multipart/form-data) or spring.servlet.multipart.enabled=false";

    private final HttpServletRequest request;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private boolean opened;
    /** True when there was no body to read. */
    private boolean ended;
    private BodyEndTracker body;
    private boolean closeRequested;

    private ServletAs2Request(HttpServletRequest request) {
        this.request = request;
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, String.join(", ", Collections.list(request.getHeaders(name))));
        }
    }

    /** True when the message carries a servlet request whose body nobody has read yet. */
    static boolean accepts(Message message) {
        return message.getHeader(Exchange.HTTP_SERVLET_REQUEST) instanceof SpringBootStreamingConsumer.UnreadBody;
    }

    static ServletAs2Request of(Message message) {
        return new ServletAs2Request((HttpServletRequest) message.getHeader(Exchange.HTTP_SERVLET_REQUEST));
    }

    @Override
    public String method() {
        return request.getMethod().toUpperCase(Locale.ROOT);
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public String remoteAddress() {
        return request.getRemoteAddr();
    }

    @Override
    public boolean secure() {
        return request.isSecure();
    }

    @Override
    public InputStream openBody() throws IOException {
        if (opened) {
            throw new IllegalStateException("the body was already opened");
        }
        opened = true;
        if (request instanceof SpringBootStreamingConsumer.UnreadBody unread && unread.readByMultipartResolver()) {
            ended = true;
            throw new IOException(MULTIPART_READ);
        }
        // the container owns the request stream
        body = new BodyEndTracker(request.getInputStream(), false);
        return body;
    }

    @Override
    public boolean bodyConsumed() {
        if (opened) {
            return ended || body != null && body.ended();
        }
        String length = headers.get("Content-Length");
        return !headers.containsKey("Transfer-Encoding") && (length == null || "0".equals(length.strip()));
    }

    @Override
    public void closeConnectionAfterResponse() {
        // answered with Connection: close, which Tomcat honours instead of reading the rest of the body
        closeRequested = true;
    }

    boolean closeRequested() {
        return closeRequested;
    }
}
