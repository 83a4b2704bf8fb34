package io.transferas2.s3;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/** Camel Main + YAML DSL + aws2-s3 + the embedded S3: a file goes in as an S3 object and comes back intact. */
class CamelMainYamlS3Test {

    private static final long PART_SIZE = 5L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void yamlRouteWritesAnObjectVisibleOnDiskAndReadsItBack() throws Exception {
        try (YamlRoundTrip app = new YamlRoundTrip(dir, PART_SIZE)) {
            long size = 2 * PART_SIZE + 12345; // three parts
            String sha = app.drop("po-4711.edi", size);

            Path stored = app.awaitStored("po-4711.edi", size, Duration.ofSeconds(60));
            assertThat(stored).startsWith(dir.resolve("data/transfers"));
            assertThat(YamlRoundTrip.sha256Of(stored)).isEqualTo(sha);

            // the autowired client is the one the YAML bean built, and the upload went multipart
            S3Client client = app.context().getRegistry().lookupByNameAndType("s3Client", S3Client.class);
            String etag = client.headObject(b -> b.bucket(YamlRoundTrip.BUCKET).key("incoming/po-4711.edi")).eTag();
            assertThat(etag).as("multipart ETag").endsWith("-3\"");

            Path back = app.download("po-4711.edi");
            assertThat(YamlRoundTrip.sha256Of(back)).isEqualTo(sha);
        }
    }
}
