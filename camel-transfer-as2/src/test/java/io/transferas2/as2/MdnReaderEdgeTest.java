package io.transferas2.as2;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.transferas2.certs.KeyMaterial;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MDN shapes real partners send that the other reader tests do not: found by mutation testing (docs/mutation-testing.md). */
class MdnReaderEdgeTest {
    private static final KeyMaterial PARTNER = TestKeys.key("mdn-edge-partner");
    private final MdnReader reader = new MdnReader();

    private static Mdn signedMdn() {
        return new As2MdnBuilder().build(MdnRequest.builder()
                .originalRecipient("US")
                .finalRecipient("US")
                .originalMessageId("<edge-1@test>")
                .disposition(Disposition.processed())
                .signedWith(PARTNER, MicAlgorithm.SHA256)
                .build());
    }

    @Test
    void aSignedMdnWhoseHeadersAreInTheBodyIsStillVerified() throws Exception {
        Mdn mdn = signedMdn();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("Content-Type: " + mdn.contentType() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(mdn.body());
        ReceivedMdn read = reader.read("", new ByteArrayInputStream(body.toByteArray()),
                List.of(PARTNER.certificate()));
        assertThat(read.signed()).isTrue();
        assertThat(read.signerCertificate()).contains(PARTNER.certificate());
        assertThat(read.isFor("edge-1@test")).isTrue();
    }

    @Test
    void aSignedMdnWithItsContentTypeIsVerifiedAndReportsItsFields() {
        Mdn mdn = signedMdn();
        ReceivedMdn read = reader.read(mdn.contentType(), mdn.openBody(), List.of(PARTNER.certificate()));
        assertThat(read.signed()).isTrue();
        assertThat(read.fields()).containsKey("disposition").containsKey("original-message-id");
        assertThat(read.finalRecipient()).contains("US");
        assertThat(read.toString()).contains("signed=true").contains("processed");
    }

    @Test
    void theDispositionNotificationMayBeNestedInAnotherMultipart() {
        String body = """
                --outer\r
                Content-Type: text/plain\r
                \r
                The message was received.\r
                --outer\r
                Content-Type: multipart/mixed; boundary="inner"\r
                \r
                --inner\r
                Content-Type: message/disposition-notification\r
                \r
                Final-Recipient: ;US\r
                Original-Message-ID: <nested@test>\r
                Disposition: automatic-action/MDN-sent-automatically; processed\r
                \r
                --inner--\r
                --outer--\r
                """;
        ReceivedMdn read = reader.read("multipart/report; report-type=disposition-notification; boundary=outer",
                new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)), List.of());
        assertThat(read.isFor("nested@test")).isTrue();
        assertThat(read.disposition().isSuccess()).isTrue();
        assertThat(read.text()).contains("The message was received.");
        // an address without its type still loses the separator
        assertThat(read.finalRecipient()).contains("US");
    }

    @Test
    void aReportWithoutADispositionIsRefused() {
        String body = "Original-Message-ID: <x@test>\r\nFinal-Recipient: rfc822; US\r\n";
        assertThatThrownBy(() -> reader.read("message/disposition-notification",
                new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)), List.of()))
                .isInstanceOf(As2Exception.class).hasMessageContaining("no Disposition field");
    }
}
