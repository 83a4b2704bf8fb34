package io.transferas2.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.model.As2AsyncMdnConnectorConfig;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.MdnResponse;
import io.transferas2.model.SigningAlg;
import io.transferas2.outbound.MdnFailureException;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our producer sending to our consumer over real HTTP, two stations each with its own registry, keys and server:
 * every signing × encryption × compression value with SYNC MDNs, an ASYNC MDN that comes back to the sender's own
 * server and completes the transfer there, NONE, a redelivered duplicate, and a partner that does not trust our key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProducerToConsumerTest {
    @TempDir
    static Path dir;

    private Station mycompany;
    private Station partner;
    private final byte[] payload = x12(40_000);

    @BeforeAll
    void startStations() throws Exception {
        mycompany = new Station("MYCOMPANY", TestKeys.key("e2e-mycompany"), dir.resolve("mycompany"));
        partner = new Station("PARTNER", TestKeys.key("e2e-partner"), dir.resolve("partner"));
        mycompany.trade(partner, partner.key);
        partner.trade(mycompany, mycompany.key);
        // PARTNER's connector back to MYCOMPANY puts MYCOMPANY's host on its async-MDN allow-list
        partner.connectorTo(mycompany, c -> { });
        mycompany.start();
        partner.start();
    }

    @AfterAll
    void stopStations() throws Exception {
        partner.close();
        mycompany.close();
    }

    @BeforeEach
    void drain() {
        mycompany.landed.clear();
        partner.landed.clear();
    }

    static Stream<Arguments> algorithms() {
        List<Arguments> all = new ArrayList<>();
        for (SigningAlg signing : SigningAlg.values()) {
            for (EncryptionAlg encryption : EncryptionAlg.values()) {
                if (encryption == EncryptionAlg.NONE) {
                    continue; // refused over plain HTTP by the registry and by the consumer: see the rules tests
                }
                for (CompressionEnum compression : CompressionEnum.values()) {
                    all.add(Arguments.of(signing, encryption, compression));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("algorithms")
    void syncMdnForEverySigningEncryptionAndCompression(SigningAlg signing, EncryptionAlg encryption,
                                                        CompressionEnum compression) throws Exception {
        String connector = mycompany.connectorTo(partner, c -> {
            c.setSigningAlgorithm(signing);
            c.setEncryptionAlgorithm(encryption);
            c.setCompression(compression);
            c.setMdnResponse(MdnResponse.SYNC);
        });
        Exchange sent = mycompany.send(connector, payload, "po-850.edi");
        assertThat(sent.getException()).isNull();
        String status = sent.getMessage().getHeader(TransferAs2Constants.STATUS_CODE, String.class);
        assertThat(status).as(sent.getMessage().getHeader(TransferAs2Constants.FAILURE_MESSAGE, String.class))
                .isEqualTo("COMPLETED");
        assertThat(sent.getMessage().getHeader(TransferAs2Constants.DISPOSITION, String.class))
                .isEqualTo("automatic-action/MDN-sent-automatically; processed");

        Station.Landed landed = partner.next();
        assertThat(landed.header(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
        assertThat(landed.header(TransferAs2Constants.MESSAGE_ID))
                .isEqualTo(sent.getMessage().getHeader(TransferAs2Constants.MESSAGE_ID));
        assertThat(Files.readAllBytes(landed.file())).isEqualTo(payload);
        assertThat(landed.header(TransferAs2Constants.FILE_NAME)).isEqualTo("po-850.edi");
        assertThat(landed.header(TransferAs2Constants.CONTENT_TYPE)).isEqualToIgnoringCase("application/EDI-X12");
        assertThat(landed.header(TransferAs2Constants.SIGNED)).isEqualTo(String.valueOf(signing != SigningAlg.NONE));
        assertThat(landed.header(TransferAs2Constants.ENCRYPTED)).isEqualTo("true");
        assertThat(landed.header(TransferAs2Constants.COMPRESSED))
                .isEqualTo(String.valueOf(compression == CompressionEnum.ZLIB));
        // the MIC the partner returned is the one we computed (the producer already compared them; both sides agree)
        assertThat(landed.header(TransferAs2Constants.MIC))
                .isEqualTo(sent.getMessage().getHeader(TransferAs2Constants.MIC));
    }

    @Test
    void asyncMdnComesBackToOurOwnServerAndCompletesTheTransfer() throws Exception {
        String connector = mycompany.connectorTo(partner, c -> {
            c.setMdnResponse(MdnResponse.ASYNC);
            As2AsyncMdnConnectorConfig async = new As2AsyncMdnConnectorConfig();
            async.setUrl(mycompany.url());
            async.setServerIds(List.of(mycompany.serverId));
            c.setAsyncMdnConfig(async);
            c.setCompression(CompressionEnum.ZLIB);
        });
        Exchange sent = mycompany.send(connector, payload, "invoice-810.x12");
        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("PROCESSING");
        String transferId = sent.getMessage().getHeader(TransferAs2Constants.TRANSFER_ID, String.class);

        Station.Landed atPartner = partner.next();
        assertThat(Files.readAllBytes(atPartner.file())).isEqualTo(payload);

        Station.Landed mdn = mycompany.next();
        assertThat(mdn.header(TransferAs2Constants.MESSAGE_TYPE)).isEqualTo("MDN");
        assertThat(mdn.header(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
        assertThat(mdn.header(TransferAs2Constants.TRANSFER_ID)).isEqualTo(transferId);
        assertThat(mdn.header(TransferAs2Constants.CONNECTOR_ID)).isEqualTo(connector);
        assertThat(mdn.header(TransferAs2Constants.MESSAGE_ID))
                .isEqualTo(sent.getMessage().getHeader(TransferAs2Constants.MESSAGE_ID));
        assertThat(mdn.header(TransferAs2Constants.DISPOSITION))
                .isEqualTo("automatic-action/MDN-sent-automatically; processed");
        assertThat(mdn.header(TransferAs2Constants.MIC)).isEqualTo(sent.getMessage().getHeader(TransferAs2Constants.MIC));
        assertThat(mdn.header(TransferAs2Constants.STATUS_JSON)).contains("\"status-code\":\"COMPLETED\"")
                .contains("\"transfer-id\":\"" + transferId + "\"");
        assertThat(Files.readString(mdn.file(), StandardCharsets.ISO_8859_1)).contains("Original-Message-ID");
        // the send is finished (pending record removed) only after the route above stored its result
        var pending = mycompany.context.getComponent("transfer-as2", io.transferas2.camel.TransferAs2Component.class)
                .transferStore().pendingTransfers();
        for (int i = 0; i < 200 && !pending.list().isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertThat(pending.list()).as("pending store emptied").isEmpty();
    }

    @Test
    void noMdnMeansCompletedOnA2xx() throws Exception {
        String connector = mycompany.connectorTo(partner, c -> c.setMdnResponse(MdnResponse.NONE));
        Exchange sent = mycompany.send(connector, payload, "po.edi");
        assertThat(sent.getMessage().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
        assertThat(sent.getMessage().getHeader(TransferAs2Constants.MDN)).isNull();
        assertThat(Files.readAllBytes(partner.next().file())).isEqualTo(payload);
    }

    @Test
    void aResendAfterATimeoutIsRecognisedAsADuplicateAndLandsOnce() throws Exception {
        String connector = mycompany.connectorTo(partner, c -> { });
        // the partner stores slowly; our first POST times out, Camel redelivers the same exchange
        mycompany.context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:slow-send").routeId("slow-send")
                        .onException(io.transferas2.outbound.TransportFailureException.class)
                        .maximumRedeliveries(2).redeliveryDelay(2500).end()
                        .to("transfer-as2:connector/" + connector + "?readTimeout=400");
            }
        });
        partner.storeDelayMillis = 1500;
        try {
            Exchange sent = mycompany.context.createProducerTemplate().request("direct:slow-send", e -> {
                e.getMessage().setBody(payload);
                e.getMessage().setHeader(TransferAs2Constants.FILE_NAME, "dup.edi");
            });
            assertThat(sent.getException()).isNull();
            assertThat(sent.getMessage().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
            assertThat(sent.getMessage().getHeader(TransferAs2Constants.DISPOSITION, String.class))
                    .isEqualTo("automatic-action/MDN-sent-automatically; processed/warning: duplicate-document");
            assertThat(partner.next().header(TransferAs2Constants.MESSAGE_ID))
                    .isEqualTo(sent.getMessage().getHeader(TransferAs2Constants.MESSAGE_ID));
            assertThat(partner.landed.poll(3, TimeUnit.SECONDS)).as("the resend did not land again").isNull();
        } finally {
            partner.storeDelayMillis = 0;
        }
    }

    @Test
    void aPartnerThatDoesNotTrustOurKeyAnswersAnErrorMdnAndWeFail() throws Exception {
        Station stranger = new Station("STRANGER", TestKeys.key("e2e-stranger"), dir.resolve("stranger"));
        // PARTNER knows STRANGER by a certificate that is not the key STRANGER signs with
        partner.trade(stranger, TestKeys.key("e2e-impostor"));
        stranger.trade(partner, partner.key);
        stranger.start();
        try {
            String connector = stranger.connectorTo(partner, c -> { });
            Exchange sent = stranger.send(connector, payload, "po.edi");
            assertThat(sent.getException()).isInstanceOf(MdnFailureException.class);
            assertThat(sent.getMessage().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("FAILED");
            assertThat(sent.getMessage().getHeader(TransferAs2Constants.DISPOSITION, String.class))
                    .isEqualTo("automatic-action/MDN-sent-automatically; processed/error: authentication-failed");
            Station.Landed failed = partner.next();
            assertThat(failed.header(TransferAs2Constants.STATUS_CODE)).isEqualTo("FAILED");
            assertThat(failed.header(TransferAs2Constants.FAILURE_CODE)).isEqualTo("VERIFICATION_FAILED");
            assertThat(failed.header(TransferAs2Constants.PAYLOAD_BUCKET)).isEqualTo("inbox");
            assertThat(failed.header(TransferAs2Constants.PAYLOAD_KEY)).startsWith("stranger/failed/")
                    .endsWith("." + sent.getMessage().getHeader(TransferAs2Constants.MESSAGE_ID));
        } finally {
            stranger.close();
        }
    }

    /** X12-like text with CRLF and bare LF, so canonicalisation mistakes would show. */
    private static byte[] x12(int size) {
        Random random = new Random(850);
        StringBuilder sb = new StringBuilder("ISA*00*          *00*          *ZZ*MYCOMPANY      *ZZ*PARTNER        ~\r\n");
        while (sb.length() < size) {
            sb.append("PO1*").append(random.nextInt(1000)).append("*").append(random.nextInt(90) + 10)
                    .append("*EA*").append(random.nextInt(10_000) / 100.0).append(random.nextBoolean() ? "~\r\n" : "~\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
