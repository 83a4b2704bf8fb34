package io.transferas2.camel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts a station the way Camel Main (and so Camel JBang) starts one, with every secret-bearing option set in plain
 * text and through a placeholder, plus an API route, then greps everything it printed for the secret values.
 */
class SecretsStayOutOfStartupOutputTest {
    private static final String PLAIN_API_SECRET = "plainTextSecret123";
    private static final String PLACEHOLDER_API_SECRET = "placeholderSecret456";
    private static final String ENDPOINT_API_SECRET = "endpointUriSecret789";
    private static final String KEY_PASSWORD = "keyEncryptionPassw0rdXYZ";

    @TempDir
    Path dir;

    @Test
    void noSecretReachesTheStartupOutput() throws Exception {
        Path registry = Files.writeString(dir.resolve("registry.yaml"), "Servers:\n  - ServerId: s-0a1b2c3d4e5f60718\n"
                + "    Protocols: [AS2]\n");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(new Tee(originalOut, captured), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr, captured), true, StandardCharsets.UTF_8));
        Main main = new Main();
        try {
            int port = AvailablePortFinder.getNextAvailable();
            // an application.properties as a station has, so Camel Main logs its auto-configuration summary
            Path properties = Files.writeString(dir.resolve("application.properties"), String.join("\n",
                    "camel.main.auto-configuration-log-summary=true",
                    "camel.component.transfer-as2.registry-file=" + registry,
                    "camel.component.transfer-as2.persist-registry-changes=true",
                    "camel.component.transfer-as2.key-encryption-password=" + KEY_PASSWORD,
                    "camel.component.transfer-as2.configuration.access-keys=AKIAPLAIN00000000001:"
                            + PLAIN_API_SECRET + ",AKIAHOLDER0000000001:{{api.secret}}",
                    "api.secret=" + PLACEHOLDER_API_SECRET, ""));
            main.setDefaultPropertyPlaceholderLocation("file:" + properties);
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() throws Exception {
                    VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
                    conf.setBindHost("127.0.0.1");
                    conf.setBindPort(port);
                    getContext().addService(new VertxPlatformHttpServer(conf));
                    from("transfer-as2:api?accessKeys=AKIAENDPOINT00000001:" + ENDPOINT_API_SECRET)
                            .routeId("api").log("${header.CamelTransferAs2ApiOperation}");
                }
            });
            main.start();
            assertThat(main.getCamelContext().getRouteController().getRouteStatus("api").isStarted()).isTrue();
            main.getCamelContext().getEndpoints().forEach(e -> System.out.println("endpoint " + e));
            main.getCamelContext().getRoutes().forEach(r -> System.out.println("route " + r.getEndpoint()));
        } finally {
            main.stop();
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(output).as("the station printed its start-up").contains("transfer-as2");
        assertThat(output).doesNotContain(PLAIN_API_SECRET).doesNotContain(PLACEHOLDER_API_SECRET)
                .doesNotContain(ENDPOINT_API_SECRET).doesNotContain(KEY_PASSWORD);
        // and nothing the station wrote (the user's own application.properties aside)
        for (Path file : Files.walk(dir).filter(Files::isRegularFile)
                .filter(f -> !f.getFileName().toString().equals("application.properties")).toList()) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain(PLAIN_API_SECRET)
                    .doesNotContain(KEY_PASSWORD);
        }
    }

    /** Writes to the console and to the capture. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
