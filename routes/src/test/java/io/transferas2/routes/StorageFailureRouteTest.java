package io.transferas2.routes;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.outbound.TransportFailureException;
import io.transferas2.s3.EmbeddedS3Options;
import io.transferas2.s3.EmbeddedS3Server;

import static io.transferas2.routes.TwoStations.A_BUCKET;
import static io.transferas2.routes.TwoStations.A_TO_B;
import static io.transferas2.routes.TwoStations.B_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped routes when S3 is down while a partner's message arrives: both stations use an S3 API server of their
 * own (S3Proxy, started here as a remote endpoint) that the test stops and starts again on the same port and data.
 * The partner gets no positive MDN (HTTP 503: the routes find S3 unreachable and call the failure transient; the same
 * with {@code retryOnRouteFailure}), nothing is left in processed/, and resending the same message once S3 is back
 * lands it. (S3 answering with an error still gets an error MDN: TemporaryLandingTest.)
 */
class StorageFailureRouteTest {
    private static final String EDI = "ISA*00*          *00*          *ZZ*MYCOMPANY      *ZZ*PARTNER        "
            + "*260101*1200*U*00401*000000001*0*P*>~GS*PO*MYCOMPANY*PARTNER*20260101*1200*1*X*004010~IEA*1*1~";

    @TempDir
    Path dir;

    private EmbeddedS3Options s3Options() {
        return EmbeddedS3Options.builder().dataDirectory(dir.resolve("s3")).host("127.0.0.1").port(Ports.distinct())
                .bucket(A_BUCKET).bucket(B_BUCKET).build();
    }

    private static Map<String, String> remoteS3(EmbeddedS3Options s3, Map<String, String> more) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("s3.endpoint", "http://127.0.0.1:" + s3.port());
        p.put("s3.region", "us-east-1");
        p.put("s3.path-style", "true");
        p.put("s3.access-key", s3.accessKey());
        p.put("s3.secret-key", s3.secretKey());
        p.put("s3.checksums", "when-required");
        // blank: the pack's and TwoStations' embedded-server settings do not apply to a remote S3
        p.put("s3.embedded.data-dir", "");
        p.put("s3.embedded.buckets", "");
        p.putAll(more);
        return p;
    }

    /** MYCOMPANY sends straight through its connector (no S3 on its side), as a route would. */
    private static Exchange send(Station a, Exchange exchange) {
        exchange.setException(null);
        exchange.getIn().setBody(EDI);
        exchange.getIn().setHeader("CamelFileName", "po-s3.x12");
        return a.context().createProducerTemplate().send("transfer-as2:connector/" + A_TO_B, exchange);
    }

    private void partnerGetsNoPositiveMdnAndTheResendLands(Map<String, String> partnerProperties,
                                                           Class<? extends Exception> firstFailure,
                                                           String failureCode, String failurePart) throws Exception {
        EmbeddedS3Options options = s3Options();
        EmbeddedS3Server s3 = EmbeddedS3Server.start(options);
        try (TwoStations stations = TwoStations.start(dir, remoteS3(options, Map.of()),
                remoteS3(options, partnerProperties))) {
            s3.close();
            Exchange exchange = new DefaultExchange(stations.a.context());
            Exchange first = send(stations.a, exchange);
            assertThat(first.getException()).isInstanceOf(firstFailure);
            assertThat(first.getIn().getHeader(TransferAs2Constants.FAILURE_CODE)).isEqualTo(failureCode);
            assertThat(first.getIn().getHeader(TransferAs2Constants.FAILURE_MESSAGE, String.class))
                    .contains(failurePart);
            String messageId = first.getIn().getHeader(TransferAs2Constants.MESSAGE_ID, String.class);

            s3 = EmbeddedS3Server.start(options);
            assertThat(stations.b.list(B_BUCKET, "inbound/mycompany/processed/")).isEmpty();
            assertThat(stations.b.event("AS2 Payload Receive Completed", "as2-message-id", messageId)).isEmpty();

            // the partner resends: after a transport failure (503) Camel redelivery keeps the Message-ID; after an
            // MDN, even a negative one, the message counts as delivered and a resend is a new message
            Exchange resent = send(stations.a, first);
            assertThat(resent.getException()).isNull();
            String resentId = resent.getIn().getHeader(TransferAs2Constants.MESSAGE_ID, String.class);
            assertThat(resentId.equals(messageId)).isEqualTo(firstFailure == TransportFailureException.class);
            String landed = "inbound/mycompany/processed/po-s3." + resentId + ".x12";
            assertThat(resent.getIn().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
            assertThat(resent.getIn().getHeader(TransferAs2Constants.DISPOSITION, String.class))
                    .endsWith("; processed");
            assertThat(Await.keys(stations.b, B_BUCKET, landed, 3))
                    .containsExactlyInAnyOrder(landed, landed + ".json", landed + ".mdn");
            assertThat(stations.b.read(B_BUCKET, landed)).isEqualTo(EDI);
            Await.until("the receive event", java.time.Duration.ofSeconds(30),
                    () -> stations.b.event("AS2 Payload Receive Completed", "as2-message-id", resentId),
                    java.util.Optional::isPresent);
        } finally {
            s3.close();
        }
    }

    @Test
    void s3DownGives503WithoutAnMdnAndTheResendLands() throws Exception {
        // the shipped routes call an S3 that does not answer transient (issue 15 item 12): 503, the partner resends
        partnerGetsNoPositiveMdnAndTheResendLands(Map.of(), TransportFailureException.class,
                "HTTP_ERROR_RESPONSE_FROM_PARTNER", "returned status 503");
    }

    @Test
    void s3DownWithRetryOnRouteFailureGives503WithoutAnMdnAndTheResendLands() throws Exception {
        partnerGetsNoPositiveMdnAndTheResendLands(
                Map.of("camel.component.transfer-as2.configuration.retry-on-route-failure", "true"),
                TransportFailureException.class, "HTTP_ERROR_RESPONSE_FROM_PARTNER", "returned status 503");
    }
}
