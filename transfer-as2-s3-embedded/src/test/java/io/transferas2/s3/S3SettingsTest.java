package io.transferas2.s3;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3SettingsTest {

    private static S3Settings settings(String... kv) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return S3Settings.from(map::get);
    }

    @Test
    void nothingConfiguredMeansTheEmbeddedServerUnderDotData() {
        S3Settings s = settings();
        assertThat(s.mode()).isEqualTo(S3Settings.Mode.EMBEDDED);
        assertThat(s.pathStyle()).isTrue();
        assertThat(s.checksums()).isEqualTo(S3Settings.Checksums.WHEN_REQUIRED);
        assertThat(s.region()).isEqualTo("us-east-1");
        assertThat(s.embeddedOptions().dataDirectory()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(s.embeddedOptions().host()).isEqualTo("127.0.0.1");
        assertThat(s.embeddedOptions().port()).isZero();
    }

    @Test
    void blankValuesCountAsUnset() {
        assertThat(settings("s3.endpoint", "", "s3.region", "  ").mode()).isEqualTo(S3Settings.Mode.EMBEDDED);
    }

    @Test
    void embeddedPropertiesAreRead() {
        S3Settings s = settings("s3.embedded.data-dir", "/srv/s3", "s3.embedded.port", "9000",
                "s3.embeddedHost", "::1", "s3.embedded.buckets", "inbox, outbox ,", "s3.access-key", "me",
                "s3.secret-key", "pw");
        EmbeddedS3Options o = s.embeddedOptions();
        assertThat(o.dataDirectory()).isEqualTo(Path.of("/srv/s3"));
        assertThat(o.port()).isEqualTo(9000);
        assertThat(o.buckets()).containsExactly("inbox", "outbox");
        assertThat(o.accessKey()).isEqualTo("me");
        assertThat(s.secretKey()).isEqualTo("pw");
    }

    @Test
    void anEndpointSelectsARemoteStoreSuchAsMinio() {
        S3Settings s = settings("s3.endpoint", "http://minio.local:9000", "s3.path-style", "true",
                "s3.accessKey", "minio", "s3.secretKey", "minio-secret");
        assertThat(s.mode()).isEqualTo(S3Settings.Mode.REMOTE);
        assertThat(s.endpoint()).isEqualTo(URI.create("http://minio.local:9000"));
        assertThat(s.region()).isEqualTo("us-east-1");
        assertThat(s.pathStyle()).isTrue();
        assertThat(s.checksums()).isEqualTo(S3Settings.Checksums.WHEN_SUPPORTED);
        assertThat(s.embeddedOptions()).isNull();
        assertThat(s.toString()).contains("minio.local").doesNotContain("minio-secret");
    }

    @Test
    void aRegionAloneSelectsAwsWithTheDefaultCredentialChain() {
        S3Settings s = settings("s3.region", "eu-west-1");
        assertThat(s.mode()).isEqualTo(S3Settings.Mode.REMOTE);
        assertThat(s.endpoint()).isNull();
        assertThat(s.accessKey()).isNull();
        assertThat(s.pathStyle()).isFalse();
        assertThat(s.toString()).contains("SDK default chain");
    }

    @Test
    void explicitModeWins() {
        assertThat(settings("s3.mode", "embedded", "s3.region", "eu-west-1").mode())
                .isEqualTo(S3Settings.Mode.EMBEDDED);
        assertThat(settings("s3.mode", "REMOTE").mode()).isEqualTo(S3Settings.Mode.REMOTE);
    }

    @Test
    void contradictionsAndBadValuesNameTheProperty() {
        assertThatThrownBy(() -> settings("s3.mode", "cloud")).hasMessageContaining("s3.mode='cloud'");
        assertThatThrownBy(() -> settings("s3.endpoint", "minio:9000")).hasMessageContaining("s3.endpoint");
        assertThatThrownBy(() -> settings("s3.access-key", "only")).hasMessageContaining("s3.secret-key");
        assertThatThrownBy(() -> settings("s3.embedded.port", "nine")).hasMessageContaining("s3.embedded.port");
        assertThatThrownBy(() -> settings("s3.embedded.port", "70000")).hasMessageContaining("s3.embedded.port");
        assertThatThrownBy(() -> settings("s3.embedded.buckets", "Bad_Bucket"))
                .hasMessageContaining("s3.embedded.buckets").hasMessageContaining("Bad_Bucket");
        assertThatThrownBy(() -> settings("s3.path-style", "yes")).hasMessageContaining("s3.path-style");
        assertThatThrownBy(() -> settings("s3.checksums", "always")).hasMessageContaining("when-required");
        // the route pack's shipped s3.embedded.* lines do not stop a switch to a remote S3 (issue 15 item 16)
        assertThat(settings("s3.region", "eu-west-1", "s3.embedded.data-dir", "x", "s3.embedded.buckets", "edi")
                .mode()).isEqualTo(S3Settings.Mode.REMOTE);
        assertThatThrownBy(() -> settings("s3.mode", "embedded", "s3.endpoint", "http://x:1"))
                .hasMessageContaining("s3.endpoint");
        assertThatThrownBy(() -> settings("s3.checksums", "when-supported"))
                .hasMessageContaining("hangs");
        assertThatThrownBy(() -> settings("s3.path-style", "false")).hasMessageContaining("path-style");
        assertThatThrownBy(() -> settings("s3.session-token", "t")).hasMessageContaining("s3.access-key");
    }
}
