package io.transferas2.as2;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** MDNs as TIBCO, SEEBURGER, Sterling and friends send them, and the values inside. */
class MdnLenienceTest {
    private final MdnReader reader = new MdnReader();

    @Test
    void readsASloppyUnsignedMdn() {
        String body = "--b1\n"
                + "content-type: text/plain\n\n"
                + "Your message was received with errors.\n"
                + "--b1\n"
                + "content-type: message/disposition-notification\n\n"
                + "reporting-ua: Sloppy AS2\n"
                + "final-recipient: PARTNER\n"
                + "original-message-id: 1234@sender.example\n"
                + "disposition: automatic-action/MDN-sent-automatically;\n"
                + "  processed/Error: authentication-failed\n"
                + "received-content-mic: AAAAAAAAAAAAAAAAAAAAAAAAAAA= , SHA1\n"
                + "--b1--\n";
        ReceivedMdn mdn = reader.read("multipart/report; Report-Type=disposition-notification; boundary=b1",
                new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)), List.of());
        assertThat(mdn.signed()).isFalse();
        assertThat(mdn.originalRecipient()).isEmpty();
        assertThat(mdn.finalRecipient()).contains("PARTNER");
        assertThat(mdn.isFor("<1234@sender.example>")).isTrue();
        assertThat(mdn.isFor("1234@sender.example")).isTrue();
        assertThat(mdn.isFor("other@sender.example")).isFalse();
        assertThat(mdn.disposition().isSuccess()).isFalse();
        assertThat(mdn.disposition().errorModifier()).contains(DispositionModifier.AUTHENTICATION_FAILED);
        assertThat(mdn.receivedContentMic()).isPresent();
        assertThat(mdn.receivedContentMic().get().algorithm()).isEqualTo(MicAlgorithm.SHA1);
        assertThat(mdn.text()).contains("Your message was received with errors.");
        assertThat(mdn.reportingUa()).contains("Sloppy AS2");
    }

    @Test
    void readsABareDispositionNotification() {
        String body = "Disposition: automatic-action/MDN-sent-automatically; processed/warning: duplicate-document\r\n"
                + "Original-Message-ID: <x@y>\r\n";
        ReceivedMdn mdn = reader.read("message/disposition-notification",
                new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)), List.of());
        assertThat(mdn.disposition()).isEqualTo(Disposition.duplicateDocument());
        assertThat(mdn.disposition().isSuccess()).isTrue();
        assertThat(mdn.disposition().isWarning()).isTrue();
    }

    @Test
    void ourMdnsCarryEveryFieldAndDisposition() {
        Mic mic = new Mic(MicAlgorithm.SHA512, new byte[64], "SHA512");
        for (Disposition d : List.of(Disposition.processed(), Disposition.duplicateDocument(),
                Disposition.error(DispositionModifier.DECRYPTION_FAILED),
                Disposition.error(DispositionModifier.INSUFFICIENT_MESSAGE_SECURITY))) {
            Mdn built = new As2MdnBuilder().build(MdnRequest.builder().reportingUa("transfer-as2 test")
                    .originalRecipient("OURS").originalMessageId("abc@def").receivedContentMic(mic)
                    .disposition(d).signedWith(Messages.RECEIVER, MicAlgorithm.SHA384).build());
            assertThat(built.contentType()).startsWith("multipart/signed").contains("micalg=sha-384");
            ReceivedMdn read = reader.read(built.contentType(), built.openBody(),
                    List.of(Messages.RECEIVER.certificate()));
            assertThat(read.disposition()).isEqualTo(d);
            assertThat(read.disposition().toFieldValue()).isEqualTo(d.toFieldValue());
            assertThat(read.signatureAlgorithm()).contains(MicAlgorithm.SHA384);
            assertThat(read.originalRecipient()).contains("OURS");
            assertThat(read.finalRecipient()).contains("OURS");
            assertThat(read.originalMessageId()).contains("<abc@def>");
            assertThat(read.field("Received-Content-MIC")).contains(mic.base64() + ", SHA512");
            assertThat(read.receivedContentMic()).contains(mic);
            assertThat(read.text()).isPresent();
        }
        assertThat(Disposition.error(DispositionModifier.DECRYPTION_FAILED).toFieldValue())
                .isEqualTo("automatic-action/MDN-sent-automatically; processed/error: decryption-failed");
    }

    @Test
    void dispositionNotificationOptionsAreParsedLeniently() {
        DispositionNotificationOptions o = DispositionNotificationOptions.parse(
                "Signed-Receipt-Protocol=Required, PKCS7-Signature;  signed-receipt-micalg = optional , md5,SHA256 ");
        assertThat(o.signedReceiptRequested()).isTrue();
        assertThat(o.protocolImportance()).isEqualTo("required");
        assertThat(o.micAlgorithmNames()).containsExactly("md5", "SHA256");
        assertThat(o.preferredMicAlgorithm()).contains(
                new DispositionNotificationOptions.Requested(MicAlgorithm.SHA256, "SHA256"));
        assertThat(DispositionNotificationOptions.parse(null).signedReceiptRequested()).isFalse();
        assertThat(DispositionNotificationOptions.signedReceipt(MicAlgorithm.SHA256, MicAlgorithm.SHA1)
                .toHeaderValue()).isEqualTo("signed-receipt-protocol=optional, pkcs7-signature; "
                + "signed-receipt-micalg=optional, sha-256, sha-1");
    }

    @Test
    void micValuesCompareAcrossSpellings() {
        Mic a = Mic.parse("q83vEjRWeJA=, sha256").orElseThrow();
        Mic b = Mic.parse(" q83vEjRWeJA= ,SHA-256").orElseThrow();
        assertThat(a).isEqualTo(b);
        assertThat(a.matches(b)).isTrue();
        assertThat(Mic.parse("q83vEjRWeJA=, md5")).isEmpty();
        assertThat(Mic.parse("not base64!!, sha1")).isEmpty();
        assertThat(Mic.parse("no-comma")).isEmpty();
        for (String n : List.of("sha1", "sha-1", "SHA1", "SHA-1", "rsa-sha1")) {
            assertThat(MicAlgorithm.fromName(n)).contains(MicAlgorithm.SHA1);
        }
        for (String n : List.of("sha256", "sha-256", "SHA256", "SHA-256", "sha2-256")) {
            assertThat(MicAlgorithm.fromName(n)).contains(MicAlgorithm.SHA256);
        }
        assertThat(MicAlgorithm.fromName("sha3-256")).isEmpty();
    }
}
