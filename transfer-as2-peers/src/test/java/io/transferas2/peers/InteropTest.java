package io.transferas2.peers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The four pairs (camel-as2 and as2-lib, each as client and server) with a representative slice of algorithm
 * combinations; the exhaustive matrix is {@link InteropMatrixHeavyTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InteropTest {

    Path payload;
    String sha256;
    final List<AutoCloseable> open = new ArrayList<>();
    final java.util.Map<String, As2PeerServer> servers = new java.util.HashMap<>();
    final java.util.Map<String, As2PeerClient> clients = new java.util.HashMap<>();

    @BeforeAll
    void start() throws Exception {
        payload = PeerKeys.x12(java.nio.file.Files.createTempDirectory("peers"), 20_000);
        sha256 = PeerKeys.sha256(payload);
        ServerOptions options = ServerOptions.builder(PeerKeys.RECEIVER, PeerKeys.SENDER.asPartner()).build();
        for (String s : Peers.SERVERS) {
            As2PeerServer server = Peers.server(s, options);
            servers.put(s, server);
            open.add(server);
        }
        for (String c : Peers.CLIENTS) {
            As2PeerClient client = Peers.client(c);
            clients.put(c, client);
            open.add(client);
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    static Stream<Arguments> slice() {
        List<Arguments> args = new ArrayList<>();
        for (String c : Peers.CLIENTS) {
            for (String s : Peers.SERVERS) {
                args.add(Arguments.of(c, s, Signing.SHA256, Encryption.AES256_CBC, Compression.DISABLED, true,
                        Signing.SHA256));
                args.add(Arguments.of(c, s, Signing.SHA1, Encryption.DES_EDE3_CBC, Compression.ZLIB,
                        !"as2lib".equals(c), Signing.SHA1));
                args.add(Arguments.of(c, s, Signing.SHA512, Encryption.AES128_CBC, Compression.ZLIB, false,
                        Signing.SHA512));
                args.add(Arguments.of(c, s, Signing.NONE, Encryption.AES192_CBC, Compression.DISABLED, true,
                        Signing.SHA256));
                args.add(Arguments.of(c, s, Signing.SHA384, Encryption.NONE, Compression.DISABLED, true,
                        Signing.NONE));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}/{3}/{4} before={5} mdn={6}")
    @MethodSource("slice")
    void pair(String client, String server, Signing signing, Encryption encryption, Compression compression,
            boolean before, Signing mdnSigning) throws Exception {
        As2PeerServer s = servers.get(server);
        SendRequest r = InteropMatrix.request(s, signing, encryption, compression, before, mdnSigning, false);
        org.junit.jupiter.api.Assumptions.assumeTrue(InteropMatrix.knownFailure(client, server, r) == null,
                () -> InteropMatrix.knownFailure(client, server, r));
        if (InteropMatrix.freshClientNeeded(client, server)) {
            try (As2PeerClient fresh = Peers.client(client)) {
                System.out.println(InteropMatrix.sendAndCheck(fresh, s, r, payload, sha256));
            }
            return;
        }
        System.out.println(InteropMatrix.sendWithRetries(clients.get(client), client, server, s, r, payload, sha256));
    }
}
