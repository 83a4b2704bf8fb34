package io.transferas2.routes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.model.TransferJson;

import static io.transferas2.routes.TwoStations.A_BUCKET;
import static io.transferas2.routes.TwoStations.B_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PARTNER's station runs in a JVM of its own and is killed with SIGKILL: its duplicate detection and its ASYNC send
 * waiting for an MDN survive. MYCOMPANY runs in the test JVM; a {@link PartnerProxy} holds PARTNER's ASYNC message
 * until PARTNER has been killed and restarted, so the MDN can only complete the send from the store.
 */
class ReceiverCrashTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    @Test
    void duplicateDetectionAndAPendingAsyncMdnSurviveKill9() throws Exception {
        Path keys = dir.resolve("keys");
        for (String name : new String[] {"mycompany", "partner", "stranger"}) {
            StationKeys.write(keys, name, true);
        }
        StationKeys.write(keys, "impostor", false);
        int portA = Ports.distinct();
        int portB = Ports.distinct();
        Path s3Data = dir.resolve("s3");
        Path registryA = dir.resolve("mycompany.registry.yaml");
        Path registryB = dir.resolve("partner.registry.yaml");
        Files.writeString(registryA, TwoStations.registryA(portB, Ports.distinct()));
        try (PartnerProxy proxy = PartnerProxy.holding("http://127.0.0.1:" + portA + "/as2");
             Station mycompany = Station.start("MYCOMPANY", portA, Files.createDirectories(dir.resolve("mycompany")),
                     TwoStations.props(registryA, TwoStations.A_SERVER, A_BUCKET, s3Data, Map.of()))) {
            int proxyPort = URI.create(proxy.url()).getPort();
            Files.writeString(registryB, TwoStations.registryB(proxyPort, portB));
            Map<String, String> propsB = TwoStations.props(registryB, TwoStations.B_SERVER, B_BUCKET, s3Data,
                    Map.of("transferas2.events.endpoint", "log:events?level=DEBUG"));
            Path workB = dir.resolve("partner");

            String messageId = "dedupe-" + System.nanoTime() + "@mycompany.example";
            String transferId;
            try (ChildStation partner = ChildStation.start("PARTNER", portB, workB, propsB, "run-1")) {
                assertThat(sendWithMessageId(mycompany, messageId)).endsWith("processed");
                // PARTNER sends an ASYNC file; the proxy holds it, so its MDN cannot come before the crash
                mycompany.put(B_BUCKET, "async/out/invoice.x12", "ISA*async-after-crash~");
                transferId = trigger(portB, "{\"ConnectorId\":\"" + TwoStations.B_TO_A
                        + "\",\"SendFilePaths\":[\"/partner-edi/async/out/invoice.x12\"]}");
                Await.until("the held ASYNC message", Duration.ofSeconds(60), proxy::heldCount, n -> n >= 1);
                Thread.sleep(2000);
                partner.kill();
            }
            try (ChildStation partner = ChildStation.start("PARTNER", portB, workB, propsB, "run-2")) {
                // the Message-ID received before the crash is still known
                assertThat(sendWithMessageId(mycompany, messageId)).endsWith("processed/warning: duplicate-document");
                assertThat(mycompany.list(B_BUCKET, "inbound/mycompany/processed/").stream()
                        .filter(k -> k.contains(messageId) && !k.endsWith(".json") && !k.endsWith(".mdn")))
                        .hasSize(1);

                // now MYCOMPANY gets the message and sends its MDN to the restarted PARTNER
                assertThat(proxy.releaseHeld()).allMatch(status -> status == 200);
                List<String> done = Await.until("the ASYNC send's status JSON", Duration.ofSeconds(90),
                        () -> mycompany.list(B_BUCKET, "async/out/processed/"),
                        k -> k.stream().anyMatch(x -> x.endsWith(".json")));
                String json = done.stream().filter(k -> k.endsWith(".json")).findFirst().orElseThrow();
                JsonNode status = TransferJson.json().readTree(mycompany.read(B_BUCKET, json));
                assertThat(status.path("status-code").asText()).isEqualTo("COMPLETED");
                assertThat(status.path("transfer-id").asText()).isEqualTo(transferId);
                assertThat(mycompany.list(B_BUCKET, "async/out/failed/")).isEmpty();
                assertThat(mycompany.list(A_BUCKET, "inbound/partner/processed/").stream()
                        .filter(k -> k.startsWith("inbound/partner/processed/invoice.") && k.endsWith(".x12")))
                        .hasSize(1);
                assertThat(partner.log()).doesNotContain("FAILED by asynchronous MDN");
            }
        }
    }

    /** Sends a small file to PARTNER with a fixed Message-ID (a resend); returns the MDN's disposition. */
    private static String sendWithMessageId(Station mycompany, String messageId) {
        ProducerTemplate template = mycompany.context().createProducerTemplate();
        Exchange done = template.send("transfer-as2:connector/" + TwoStations.A_TO_B, e -> {
            e.setProperty("CamelTransferAs2Resend." + TwoStations.A_TO_B, "t-dedupe " + messageId);
            e.getMessage().setHeader(TransferAs2Constants.FILE_NAME, "dedupe.x12");
            e.getMessage().setBody("ISA*dedupe~");
        });
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader(TransferAs2Constants.MESSAGE_ID)).isEqualTo(messageId);
        return done.getMessage().getHeader(TransferAs2Constants.DISPOSITION, String.class);
    }

    private static String trigger(int port, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/transfers")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TransferJson.wire().readTree(response.body()).path("TransferId").asText();
    }
}
