package io.transferas2.camel.springboot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import io.transferas2.camel.TransferAs2Constants;

/**
 * A Spring Boot application with nothing but the starter, its properties and one route: the server consumer lands
 * each payload under {@code station.landing-dir} by its S3 key (bucket/key) and records the exchange's headers.
 */
@SpringBootApplication
public class StarterApplication {
    /** Headers of every exchange the server route saw, in order. */
    static final BlockingQueue<Map<String, Object>> RECEIVED = new LinkedBlockingQueue<>();

    @Bean
    RouteBuilder inbound() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("transfer-as2:server/{{station.server-id}}").routeId("as2-inbound")
                        .process(StarterApplication::land);
            }
        };
    }

    private static void land(Exchange exchange) throws Exception {
        String bucket = exchange.getMessage().getHeader(TransferAs2Constants.PAYLOAD_BUCKET, String.class);
        String key = exchange.getMessage().getHeader(TransferAs2Constants.PAYLOAD_KEY, String.class);
        if (bucket != null && key != null) {
            Path target = Path.of(exchange.getContext().resolvePropertyPlaceholders("{{station.landing-dir}}"))
                    .resolve(bucket).resolve(key);
            Files.createDirectories(target.getParent());
            Files.copy(exchange.getMessage().getBody(java.io.InputStream.class), target,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        RECEIVED.add(new LinkedHashMap<>(exchange.getMessage().getHeaders()));
    }
}
