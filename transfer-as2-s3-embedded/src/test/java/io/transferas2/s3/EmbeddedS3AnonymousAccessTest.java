package io.transferas2.s3;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 15: the embedded S3 answers only signed requests. A file copied into the data directory with mode 644
 * (as the quickstart does) and a world-readable bucket directory were served to anyone before: jclouds reports such
 * files as public-read.
 */
class EmbeddedS3AnonymousAccessTest {
    @TempDir
    Path dir;

    @Test
    void worldReadableFilesAndBucketsNeedASignature() throws Exception {
        EmbeddedS3Options options = EmbeddedS3Options.builder().dataDirectory(dir).bucket("edi").build();
        try (S3Access s3 = S3Access.open(S3Settings.embedded(options))) {
            EmbeddedS3Server server = s3.embeddedServer().orElseThrow();
            assertThat(server.endpoint().getHost()).as("binds loopback by default").isEqualTo("127.0.0.1");
            Path copied = dir.resolve("edi/outbox/po.edi");
            Files.createDirectories(copied.getParent());
            Files.writeString(copied, "ISA*00*secret-order~");
            Files.setPosixFilePermissions(copied, PosixFilePermissions.fromString("rw-r--r--"));
            Files.setPosixFilePermissions(dir.resolve("edi"), PosixFilePermissions.fromString("rwxr-xr-x"));
            s3.client().putObject(b -> b.bucket("edi").key("inbound/x.edi"), RequestBody.fromString("x"));
            Files.setPosixFilePermissions(dir.resolve("edi/inbound/x.edi"), PosixFilePermissions.fromString("rw-r--r--"));

            // signed: served
            assertThat(s3.client().getObjectAsBytes(b -> b.bucket("edi").key("outbox/po.edi")).asUtf8String())
                    .isEqualTo("ISA*00*secret-order~");

            HttpClient http = HttpClient.newHttpClient();
            for (String path : new String[] {"/edi/outbox/po.edi", "/edi/inbound/x.edi", "/edi", "/edi?list-type=2",
                    "/"}) {
                HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(anonymous.statusCode()).as("anonymous GET " + path).isEqualTo(403);
                assertThat(anonymous.body()).doesNotContain("secret-order").doesNotContain("po.edi");
            }
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(server.endpoint()
                    + "/edi/evil.edi")).PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).isEqualTo(403);
            assertThat(dir.resolve("edi/evil.edi")).doesNotExist();
        }
    }
}
