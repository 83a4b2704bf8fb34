package io.transferas2.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An AS2 station as a Spring Boot application: {@code transfer-as2:server/...} receives on the application's own
 * port (Spring MVC platform-http) and {@code transfer-as2:connector/...} sends the files dropped in an outbox. The
 * routes are YAML ({@code src/main/resources/camel}); the resources (profiles, certificates, server, agreement,
 * connector) come from a registry file in AWS's shapes named by {@code camel.component.transfer-as2.registry-file}.
 */
@SpringBootApplication
public class As2StationApplication {

    public static void main(String[] args) {
        SpringApplication.run(As2StationApplication.class, args);
    }
}
