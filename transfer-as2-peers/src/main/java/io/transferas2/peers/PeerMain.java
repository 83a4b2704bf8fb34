package io.transferas2.peers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one peer role in its own JVM, for out-of-process tests and benchmarks. Keys are PEM files
 * ({@link PemFiles#writeIdentity}).
 *
 * <pre>
 * server roles (print "READY &lt;url&gt;", serve until killed):
 *   camel-server|as2lib-server --local-id ID --key k.pem --cert c.crt --partner-id ID --partner-cert p.crt
 *                              [--port 0] [--path /as2] [--tls]
 * client roles (send, print one summary line "messages=.. ok=.. failed=.. msgs/s=.. p50ms=.. p99ms=.."):
 *   camel-client|as2lib-client|as2lib-client-cachedks --local-id ID --key k.pem --cert c.crt
 *                              --partner-id ID --partner-cert p.crt --url URL --payload FILE
 *                              [--messages 1] [--concurrency 1] [--signing SHA256] [--encryption AES256_CBC]
 *                              [--compression DISABLED] [--mdn SYNC] [--mdn-signing SHA256] [--no-expect]
 * </pre>
 */
public final class PeerMain {

    private PeerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: see PeerMain javadoc / transfer-as2-peers/README.md");
            System.exit(2);
        }
        String role = args[0];
        Map<String, String> o = RoleArguments.parse(args);
        PeerIdentity local = PemFiles.readIdentity(o.get("local-id"), Path.of(o.get("key")), Path.of(o.get("cert")));
        PartnerIdentity partner = new PartnerIdentity(o.get("partner-id"),
                PemFiles.readCertificate(Path.of(o.get("partner-cert"))));
        if (role.endsWith("-server")) {
            ServerOptions options = ServerOptions.builder(local, partner)
                    .port(Integer.parseInt(o.getOrDefault("port", "0"))).path(o.getOrDefault("path", "/as2"))
                    .tls(o.containsKey("tls")).build();
            As2PeerServer server = role.startsWith("camel") ? CamelAs2Server.start(options)
                    : As2LibReceiver.start(options);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            System.out.println("READY " + server.url());
            System.out.flush();
            Thread.currentThread().join();
            return;
        }
        As2PeerClient client = role.startsWith("camel") ? CamelAs2Client.create()
                : role.endsWith("cachedks") ? As2LibClient.withCachedKeyStore() : As2LibClient.create();
        SendRequest r = SendRequest.builder(java.net.URI.create(o.get("url")), local, partner)
                .signing(Signing.valueOf(o.getOrDefault("signing", "SHA256")))
                .encryption(Encryption.valueOf(o.getOrDefault("encryption", "AES256_CBC")))
                .compression(Compression.valueOf(o.getOrDefault("compression", "DISABLED")))
                .mdn(MdnMode.valueOf(o.getOrDefault("mdn", "SYNC")))
                .mdnSigning(Signing.valueOf(o.getOrDefault("mdn-signing", "SHA256")))
                .expectContinue(!o.containsKey("no-expect")).build();
        int messages = Integer.parseInt(o.getOrDefault("messages", "1"));
        int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "1"));
        Path payload = Path.of(o.get("payload"));
        AtomicInteger next = new AtomicInteger();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            futures.add(pool.submit(() -> {
                while (next.getAndIncrement() < messages) {
                    SendResult result = client.send(r, payload);
                    latencies.add(result.elapsed().toNanos());
                    if (!result.ok(r)) {
                        failed.incrementAndGet();
                        System.err.println("FAILED " + result.describe(r));
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        System.out.printf("messages=%d ok=%d failed=%d msgs/s=%.1f p50ms=%.1f p99ms=%.1f%n", sorted.size(),
                sorted.size() - failed.get(), failed.get(), sorted.size() / seconds, percentile(sorted, 50),
                percentile(sorted, 99));
        client.close();
        System.exit(failed.get() == 0 ? 0 : 1);
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }
}
