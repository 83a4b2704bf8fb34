package io.transferas2.examples.springboot;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes Tomcat answer {@code Expect: 100-continue} when the body is first read instead of as soon as the headers
 * arrive (its default). The server consumer checks the headers (agreement, size, receipt URL) before it reads the
 * body, so a message it refuses is answered at once and the partner never sends the body.
 */
@Component
public class TomcatContinueOnRead implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
    }
}
