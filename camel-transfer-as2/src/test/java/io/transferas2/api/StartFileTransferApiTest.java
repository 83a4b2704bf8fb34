package io.transferas2.api;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.transfer.TransferClient;
import software.amazon.awssdk.services.transfer.model.CertificateUsageType;
import software.amazon.awssdk.services.transfer.model.InternalServiceErrorException;
import software.amazon.awssdk.services.transfer.model.InvalidRequestException;
import software.amazon.awssdk.services.transfer.model.ProfileType;
import software.amazon.awssdk.services.transfer.model.ResourceNotFoundException;
import software.amazon.awssdk.services.transfer.model.TransferException;
import software.amazon.awssdk.services.transfer.model.ServiceUnavailableException;
import software.amazon.awssdk.services.transfer.model.ThrottlingException;

import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.model.TransferJson;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * StartFileTransfer through an SDK-created connector: validation, the hand-off to the outbound route (a small direct:
 * route stands in for the route pack's and checks what it receives), errors of that route, and throttling.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartFileTransferApiTest {
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private ApiHarness api;
    private TransferClient client;
    private String connectorId;

    private record Received(JsonNode body, String connectorHeader, String transferId) {
    }

    @BeforeAll
    void start() throws Exception {
        api = ApiHarness.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:transfer-as2-start-file-transfer").routeId("outbound-stand-in").process(e -> {
                    JsonNode body = TransferJson.wire().readTree(e.getMessage().getBody(String.class));
                    if (body.toString().contains("/bucket/forbidden")) {
                        throw new io.transferas2.registry.AccessDeniedException("cannot read /bucket/forbidden");
                    }
                    if (body.toString().contains("/bucket/garbage")) {
                        e.getMessage().setBody("not json");
                        return;
                    }
                    String transferId = UUID.randomUUID().toString();
                    received.add(new Received(body, e.getMessage().getHeader(TransferAs2Constants.CONNECTOR_ID,
                            String.class), transferId));
                    e.getMessage().setBody(Map.of("TransferId", transferId));
                });
            }
        });
        client = api.noRetryClient(ApiHarness.KEY_ID, ApiHarness.SECRET);
        String cert = client.importCertificate(b -> b.usage(CertificateUsageType.SIGNING)
                .certificate(TestKeys.certificatePem(TestKeys.key("sft-local")))
                .privateKey(TestKeys.privateKeyPem(TestKeys.key("sft-local")))).certificateId();
        String local = client.createProfile(b -> b.as2Id("SFT-LOCAL").profileType(ProfileType.LOCAL)
                .certificateIds(cert)).profileId();
        String partner = client.createProfile(b -> b.as2Id("SFT-PARTNER").profileType(ProfileType.PARTNER))
                .profileId();
        connectorId = client.createConnector(b -> b.url("https://partner.example.com/as2")
                .accessRole("arn:aws:iam::000000000000:role/as2")
                .as2Config(c -> c.localProfileId(local).partnerProfileId(partner))).connectorId();
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

    @BeforeEach
    void clear() throws InterruptedException {
        received.clear();
        Thread.sleep(1000); // a fresh token of the 3/s StartFileTransfer limit for every test
    }

    @Test
    void handsTheRequestToTheOutboundRouteAndAnswersItsTransferId() {
        String transferId = client.startFileTransfer(b -> b.connectorId(connectorId)
                .sendFilePaths("/bucket/outbound/invoice-1.edi", "/bucket/outbound/invoice-2.edi")).transferId();
        assertThat(received).hasSize(1);
        Received hand = received.get(0);
        assertThat(transferId).isEqualTo(hand.transferId());
        assertThat(hand.connectorHeader()).isEqualTo(connectorId);
        assertThat(hand.body().path("ConnectorId").asText()).isEqualTo(connectorId);
        assertThat(hand.body().path("SendFilePaths")).hasSize(2);
        assertThat(hand.body().path("SendFilePaths").get(1).asText()).isEqualTo("/bucket/outbound/invoice-2.edi");
        assertThat(hand.body().has("CustomHttpHeaders")).isFalse();
    }

    @Test
    void passesCustomHttpHeadersThatSdksNewerThan235Send() throws Exception {
        SignedHttp raw = new SignedHttp(api.endpoint());
        HttpResponse<String> response = raw.send("TransferService.StartFileTransfer", "{\"ConnectorId\": \""
                + connectorId + "\", \"SendFilePaths\": [\"/bucket/po.xml\"], \"CustomHttpHeaders\": [{\"Key\":"
                + " \"X-Partner-Ref\", \"Value\": \"PO 4711/A\"}]}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TransferJson.wire().readTree(response.body()).path("TransferId").asText())
                .isEqualTo(received.get(0).transferId());
        JsonNode headers = received.get(0).body().path("CustomHttpHeaders");
        assertThat(headers.get(0).path("Key").asText()).isEqualTo("X-Partner-Ref");
        assertThat(headers.get(0).path("Value").asText()).isEqualTo("PO 4711/A");

        HttpResponse<String> badKey = raw.send("TransferService.StartFileTransfer", "{\"ConnectorId\": \""
                + connectorId + "\", \"SendFilePaths\": [\"/bucket/po.xml\"], \"CustomHttpHeaders\": [{\"Key\":"
                + " \"X_Ref\", \"Value\": \"1\"}]}");
        assertThat(badKey.statusCode()).isEqualTo(400);
        // the model's pattern [a-zA-Z0-9-]+; the key is sensitive in the model, so AWS does not quote it
        assertThat(badKey.body()).contains("ValidationException").contains("customHttpHeaders.1.member.key");
        HttpResponse<String> reserved = raw.send("TransferService.StartFileTransfer", "{\"ConnectorId\": \""
                + connectorId + "\", \"SendFilePaths\": [\"/bucket/po.xml\"], \"CustomHttpHeaders\": [{\"Key\":"
                + " \"AS2-To\", \"Value\": \"someone-else\"}]}");
        assertThat(reserved.body()).contains("InvalidRequestException").contains("AS2-To");
        assertThat(received).hasSize(1);
    }

    @Test
    void validatesBeforeHandingOver() {
        assertThatThrownBy(() -> client.startFileTransfer(b -> b.connectorId("c-0123456789abcdef0")
                .sendFilePaths("/bucket/a.edi"))).isInstanceOf(ResourceNotFoundException.class);
        String[] eleven = new String[11];
        for (int i = 0; i < eleven.length; i++) {
            eleven[i] = "/bucket/file-" + i + ".edi";
        }
        pause();
        assertThatThrownBy(() -> client.startFileTransfer(b -> b.connectorId(connectorId).sendFilePaths(eleven)))
                .isInstanceOfSatisfying(TransferException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException")).hasMessageContaining("less than or equal to 10");
        assertThatThrownBy(() -> client.startFileTransfer(b -> b.connectorId(connectorId)
                .sendFilePaths("bucket/a.edi"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("/bucket/key");
        pause();
        assertThatThrownBy(() -> client.startFileTransfer(b -> b.connectorId(connectorId)
                .sendFilePaths("/bucket/outbound/"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("directory");
        assertThatThrownBy(() -> client.startFileTransfer(b -> b.connectorId(connectorId)
                .retrieveFilePaths("/remote/file.edi").localDirectoryPath("/bucket/in")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("SFTP");
        assertThat(received).isEmpty();
    }

    @Test
    void errorsOfTheOutboundRouteReachTheClient() {
        software.amazon.awssdk.services.transfer.model.AccessDeniedException denied = catchThrowableOfType(
                software.amazon.awssdk.services.transfer.model.AccessDeniedException.class,
                () -> client.startFileTransfer(b -> b.connectorId(connectorId).sendFilePaths("/bucket/forbidden")));
        assertThat(denied.awsErrorDetails().errorMessage()).contains("cannot read /bucket/forbidden");
        InternalServiceErrorException garbage = catchThrowableOfType(InternalServiceErrorException.class,
                () -> client.startFileTransfer(b -> b.connectorId(connectorId).sendFilePaths("/bucket/garbage")));
        assertThat(garbage.awsErrorDetails().errorMessage()).contains("no valid TransferId");
    }

    @Test
    void aStoppedOutboundRouteIsReportedAsNotRunning() throws Exception {
        api.context.getRouteController().stopRoute("outbound-stand-in");
        try {
            ServiceUnavailableException e = catchThrowableOfType(ServiceUnavailableException.class,
                    () -> client.startFileTransfer(b -> b.connectorId(connectorId).sendFilePaths("/bucket/a.edi")));
            assertThat(e.statusCode()).isEqualTo(500);
            assertThat(e.awsErrorDetails().errorMessage()).contains("outbound route of the route pack is not running")
                    .contains("direct:transfer-as2-start-file-transfer");
        } finally {
            api.context.getRouteController().startRoute("outbound-stand-in");
        }
    }

    @Test
    void throttlesAtTheConfiguredRate() throws Exception {
        try (ApiHarness limited = ApiHarness.start(Map.of("configuration.accessKeys", ApiHarness.KEY_ID + ":"
                + ApiHarness.SECRET, "configuration.startFileTransferRate", "0.001",
                "configuration.startFileTransferEndpoint", "direct:limited"), "transfer-as2:api",
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:limited").setBody(constant("{\"TransferId\": \"t-1\"}"));
                    }
                })) {
            TransferClient setup = limited.noRetryClient(ApiHarness.KEY_ID, ApiHarness.SECRET);
            String local = setup.createProfile(b -> b.as2Id("L").profileType(ProfileType.LOCAL)).profileId();
            String partner = setup.createProfile(b -> b.as2Id("P").profileType(ProfileType.PARTNER)).profileId();
            String connector = setup.createConnector(b -> b.url("https://p.example.com/as2")
                    .accessRole("arn:aws:iam::000000000000:role/as2")
                    .as2Config(c -> c.localProfileId(local).partnerProfileId(partner))).connectorId();

            assertThat(setup.startFileTransfer(b -> b.connectorId(connector).sendFilePaths("/bucket/1")).transferId())
                    .isEqualTo("t-1");
            ThrottlingException throttled = catchThrowableOfType(ThrottlingException.class,
                    () -> setup.startFileTransfer(b -> b.connectorId(connector).sendFilePaths("/bucket/2")));
            assertThat(throttled.statusCode()).isEqualTo(400);
            assertThat(throttled.isThrottlingException()).isTrue();
            // one token per 1000 s: the second call is throttled however slow the machine is (no 1 s race)
            assertThat(Long.parseLong(throttled.retryAfterSeconds())).isBetween(900L, 1000L);
        }
    }

    @Test
    void theSdkRetriesAThrottledStartFileTransfer() throws Exception {
        // one token per 4 s: two calls back to back meet an empty bucket unless 4 s pass between them
        try (ApiHarness limited = ApiHarness.start(Map.of("configuration.accessKeys", ApiHarness.KEY_ID + ":"
                + ApiHarness.SECRET, "configuration.startFileTransferRate", "0.25",
                "configuration.startFileTransferEndpoint", "direct:limited"), "transfer-as2:api",
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:limited").setBody(constant("{\"TransferId\": \"t-1\"}"));
                    }
                })) {
            TransferClient setup = limited.noRetryClient(ApiHarness.KEY_ID, ApiHarness.SECRET);
            String local = setup.createProfile(b -> b.as2Id("L").profileType(ProfileType.LOCAL)).profileId();
            String partner = setup.createProfile(b -> b.as2Id("P").profileType(ProfileType.PARTNER)).profileId();
            String connector = setup.createConnector(b -> b.url("https://p.example.com/as2")
                    .accessRole("arn:aws:iam::000000000000:role/as2")
                    .as2Config(c -> c.localProfileId(local).partnerProfileId(partner))).connectorId();

            // the SDK's standard retry strategy backs off on ThrottlingException until a token is free
            TransferClient retrying = limited.client(ApiHarness.KEY_ID, ApiHarness.SECRET,
                    AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(10).build());
            limited.audit.clear();
            for (int i = 0; i < 2; i++) {
                assertThat(retrying.startFileTransfer(b -> b.connectorId(connector).sendFilePaths("/bucket/r"))
                        .transferId()).isEqualTo("t-1");
            }
            List<Map<String, Object>> calls = limited.audit.stream()
                    .filter(a -> "StartFileTransfer".equals(a.get("operation"))).toList();
            assertThat(calls).filteredOn(a -> Integer.valueOf(200).equals(a.get("status"))).hasSize(2);
            assertThat(calls).filteredOn(a -> "ThrottlingException".equals(a.get("errorType"))).isNotEmpty();
        }
    }

    @Test
    void withoutAConsumerTheErrorSaysTheOutboundRouteIsNotRunning() throws Exception {
        try (ApiHarness lonely = ApiHarness.start(Map.of("configuration.accessKeys", ApiHarness.KEY_ID + ":"
                + ApiHarness.SECRET), "transfer-as2:api?startFileTransferEndpoint=direct:nobody")) {
            TransferClient c = lonely.noRetryClient(ApiHarness.KEY_ID, ApiHarness.SECRET);
            String local = c.createProfile(b -> b.as2Id("L").profileType(ProfileType.LOCAL)).profileId();
            String partner = c.createProfile(b -> b.as2Id("P").profileType(ProfileType.PARTNER)).profileId();
            String connector = c.createConnector(b -> b.url("https://p.example.com/as2")
                    .accessRole("arn:aws:iam::000000000000:role/as2")
                    .as2Config(a -> a.localProfileId(local).partnerProfileId(partner))).connectorId();
            ServiceUnavailableException e = catchThrowableOfType(ServiceUnavailableException.class,
                    () -> c.startFileTransfer(b -> b.connectorId(connector).sendFilePaths("/bucket/a.edi")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailableException");
            assertThat(e.awsErrorDetails().errorMessage()).contains("direct:nobody: no route consumes it");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(700); // stay under the default 3 requests/s
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
