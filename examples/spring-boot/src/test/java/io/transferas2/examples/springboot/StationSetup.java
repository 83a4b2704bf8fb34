package io.transferas2.examples.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import io.transferas2.camel.TransferAs2Component;
import io.transferas2.peers.As2LibReceiver;
import io.transferas2.peers.ServerOptions;

/**
 * What the tests of one JVM share: keys, an as2-lib 5.1.5 receiver playing PARTNER's server (the application's
 * connectors send to it), the application's port and data directory, and PARTNER's own Camel context whose
 * {@code transfer-as2:connector} producer sends to the application.
 */
final class StationSetup {
    private static StationSetup instance;

    final Stations stations;
    final As2LibReceiver partnerServer;
    final int port;
    /** The port the test's camel-as2 client takes ASYNC MDNs on: the station allows only listed ports. */
    final int asyncMdnPort;
    final Path dataDir;
    final Path applicationRegistry;
    final Path partnerRegistry;
    private CamelContext partnerContext;

    private StationSetup(Path dir) throws IOException {
        stations = Stations.create(dir);
        partnerServer = As2LibReceiver.start(ServerOptions.builder(stations.partner, stations.mycompany.asPartner())
                .retainLimit(0).build());
        port = freePort();
        asyncMdnPort = freePort();
        dataDir = Files.createDirectories(dir.resolve("data"));
        applicationRegistry = stations.writeApplicationRegistry(partnerServer.url(), applicationUrl());
        partnerRegistry = stations.writePartnerRegistry(applicationUrl());
    }

    static synchronized StationSetup get() {
        if (instance == null) {
            try {
                Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
                instance = new StationSetup(Files.createTempDirectory(tmp, "station"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        }
        return instance;
    }

    /** Points the application at this setup's registry, port and data directory. */
    static void properties(DynamicPropertyRegistry registry) {
        StationSetup setup = get();
        registry.add("server.port", () -> setup.port);
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("camel.component.transfer-as2.registry-file", setup.applicationRegistry::toString);
        registry.add("station.data-dir", setup.dataDir::toString);
        registry.add("camel.component.transfer-as2.async-mdn-allowed-ports", () -> setup.asyncMdnPort);
    }

    URI applicationUrl() {
        return URI.create("http://127.0.0.1:" + port + "/as2");
    }

    Path landing(String key) {
        return dataDir.resolve("landing/inbox").resolve(key);
    }

    /** PARTNER's Camel context, started on first use: sends with {@code transfer-as2:connector/<id>}. */
    synchronized CamelContext partnerContext() throws Exception {
        if (partnerContext == null) {
            CamelContext context = new DefaultCamelContext();
            TransferAs2Component component = new TransferAs2Component();
            component.setRegistryFile(partnerRegistry.toString());
            component.setAsyncMdnStoreDirectory(stations.dir.resolve("partner-pending").toString());
            context.addComponent("transfer-as2", component);
            context.start();
            partnerContext = context;
        }
        return partnerContext;
    }

    private synchronized void close() {
        try {
            if (partnerContext != null) {
                partnerContext.stop();
            }
        } finally {
            partnerServer.close();
        }
    }

    /** A file of {@code size} bytes of every byte value, so that any character decoding on the way shows. */
    static Path binaryFile(Path dir, String name, long size, long seed) throws IOException {
        Path file = dir.resolve(name);
        Random random = new Random(seed);
        byte[] block = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return file;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
