package io.transferas2.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.transferas2.peers.As2LibClient;
import io.transferas2.peers.As2LibReceiver;
import io.transferas2.peers.As2PeerClient;
import io.transferas2.peers.As2PeerServer;
import io.transferas2.peers.CamelAs2Client;
import io.transferas2.peers.CamelAs2Server;
import io.transferas2.peers.Compression;
import io.transferas2.peers.Encryption;
import io.transferas2.peers.MdnMode;
import io.transferas2.peers.SendRequest;
import io.transferas2.peers.SendResult;
import io.transferas2.peers.ServerOptions;
import io.transferas2.peers.Signing;

/**
 * The peers, stock apart from what transfer-as2-peers documents: camel-as2 4.17.0 and as2-lib 5.1.5 servers, and
 * their clients with one client object per load thread (the baseline's layout: camel's one connection pool per
 * thread, as2-lib's keystore cached per thread in the {@code cachedks} variant). The workload is the baseline's:
 * SHA256 signature, AES256_CBC, no compression, SYNC MDN signed with SHA256; only the stock camel client sends
 * {@code Expect: 100-continue} (as2-lib never does). An exchange counts when the harness's
 * MDN check passed (signature against the receiver's certificate, {@code processed}, Original-Message-ID, MIC).
 */
final class PeerSide {
    private final List<As2PeerClient> clients = new CopyOnWriteArrayList<>();

    static As2PeerServer server(String peer, BenchKeys keys) throws IOException {
        ServerOptions options = ServerOptions.builder(keys.identity(BenchKeys.RECEIVER),
                keys.partner(BenchKeys.SENDER)).retainLimit(0).build();
        return switch (peer) {
            case "camel" -> CamelAs2Server.start(options);
            case "as2lib" -> As2LibReceiver.start(options);
            default -> throw new IllegalArgumentException("unknown peer server " + peer);
        };
    }

    /** A sender for one load thread; {@code client} is camel, camel-noexpect, as2lib or as2lib-cachedks. */
    Sender sender(String client, BenchKeys keys, String url, Path payload, Duration readTimeout) throws IOException {
        As2PeerClient c = switch (client) {
            case "camel", "camel-noexpect" -> CamelAs2Client.create();
            case "as2lib" -> As2LibClient.create();
            case "as2lib-cachedks" -> As2LibClient.withCachedKeyStore();
            default -> throw new IllegalArgumentException("unknown peer client " + client);
        };
        clients.add(c);
        SendRequest request = SendRequest.builder(URI.create(url), keys.identity(BenchKeys.SENDER),
                        keys.partner(BenchKeys.RECEIVER))
                .signing(Signing.SHA256).encryption(Encryption.AES256_CBC).compression(Compression.DISABLED)
                .mdn(MdnMode.SYNC).mdnSigning(Signing.SHA256).expectContinue(client.equals("camel"))
                .fileName(payload.getFileName().toString()).readTimeout(readTimeout).build();
        return () -> {
            SendResult result = c.send(request, payload);
            return result.ok(request) ? null : result.describe(request);
        };
    }

    void close() {
        for (As2PeerClient c : clients) {
            try {
                c.close();
            } catch (Exception e) {
                // closing at exit; nothing to do
            }
        }
    }
}
