package io.transferas2.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A camel-as2 server in its own JVM, started through {@link PeerMain}, receiving from as2-lib in this JVM. */
class PeerMainProcessTest {

    @TempDir
    Path dir;

    @Test
    void serverInItsOwnJvm() throws Exception {
        PemFiles.writeIdentity(dir, PeerKeys.RECEIVER);
        PemFiles.writeIdentity(dir, PeerKeys.SENDER);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                PeerMain.class.getName(), "camel-server", "--local-id", PeerKeys.RECEIVER.as2Id(),
                "--key", dir.resolve("PEERS-RECEIVER.key").toString(),
                "--cert", dir.resolve("PEERS-RECEIVER.crt").toString(), "--partner-id", PeerKeys.SENDER.as2Id(),
                "--partner-cert", dir.resolve("PEERS-SENDER.crt").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.US_ASCII));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("READY "));
            assertThat(line).isNotNull();
            URI url = URI.create(line.substring("READY ".length()));
            try (As2PeerClient client = As2LibClient.create()) {
                SendRequest r = SendRequest.builder(url, PeerKeys.SENDER, PeerKeys.RECEIVER.asPartner())
                        .expectContinue(false).build();
                SendResult result = client.send(r, PeerKeys.x12(dir, 4_000));
                assertThat(result.ok(r)).as(result.describe(r)).isTrue();
            }
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
