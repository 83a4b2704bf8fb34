package io.transferas2.camel.producer;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.outbound.TransportFailureException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 9, sender side: built messages are spooled in the station's directory (the endpoint's tempDirectory,
 * default .transfer-as2/outbound/tmp), not in the JVM's shared temp directory; the spool is removed when the send ends
 * (here: the partner refuses the connection), and spools a killed process left there are removed when a connector
 * producer starts, while a fresh one (another process sending right now) stays.
 */
class SenderSpoolDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void spoolsLiveInTheStationDirectoryAndStaleOnesAreRemovedAtStart() throws Exception {
        Path spool = Files.createDirectories(dir.resolve("spool"));
        Path stale = Files.writeString(spool.resolve("as2-out-killed.tmp"), "left by a killed sender");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        Path fresh = Files.writeString(spool.resolve("as2-out-live.tmp"), "another process is sending this");
        Path foreign = Files.writeString(spool.resolve("notes.txt"), "not ours");
        Files.setLastModifiedTime(foreign, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        java.util.List<String> created = new java.util.ArrayList<>();
        try (ProducerFixture fx = new ProducerFixture();
             java.nio.file.WatchService watch = spool.getFileSystem().newWatchService()) {
            spool.register(watch, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE);
            String id = fx.connector("http://127.0.0.1:" + port + "/as2", c -> { });
            Exchange done = fx.send("transfer-as2:connector/" + id + "?tempDirectory=" + spool,
                    ProducerFixture.edi(50), Map.of("CamelFileName", "po-spool.edi"));
            assertThat(done.getException()).isInstanceOf(TransportFailureException.class);
            java.nio.file.WatchKey key = watch.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            if (key != null) {
                key.pollEvents().forEach(e -> created.add(String.valueOf(e.context())));
            }
        }
        // the message was built in the spool directory
        assertThat(created).anyMatch(name -> name.startsWith("as2-out-") && name.endsWith(".tmp"));
        try (Stream<Path> left = Files.list(spool)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("as2-out-live.tmp", "notes.txt");
        }
        assertThat(fresh).exists();
    }

    @Test
    void theDefaultSpoolDirectoryIsTheStationsOwn() {
        assertThat(io.transferas2.camel.TransferAs2ProducerAccess.defaultSpoolDirectory())
                .isEqualTo(Path.of(".transfer-as2", "outbound", "tmp"));
    }
}
