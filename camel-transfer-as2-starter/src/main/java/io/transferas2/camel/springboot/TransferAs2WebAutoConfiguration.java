package io.transferas2.camel.springboot;

import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Makes Tomcat answer {@code Expect: 100-continue} when the body is first read rather than as soon as the headers
 * arrive (its default). The server consumer checks the headers (agreement, size, receipt URL) before it reads the
 * body, so a message it refuses is answered at once and the partner never sends the body. Off with
 * {@code camel.component.transfer-as2.tomcat-continue-on-read=false}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Tomcat.class)
@ConditionalOnProperty(prefix = "camel.component.transfer-as2", name = "tomcat-continue-on-read",
                       matchIfMissing = true)
public class TransferAs2WebAutoConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> transferAs2TomcatContinueOnRead() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setProperty("continueResponseTiming", "onRead"));
    }
}
