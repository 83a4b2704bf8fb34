package io.transferas2.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.as2.OutboundMessage;
import io.transferas2.as2.ReceivedMdn;
import io.transferas2.camel.TransferAs2Constants;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server consumer when the route cannot store a message: the route rolls the exchange back (the rollback branch
 * of the consumer), or fails with {@code retryOnRouteFailure=true} (HTTP 503 and no MDN, so the partner sends again).
 * In both, no positive MDN, the Message-ID stays uncommitted and the resend lands once. (What the shipped routes leave
 * in S3 when S3 itself fails is {@code StorageFailureRouteTest} in the routes module.)
 */
class RouteFailureTest {
    static final byte[] PAYLOAD = "ISA*00*          *00*~GS*PO*PARTNER*MYCOMPANY~ST*850*0001~SE*2*0001~"
            .getBytes(StandardCharsets.US_ASCII);
    @TempDir
    static Path errorMdnRoot;
    @TempDir
    static Path retryRoot;
    static ServerHarness errorMdn;
    static ServerHarness retry;

    @BeforeAll
    static void start() throws Exception {
        errorMdn = new ServerHarness(errorMdnRoot).start("");
        retry = new ServerHarness(retryRoot).start("retryOnRouteFailure=true");
    }

    @AfterAll
    static void stop() throws Exception {
        retry.close();
        errorMdn.close();
    }

    @BeforeEach
    void reset() {
        errorMdn.reset();
        retry.reset();
    }

    private static Map<String, String> headers(String messageId) {
        return RawAs2.as2Headers(ServerHarness.PARTNER, ServerHarness.LOCAL, messageId);
    }

    /** The route marks the COMPLETED exchange rollback-only (as {@code rollback()} or a transacted route would). */
    private static void rollBackCompleted(ServerHarness server) {
        server.routeHook.set(e -> {
            if ("COMPLETED".equals(e.getMessage().getHeader(TransferAs2Constants.STATUS_CODE))) {
                e.setRollbackOnly(true);
            }
        });
    }

    @Test
    void aRolledBackExchangeGetsTheErrorMdnAndTheResendLandsOnce() throws Exception {
        RawAs2 raw = new RawAs2(errorMdn);
        String id = RawAs2.newMessageId();
        rollBackCompleted(errorMdn);
        try (OutboundMessage m = raw.build(PAYLOAD, "po.x12")) {
            ReceivedMdn mdn = raw.post(m, headers(id)).mdn(errorMdn.localKey);
            assertThat(mdn.disposition().isSuccess()).isFalse();
            assertThat(mdn.disposition().toFieldValue())
                    .isEqualTo("automatic-action/MDN-sent-automatically; processed/error: unexpected-processing-error");
            ServerHarness.Received failed = errorMdn.await(r -> "FAILED".equals(r.status()));
            assertThat(failed.header(TransferAs2Constants.FAILURE_CODE)).isEqualTo("ACCESS_DENIED");
            assertThat(failed.header(TransferAs2Constants.FAILURE_MESSAGE)).contains("rolled the exchange back");
            assertThat(failed.header(TransferAs2Constants.PAYLOAD_KEY)).isEqualTo("partner/failed/po." + id + ".x12");
            assertThat(errorMdn.receivedIds.contains(errorMdn.agreementId + ":" + id)).isFalse();

            errorMdn.reset();
            assertThat(raw.post(m, headers(id)).mdn(errorMdn.localKey).disposition().toFieldValue())
                    .isEqualTo("automatic-action/MDN-sent-automatically; processed");
            assertThat(errorMdn.awaitMessage(id).landed()).isEqualTo(errorMdn.target("inbox",
                    "partner/processed/po." + id + ".x12"));
            assertThat(errorMdn.receivedIds.contains(errorMdn.agreementId + ":" + id)).isTrue();
        }
    }

    @Test
    void retryOnRouteFailureAnswers503WithoutAnMdnAndTheResendLandsOnce() throws Exception {
        RawAs2 raw = new RawAs2(retry);
        String id = RawAs2.newMessageId();
        retry.routeHook.set(e -> {
            if ("COMPLETED".equals(e.getMessage().getHeader(TransferAs2Constants.STATUS_CODE))) {
                throw new IllegalStateException("bucket unavailable");
            }
        });
        try (OutboundMessage m = raw.build(PAYLOAD, "po.x12")) {
            RawAs2.Reply reply = raw.post(m, headers(id));
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.header("Retry-After")).isEqualTo("60");
            assertThat(reply.header("Content-Type")).doesNotContain("multipart/report")
                    .doesNotContain("multipart/signed");
            assertThat(reply.text().strip()).isEqualTo("The message could not be stored; send it again later");
            ServerHarness.Received failed = retry.await(r -> "FAILED".equals(r.status()));
            assertThat(failed.header(TransferAs2Constants.FAILURE_CODE)).isEqualTo("ACCESS_DENIED");
            assertThat(failed.header(TransferAs2Constants.FAILURE_MESSAGE)).contains("bucket unavailable");
            assertThat(failed.header(TransferAs2Constants.MDN)).isNull();
            assertThat(retry.receivedIds.contains(retry.agreementId + ":" + id)).isFalse();

            // the rollback branch answers the same way
            retry.reset();
            rollBackCompleted(retry);
            assertThat(raw.post(m, headers(id)).status()).isEqualTo(503);

            retry.reset();
            assertThat(raw.post(m, headers(id)).mdn(retry.localKey).disposition().toFieldValue())
                    .isEqualTo("automatic-action/MDN-sent-automatically; processed");
            assertThat(retry.awaitMessage(id).landed()).isEqualTo(retry.target("inbox",
                    "partner/processed/po." + id + ".x12"));
            assertThat(Files.readAllBytes(retry.target("inbox", "partner/processed/po." + id + ".x12")))
                    .isEqualTo(PAYLOAD);
        }
    }

    @Test
    void aRouteThatCallsItsFailureTransientGets503WithItsRetryAfterAndTheResendLandsOnce() throws Exception {
        // retryOnRouteFailure is off here: the route decides per exchange (S3 unreachable in the shipped routes)
        RawAs2 raw = new RawAs2(errorMdn);
        String id = RawAs2.newMessageId();
        errorMdn.routeHook.set(e -> {
            if ("COMPLETED".equals(e.getMessage().getHeader(TransferAs2Constants.STATUS_CODE))) {
                e.getMessage().setHeader(TransferAs2Constants.RETRY_AFTER, 7);
                throw new IllegalStateException("S3 is unavailable");
            }
        });
        try (OutboundMessage m = raw.build(PAYLOAD, "po.x12")) {
            RawAs2.Reply reply = raw.post(m, headers(id));
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.header("Retry-After")).isEqualTo("7");
            assertThat(reply.header("Content-Type")).doesNotContain("multipart/report")
                    .doesNotContain("multipart/signed");
            ServerHarness.Received failed = errorMdn.await(r -> "FAILED".equals(r.status()));
            assertThat(failed.header(TransferAs2Constants.FAILURE_MESSAGE)).contains("S3 is unavailable");
            assertThat(failed.header(TransferAs2Constants.MDN)).isNull();
            assertThat(errorMdn.receivedIds.contains(errorMdn.agreementId + ":" + id)).isFalse();

            errorMdn.reset();
            assertThat(raw.post(m, headers(id)).mdn(errorMdn.localKey).disposition().toFieldValue())
                    .isEqualTo("automatic-action/MDN-sent-automatically; processed");
            assertThat(errorMdn.awaitMessage(id).landed()).isEqualTo(errorMdn.target("inbox",
                    "partner/processed/po." + id + ".x12"));
        }
    }
}
