package io.transferas2.s3;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedS3ServerTest {

    @TempDir
    Path dir;

    @Test
    void objectsBeingWrittenAreNotListed() throws Exception {
        EmbeddedS3Options options = EmbeddedS3Options.builder().dataDirectory(dir).bucket("inbox").build();
        try (S3Access s3 = S3Access.open(S3Settings.embedded(options))) {
            s3.client().putObject(b -> b.bucket("inbox").key("processed/a.json"), RequestBody.fromString("{}"));
            // what jclouds holds while it writes processed/b.json: the key plus "-" and a random UUID
            Files.writeString(dir.resolve("inbox/processed/b.json-3dddba3b-10fb-44df-8abb-8e82105646da"), "{");
            assertThat(s3.client().listObjectsV2(b -> b.bucket("inbox").prefix("processed/")).contents())
                    .extracting(S3Object::key).containsExactly("processed/a.json");
        }
    }

    @Test
    void servesObjectsAsPlainFilesUnderTheDataDirectory() throws Exception {
        EmbeddedS3Options options = EmbeddedS3Options.builder().dataDirectory(dir).bucket("inbox").build();
        try (S3Access s3 = S3Access.open(S3Settings.embedded(options))) {
            EmbeddedS3Server server = s3.embeddedServer().orElseThrow();
            assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(server.port()).isPositive();

            S3Client client = s3.client();
            client.putObject(b -> b.bucket("inbox").key("partner/po-1.edi"), RequestBody.fromString("ISA*00*"));

            Path onDisk = dir.resolve("inbox/partner/po-1.edi");
            assertThat(onDisk).hasContent("ISA*00*");
            assertThat(client.getObjectAsBytes(b -> b.bucket("inbox").key("partner/po-1.edi")).asUtf8String())
                    .isEqualTo("ISA*00*");
            // like real S3: the directory the backend created is not an object, but a common prefix
            assertThat(client.listObjectsV2(b -> b.bucket("inbox")).contents()).extracting(S3Object::key)
                    .containsExactly("partner/po-1.edi");
            assertThat(client.listObjectsV2(b -> b.bucket("inbox").prefix("partner/")).contents())
                    .extracting(S3Object::key).containsExactly("partner/po-1.edi");
            assertThat(client.listObjectsV2(b -> b.bucket("inbox").delimiter("/")).commonPrefixes())
                    .extracting(p -> p.prefix()).containsExactly("partner/");
            // a folder marker created on purpose is an object
            client.putObject(b -> b.bucket("inbox").key("empty/"), RequestBody.empty());
            assertThat(client.listObjectsV2(b -> b.bucket("inbox")).contents()).extracting(S3Object::key)
                    .containsExactly("empty/", "partner/po-1.edi");

            client.deleteObject(b -> b.bucket("inbox").key("partner/po-1.edi"));
            assertThat(onDisk).doesNotExist();
        }
    }

    @Test
    void createsBucketsItIsAskedFor() throws Exception {
        try (S3Access s3 = S3Access.open(S3Settings.embedded(EmbeddedS3Options.builder().dataDirectory(dir).build()))) {
            s3.client().createBucket(b -> b.bucket("created-by-client"));
            s3.embeddedServer().orElseThrow().createBucket("created-by-api");

            assertThat(dir.resolve("created-by-client")).isDirectory();
            assertThat(dir.resolve("created-by-api")).isDirectory();
            assertThat(s3.client().listBuckets().buckets()).extracting(b -> b.name())
                    .contains("created-by-client", "created-by-api");
        }
    }

    @Test
    void secondStartInTheSameJvmReusesTheServerUntilTheLastHandleCloses() throws Exception {
        EmbeddedS3Options options = EmbeddedS3Options.builder().dataDirectory(dir).bucket("one").build();
        EmbeddedS3Server first = EmbeddedS3Server.start(options);
        int port = first.port();
        try (S3Access second = S3Access.open(S3Settings.embedded(options.toBuilder().bucket("two").build()))) {
            assertThat(second.embeddedServer().orElseThrow().port()).isEqualTo(port);
            assertThat(dir.resolve("two")).isDirectory();

            first.close();
            first.close(); // idempotent: must not release the second handle's reference
            assertThat(first.isRunning()).isFalse();
            second.client().putObject(b -> b.bucket("one").key("still-up"), RequestBody.fromString("yes"));
            assertThat(dir.resolve("one/still-up")).hasContent("yes");
        }
        assertThat(portAccepts(port)).isFalse();
    }

    @Test
    void secondStartWithOtherCredentialsIsRejected() throws Exception {
        EmbeddedS3Options first = EmbeddedS3Options.builder().dataDirectory(dir).build();
        try (EmbeddedS3Server ignored = EmbeddedS3Server.start(first)) {
            EmbeddedS3Options other = EmbeddedS3Options.builder().dataDirectory(dir).credentials("other", "secret")
                    .build();
            assertThatThrownBy(() -> EmbeddedS3Server.start(other)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already serves").hasMessageNotContaining("secret");
        }
    }

    @Test
    void requestsSignedWithAnotherSecretAreRefused() throws Exception {
        EmbeddedS3Options options = EmbeddedS3Options.builder().dataDirectory(dir).bucket("inbox").build();
        try (EmbeddedS3Server server = EmbeddedS3Server.start(options);
             S3Access intruder = S3Access.open(S3Settings.fromProperties(props(
                     "s3.endpoint", server.endpoint().toString(), "s3.path-style", "true",
                     "s3.access-key", options.accessKey(), "s3.secret-key", "wrong",
                     "s3.checksums", "when-required")))) {
            assertThatThrownBy(() -> intruder.client().listObjectsV2(b -> b.bucket("inbox")))
                    .isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(403));
        }
    }

    @Test
    void multipartUploadIsAssembledIntoOneFile() throws Exception {
        EmbeddedS3Options options = EmbeddedS3Options.builder().dataDirectory(dir).bucket("big").build();
        int partSize = 5 * 1024 * 1024;
        try (S3Access s3 = S3Access.open(S3Settings.embedded(options))) {
            S3Client client = s3.client();
            String uploadId = client.createMultipartUpload(b -> b.bucket("big").key("x/payload.bin")).uploadId();
            List<CompletedPart> parts = new ArrayList<>();
            for (int part = 1; part <= 3; part++) {
                int size = part < 3 ? partSize : 1234;
                int partNumber = part;
                String etag = client.uploadPart(b -> b.bucket("big").key("x/payload.bin").uploadId(uploadId)
                        .partNumber(partNumber), RequestBody.fromInputStream(new PatternStream(size, part), size))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(part).eTag(etag).build());
            }
            client.completeMultipartUpload(b -> b.bucket("big").key("x/payload.bin").uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));

            Path file = dir.resolve("big/x/payload.bin");
            assertThat(Files.size(file)).isEqualTo(2L * partSize + 1234);
            try (InputStream in = Files.newInputStream(file)) {
                assertThat(in.readNBytes(4)).containsExactly(PatternStream.header(1));
                in.skipNBytes(partSize - 4);
                assertThat(in.readNBytes(4)).containsExactly(PatternStream.header(2));
                in.skipNBytes(partSize - 4);
                assertThat(in.readNBytes(4)).containsExactly(PatternStream.header(3));
            }
            try (Stream<Path> leftovers = Files.list(dir.resolve("big"))) {
                assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactly("x");
            }
        }
    }

    private static boolean portAccepts(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (ConnectException e) {
            return false;
        }
    }

    static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    /** A stream of {@code size} bytes starting with a 4-byte marker of its part number. */
    static final class PatternStream extends InputStream {
        private final long size;
        private final byte[] header;
        private long pos;

        PatternStream(long size, int part) {
            this.size = size;
            this.header = header(part);
        }

        static byte[] header(int part) {
            return ("P" + part + "::").substring(0, 4).getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public int read() {
            if (pos >= size) {
                return -1;
            }
            int b = pos < 4 ? header[(int) pos] : (int) (pos * 31 % 251);
            pos++;
            return b;
        }
    }
}
