package io.transferas2.camel.springboot;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Spring MVC defaults the AS2 server needs, at the lowest precedence so that any application setting wins:
 * <ul>
 * <li>{@code spring.servlet.multipart.strict-servlet-compliance=true}: Spring's multipart resolver would otherwise
 * read every multipart/* request (async MDNs are multipart/report, signed messages over HTTPS multipart/signed) before
 * the AS2 server sees it; this keeps it to multipart/form-data;</li>
 * <li>{@code spring.mvc.async.request-timeout=1h}: platform-http runs each request asynchronously, and Tomcat's
 * 30 s default would cut a large message short with a 503;</li>
 * <li>{@code server.tomcat.connection-timeout=350s}: AWS's idle timeout for AS2.</li>
 * </ul>
 */
public class TransferAs2SpringDefaults implements EnvironmentPostProcessor {
    static final String SOURCE = "transfer-as2-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                    "spring.servlet.multipart.strict-servlet-compliance", "true",
                    "spring.mvc.async.request-timeout", "1h",
                    "server.tomcat.connection-timeout", "350s")));
        }
    }
}
