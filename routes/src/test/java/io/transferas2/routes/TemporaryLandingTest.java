package io.transferas2.routes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.outbound.MdnFailureException;

import static io.transferas2.routes.TwoStations.A_CUSTOM;
import static io.transferas2.routes.TwoStations.B_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 items 10 and 11: received payloads land under the agreement's temporary directory and reach their final
 * key only when everything of the receipt is stored, on the real S3 API (S3Proxy). A receipt whose status JSON cannot
 * be written (its StatusFilesDirectory names a bucket that does not exist) gets an error MDN and leaves nothing in
 * PayloadFilesDirectory, MdnFilesDirectory or TemporaryFilesDirectory. The sweep removes what interrupted receipts
 * left: stale temporary objects, the promoted payload of one that never got its status JSON, and incomplete
 * multipart uploads, while an acknowledged payload stays.
 */
class TemporaryLandingTest {
    @TempDir
    Path dir;

    @Test
    void aReceiptThatCannotBeCompletedLeavesNothingBehindAndGetsAnErrorMdn() throws Exception {
        try (TwoStations stations = TwoStations.start(dir, Map.of(), Map.of(),
                registry -> registry.replace("StatusFilesDirectory: /partner-edi/custom/status",
                        "StatusFilesDirectory: /no-such-bucket-0a1b/status"))) {
            Exchange exchange = new DefaultExchange(stations.a.context());
            exchange.getIn().setBody("ISA*must-not-stay~");
            exchange.getIn().setHeader("CamelFileName", "unconfirmed.edi");
            Exchange sent = stations.a.context().createProducerTemplate()
                    .send("transfer-as2:connector/" + A_CUSTOM, exchange);

            assertThat(sent.getException()).isInstanceOf(MdnFailureException.class);
            assertThat(sent.getIn().getHeader(TransferAs2Constants.FAILURE_MESSAGE, String.class))
                    .contains("processed/error");
            // the payload had been copied to PayloadFilesDirectory and the MDN written when the status JSON failed
            assertThat(stations.b.list(B_BUCKET, "custom/payloads/")).isEmpty();
            // the only MDN file is the error MDN of the failed receipt
            for (String mdn : stations.b.list(B_BUCKET, "custom/mdns/")) {
                assertThat(stations.b.read(B_BUCKET, mdn)).contains("processed/error");
            }
            assertThat(stations.b.list(B_BUCKET, "custom/tmp/")).isEmpty();
            assertThat(multipartUploads(stations.b.s3(), B_BUCKET)).isEmpty();
        }
    }

    @Test
    void theSweepRemovesWhatInterruptedReceiptsLeft() throws Exception {
        Map<String, String> fastSweep = Map.of(
                "transferas2.s3.temporary-max-age", "1500",
                "transferas2.s3.temporary-sweep-delay", "3000",
                "transferas2.s3.temporary-sweep-period", "1000",
                // a multipart upload is what a receipt cut off mid-upload leaves
                "transferas2.s3.part-size", Long.toString(5L * 1024 * 1024));
        try (TwoStations stations = TwoStations.start(dir, Map.of(), fastSweep)) {
            S3Client s3 = stations.b.s3();
            String base = "inbound/mycompany/";
            // 1: crash after the copy, before the status JSON: never acknowledged
            String lost = base + "processed/lost.m1.edi";
            s3.putObject(b -> b.bucket(B_BUCKET).key(lost), RequestBody.fromString("not acknowledged"));
            putTemporary(s3, base + "temp/lost.m1.edi.u1.tmp", lost);
            // 2: crash after the status JSON, before the temporary object was removed: acknowledged, stays
            String kept = base + "processed/kept.m2.edi";
            s3.putObject(b -> b.bucket(B_BUCKET).key(kept), RequestBody.fromString("acknowledged"));
            s3.putObject(b -> b.bucket(B_BUCKET).key(kept + ".json"), RequestBody.fromString("{}"));
            putTemporary(s3, base + "temp/kept.m2.edi.u2.tmp", kept);
            // 3: crash mid-upload, in custom directories too
            s3.createMultipartUpload(b -> b.bucket(B_BUCKET).key(base + "temp/cut.m3.edi.u3.tmp"));
            s3.createMultipartUpload(b -> b.bucket(B_BUCKET).key("custom/tmp/cut.edi.u4.tmp"));
            // not ours: outside every temporary directory
            s3.createMultipartUpload(b -> b.bucket(B_BUCKET).key("elsewhere/upload.bin"));

            Await.until("the sweep", Duration.ofSeconds(60),
                    () -> stations.b.list(B_BUCKET, base + "temp/").size()
                          + multipartUploads(s3, B_BUCKET).size(), n -> n == 1);
            assertThat(stations.b.list(B_BUCKET, base)).containsExactlyInAnyOrder(kept, kept + ".json");
            assertThat(multipartUploads(s3, B_BUCKET)).extracting(MultipartUpload::key)
                    .containsExactly("elsewhere/upload.bin");
        }
    }

    /** A temporary object as InboundLanding writes it: tagged with its final key and its status JSON's. */
    private static void putTemporary(S3Client s3, String key, String finalKey) {
        s3.putObject(b -> b.bucket(B_BUCKET).key(key).metadata(Map.of(
                InboundLanding.META_FINAL, "/" + B_BUCKET + "/" + finalKey,
                InboundLanding.META_STATUS, "/" + B_BUCKET + "/" + finalKey + ".json")),
                RequestBody.fromString("payload"));
    }

    private static List<MultipartUpload> multipartUploads(S3Client s3, String bucket) {
        return s3.listMultipartUploads(b -> b.bucket(bucket)).uploads();
    }
}
