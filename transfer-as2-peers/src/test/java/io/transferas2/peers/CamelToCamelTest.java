package io.transferas2.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CamelToCamelTest {

    static CamelAs2Server server;
    static CamelAs2Client client;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = CamelAs2Server.start(ServerOptions.builder(PeerKeys.RECEIVER, PeerKeys.SENDER.asPartner()).build());
        client = CamelAs2Client.create();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void signedEncryptedWithSignedSyncMdn() throws Exception {
        Path payload = PeerKeys.x12(dir, 10_000);
        SendRequest request = SendRequest.builder(server.url(), PeerKeys.SENDER, PeerKeys.RECEIVER.asPartner())
                .expectContinue(false).build();
        SendResult result = client.send(request, payload);
        System.out.println(result);
        assertThat(result.ok(request)).as(result.describe(request)).isTrue();
        ReceivedMessage received = server.awaitReceived(1, Duration.ofSeconds(5)).get(0);
        System.out.println(received);
        assertThat(received.payload().sha256()).isEqualTo(PeerKeys.sha256(payload));
    }
}
