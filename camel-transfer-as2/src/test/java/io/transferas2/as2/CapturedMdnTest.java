package io.transferas2.as2;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The captured MDNs from Mendelson (signed, unsigned error) and OpenAS2 (signed, raw DER signature part). */
class CapturedMdnTest {
    private final MdnReader reader = new MdnReader();

    static Stream<JsonNode> mdns() throws Exception {
        return InteropVectors.manifest().stream().filter(e -> e.path("file").asText().startsWith("mdn/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mdns")
    void readsAndVerifiesTheCapturedMdn(JsonNode vector) throws Exception {
        Captured mdn = load(vector.path("file").asText());
        ReceivedMdn received = reader.read(mdn.contentType, new ByteArrayInputStream(mdn.body),
                List.of(InteropVectors.clientCertificate()));
        assertThat(received.disposition().toFieldValue()).isEqualTo(vector.path("disposition").asText());
        assertThat(received.originalMessageId()).contains(vector.path("originalMessageId").asText());
        assertThat(received.isFor(vector.path("originalMessageId").asText().replaceAll("[<>]", ""))).isTrue();
        assertThat(received.signed()).isEqualTo(vector.path("signed").asBoolean());
        if (received.signed()) {
            assertThat(received.signerCertificate()).contains(InteropVectors.clientCertificate());
            assertThat(received.disposition().isSuccess()).isTrue();
            assertThat(received.field("Received-Content-MIC")).contains(vector.path("receivedContentMic").asText());
            byte[] original = vector.path("originalSignedPart").asText().getBytes(StandardCharsets.ISO_8859_1);
            Mic sent = new Mic(MicAlgorithm.SHA256, MessageDigest.getInstance("SHA-256").digest(original));
            received.verify(sent, true);
            Mic other = new Mic(MicAlgorithm.SHA256, MessageDigest.getInstance("SHA-256").digest(new byte[1]));
            assertThatThrownBy(() -> received.verify(other, true))
                    .isInstanceOfSatisfying(As2Exception.class,
                            e -> assertThat(e.failureCode()).isEqualTo(As2FailureCode.VERIFICATION_FAILED));
        } else {
            assertThat(received.disposition().isSuccess()).isFalse();
            assertThat(received.disposition().modifierKind()).isEqualTo("error");
            assertThat(received.disposition().modifier()).isEqualTo("unknown-trading-partner");
            assertThat(received.receivedContentMic()).isEmpty();
            assertThat(received.finalRecipient()).isPresent();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mdns")
    void signedMdnWithOnlyTheWrongCertificateHasNoMatchingKey(JsonNode vector) throws Exception {
        if (!vector.path("signed").asBoolean()) {
            return;
        }
        Captured mdn = load(vector.path("file").asText());
        assertThatThrownBy(() -> reader.read(mdn.contentType, new ByteArrayInputStream(mdn.body),
                List.of(InteropVectors.certificate("certificates/server.crt"))))
                .isInstanceOfSatisfying(As2Exception.class, e -> {
                    assertThat(e.failureCode()).isEqualTo(As2FailureCode.VERIFICATION_FAILED_NO_MATCHING_KEY_FOUND);
                    assertThat(e.modifier()).isEqualTo(DispositionModifier.AUTHENTICATION_FAILED);
                });
    }

    @Test
    void tamperedSignedMdnFailsVerification() throws Exception {
        Captured mdn = load("mdn/signed_mdn.yml");
        String body = new String(mdn.body, StandardCharsets.ISO_8859_1).replace("processed\r\n", "processed \r\n");
        assertThatThrownBy(() -> reader.read(mdn.contentType,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1)),
                List.of(InteropVectors.clientCertificate())))
                .isInstanceOfSatisfying(As2Exception.class, e -> {
                    assertThat(e.failureCode()).isEqualTo(As2FailureCode.VERIFICATION_FAILED);
                    assertThat(e.modifier()).isEqualTo(DispositionModifier.INTEGRITY_CHECK_FAILED);
                });
    }

    record Captured(String contentType, byte[] body) {
    }

    @SuppressWarnings("unchecked")
    static Captured load(String relative) throws Exception {
        Yaml yaml = new Yaml(new RubyBinaryConstructor());
        Map<String, Object> doc = yaml.load(Files.readString(InteropVectors.dir().resolve(relative)));
        Map<String, Object> headers = (Map<String, Object>) doc.get("headers");
        Object body = doc.get("body");
        byte[] bytes = body instanceof byte[] b ? b : String.valueOf(body).getBytes(StandardCharsets.ISO_8859_1);
        return new Captured(String.valueOf(headers.get("Content-Type")), bytes);
    }

    /** SnakeYAML with Ruby's {@code !binary} tag (base64) next to the standard {@code !!binary}. */
    private static final class RubyBinaryConstructor extends SafeConstructor {
        RubyBinaryConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!binary"), new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String b64 = ((ScalarNode) node).getValue().replaceAll("\\s+", "");
                    return Base64.getDecoder().decode(b64);
                }
            });
        }
    }
}
