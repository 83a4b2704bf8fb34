package io.transferas2.camel;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.Executor;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer;

/**
 * Spring Boot's platform-http consumer with the request body left unread for the server consumer. The stock consumer
 * builds a {@code PlatformHttpMessage} that reads the whole body before any processor runs (as a Reader decoded to a
 * String, or into a CachedOutputStream held in the heap unless stream-cache spooling is on), so an AS2 message could
 * neither stream nor be refused on its headers without being read. Here the binding is told there is no body; the
 * processor reads the servlet request's InputStream itself ({@link ServletAs2Request}). Everything else (headers,
 * Camel unit of work, response writing) is the stock consumer's.
 */
final class SpringBootStreamingConsumer extends SpringBootPlatformHttpConsumer {

    SpringBootStreamingConsumer(PlatformHttpEndpoint endpoint, Processor processor, Executor executor) {
        super(endpoint, processor, executor);
    }

    @Override
    protected void handleService(HttpServletRequest request, HttpServletResponse response) throws Exception {
        super.handleService(new UnreadBody(request, multipartResolved(request)), response);
    }

    /**
     * True when Spring MVC's multipart resolver has parsed the body before us: by default it takes every
     * {@code multipart/*} request, so a {@code multipart/signed} or {@code multipart/report} AS2 message (an MDN, or
     * a signed message over HTTPS) reaches us already read. Checked by name: spring-web is not a dependency here.
     */
    private static boolean multipartResolved(ServletRequest request) {
        for (ServletRequest r = request; r != null;
                r = r instanceof ServletRequestWrapper w ? w.getRequest() : null) {
            if (r.getClass().getName().startsWith("org.springframework.web.multipart.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The request as the binding sees it: no content (so it reads nothing) and no parameters (so a form Content-Type
     * cannot make the container read the body for them). The body stays readable through {@link #getInputStream()}.
     */
    static final class UnreadBody extends HttpServletRequestWrapper {
        private final boolean readByMultipartResolver;

        UnreadBody(HttpServletRequest request, boolean readByMultipartResolver) {
            super(request);
            this.readByMultipartResolver = readByMultipartResolver;
        }

        /** True when Spring's multipart resolver read the body before the consumer could. */
        boolean readByMultipartResolver() {
            return readByMultipartResolver;
        }

        @Override
        public int getContentLength() {
            return 0;
        }

        @Override
        public long getContentLengthLong() {
            return 0;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
