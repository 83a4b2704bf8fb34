package io.transferas2.examples.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application with Spring MVC's defaults where the example changes them, to show why it does: without
 * {@code spring.servlet.multipart.strict-servlet-compliance} Spring's multipart resolver parses a
 * {@code multipart/signed} AS2 request before the server consumer gets it (the consumer must say so, naming the
 * setting, instead of taking the empty body for an unsigned, unencrypted message); with a short async request timeout
 * (Tomcat's default is 30 s, 2 s here) a message still arriving when it expires is answered 503.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"spring.servlet.multipart.strict-servlet-compliance=false",
                              "spring.mvc.async.request-timeout=2s"})
@DirtiesContext
class SpringMvcDefaultsTest {
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void station(DynamicPropertyRegistry registry) throws Exception {
        StationSetup setup = StationSetup.get();
        Path data = Files.createTempDirectory(setup.stations.dir, "multipart-data");
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("camel.component.transfer-as2.registry-file", setup.applicationRegistry::toString);
        registry.add("station.data-dir", data::toString);
    }

    @Test
    void aBodyTakenBySpringsMultipartResolverIsReportedWithTheFix() throws Exception {
        String body = """
                --b1\r
                Content-Type: application/edi-x12\r
                Content-Disposition: attachment; filename="po.x12"\r
                \r
                ISA*00*...~\r
                --b1\r
                Content-Type: application/pkcs7-signature; name=smime.p7s\r
                Content-Disposition: attachment; filename="smime.p7s"\r
                \r
                MIAGCSqGSIb3DQEHAqCAMIACAQEx\r
                --b1--\r
                """;
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/as2"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        RawHttp.as2Headers(Stations.PARTNER, body.length()).forEach((name, value) -> {
            if (!name.equals("Content-Length") && !name.equals("Expect") && !name.equals("Content-Type")) {
                post.header(name, value);
            }
        });
        post.header("Content-Type", "multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256;"
                + " boundary=\"b1\"");
        HttpResponse<String> response = HttpClient.newHttpClient().send(post.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("multipart resolver")
                .contains("spring.servlet.multipart.strict-servlet-compliance=true");
    }

    @Test
    void aMessageStillArrivingWhenTheAsyncTimeoutExpiresIsAnswered503() throws Exception {
        try (RawHttp raw = new RawHttp(port)) {
            raw.sendHead("POST", "/as2", RawHttp.as2Headers(Stations.PARTNER, 1000));
            assertThat(raw.readHead()).startsWith("HTTP/1.1 100 ");
            raw.sendBody(new byte[10]);
            // the rest of the body never comes: the request is still being read after 2 s
            assertThat(raw.readHead()).startsWith("HTTP/1.1 503 ");
        }
    }
}
