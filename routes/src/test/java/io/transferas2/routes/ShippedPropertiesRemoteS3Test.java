package io.transferas2.routes;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import io.transferas2.s3.EmbeddedS3Options;
import io.transferas2.s3.S3Access;
import io.transferas2.s3.S3Settings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 16: the README's "against AWS S3 or MinIO" step works with the shipped routes/application.properties
 * as it is (its s3.embedded.* lines included): adding s3.endpoint, s3.path-style and the keys selects the remote
 * store, here a separate S3 API server standing in for MinIO, and nothing embedded starts.
 */
class ShippedPropertiesRemoteS3Test {
    @TempDir
    Path minioData;

    @Test
    void theDocumentedRemoteSettingsAreEnough() throws Exception {
        Path shipped = Path.of("application.properties").toAbsolutePath();
        if (!Files.exists(shipped)) {
            shipped = Path.of("routes/application.properties").toAbsolutePath();
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(shipped)) {
            props.load(r);
        }
        assertThat(props.getProperty("s3.embedded.data-dir")).as("the shipped file still has its embedded lines")
                .isNotNull();
        EmbeddedS3Options minio = EmbeddedS3Options.builder().dataDirectory(minioData).bucket("edi")
                .credentials("minio-access", "minio-secret-0123456789").build();
        try (S3Access store = S3Access.open(S3Settings.embedded(minio))) {
            props.setProperty("s3.endpoint", store.embeddedServer().orElseThrow().endpoint().toString());
            props.setProperty("s3.path-style", "true");
            props.setProperty("s3.access-key", "minio-access");
            props.setProperty("s3.secret-key", "minio-secret-0123456789");
            // S3Proxy (standing in for MinIO here) needs this; MinIO and AWS take the default
            props.setProperty("s3.checksums", "when-required");
            S3Settings settings = S3Settings.fromProperties(props);
            assertThat(settings.mode()).isEqualTo(S3Settings.Mode.REMOTE);
            try (S3Access remote = S3Access.open(settings)) {
                assertThat(remote.embeddedServer()).isEmpty();
                remote.client().putObject(b -> b.bucket("edi").key("inbound/po.x12"), RequestBody.fromString("ISA"));
            }
            assertThat(minioData.resolve("edi/inbound/po.x12")).hasContent("ISA");
        }
    }
}
