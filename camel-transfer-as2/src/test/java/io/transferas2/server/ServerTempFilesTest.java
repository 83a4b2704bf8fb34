package io.transferas2.server;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.Security;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.as2.OutboundMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 9: spool files live in the station's own temp directory, each request removes its own whatever
 * happens (a completed message, a client that breaks off mid-body), and what a killed process left there is removed
 * at start, without touching other files or files still being written.
 */
class ServerTempFilesTest {
    static final byte[] PAYLOAD = "ISA*00*temp-files-test~".getBytes(StandardCharsets.US_ASCII);

    @Test
    void staleSpoolFilesGoAtStartAndRequestsLeaveNone(@TempDir Path root) throws Exception {
        if (Security.getProvider("BC") == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        Path tmp = root.resolve("tmp");
        Files.createDirectories(tmp);
        FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        Path staleRaw = stale(tmp.resolve("transfer-as2-raw-123.tmp"), twoHoursAgo);
        Path stalePayload = stale(tmp.resolve("as2-in-456.tmp"), twoHoursAgo);
        Path staleSpool = stale(tmp.resolve("as2-out-789.tmp"), twoHoursAgo);
        Path someoneElses = stale(tmp.resolve("notes.txt"), twoHoursAgo);
        Path inFlight = Files.writeString(tmp.resolve("transfer-as2-raw-live.tmp"), "being written");

        try (ServerHarness server = new ServerHarness(root).start("")) {
            assertThat(staleRaw).doesNotExist();
            assertThat(stalePayload).doesNotExist();
            assertThat(staleSpool).doesNotExist();
            assertThat(someoneElses).exists();
            assertThat(inFlight).exists();
            Files.delete(inFlight);

            RawAs2 raw = new RawAs2(server);
            String id = RawAs2.newMessageId();
            try (OutboundMessage m = raw.build(PAYLOAD, "po.x12")) {
                assertThat(raw.post(m, RawAs2.as2Headers(ServerHarness.PARTNER, ServerHarness.LOCAL, id)).status())
                        .isEqualTo(200);
            }
            server.awaitMessage(id);
            // a client that sends part of the body and goes away
            String broken = RawAs2.newMessageId();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", server.port));
                Map<String, String> h = new LinkedHashMap<>(RawAs2.as2Headers(ServerHarness.PARTNER,
                        ServerHarness.LOCAL, broken));
                h.put("Content-Type", "application/pkcs7-mime; smime-type=enveloped-data");
                h.put("Content-Length", "100000");
                StringBuilder head = new StringBuilder("POST /as2 HTTP/1.1\r\nHost: 127.0.0.1\r\n");
                h.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
                OutputStream out = socket.getOutputStream();
                out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(new byte[5000]);
                out.flush();
            }
            server.awaitMessage(broken);
            assertThat(ourFiles(tmp)).isEmpty();
        }
    }

    private static Path stale(Path file, FileTime when) throws Exception {
        Files.writeString(file, "left by a killed process");
        Files.setLastModifiedTime(file, when);
        return file;
    }

    private static List<Path> ourFiles(Path dir) throws Exception {
        // the route's own bookkeeping runs after the answer; give it a moment to finish its cleanup
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Path> left;
        do {
            try (Stream<Path> files = Files.list(dir)) {
                left = files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            }
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < end);
        return left;
    }
}
