package io.transferas2.launcher.karaf;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.camel.TransferAs2Component;
import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.peers.As2LibReceiver;
import io.transferas2.peers.PeerIdentity;
import io.transferas2.peers.PemFiles;
import io.transferas2.peers.ReceivedMessage;
import io.transferas2.peers.ServerOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Karaf proof: a real Apache Karaf 4.4.10 (unpacked from the Maven repository, started as its own process on
 * free ports, driven over JMX) gets our features repository, {@code feature:install camel-transfer-as2}, and a YAML
 * station dropped into {@code deploy/}: a {@code transfer-as2:server} on camel-platform-http-vertx and a
 * {@code transfer-as2:connector} producer. Our producer outside Karaf sends it one message (signed, encrypted, SYNC
 * MDN) and it sends one to as2-lib; both MDNs and both stored files are checked.
 * <p>
 * Where camel-karaf 4.14's own bundles cannot be downloaded (this build machine's registry serves none of
 * {@code mvn:org.apache.camel.karaf/camel-*}/4.14.5 but camel-core-osgi), {@code karaf/camel-karaf-wrapped.xml}
 * becomes Karaf's features processing file: camel-karaf's features are kept, their bundles are the plain Camel
 * 4.14.1 jars wrapped. {@code -Dtransferas2.karaf.camelKarafBundles=true} runs on camel-karaf's own bundles instead.
 * camel-karaf has no YAML route deployer; {@link YamlRouteDeployer}, packed here as a bundle, is that piece.
 * <p>
 * Heavy (a Karaf boot and about 130 bundles on two cores): needs {@code mvn install -DskipTests} first, since Karaf
 * takes the component bundle and the features file from the local Maven repository.
 */
class KarafHeavyTest {
    private static final String KARAF_VERSION = "4.4.10";
    private static final String CAMEL_PLAIN_VERSION = "4.14.1";
    private static final String SERVER_ID = "s-0f0f0f0f0f0f0f0f1";
    private static final String STATION_CONNECTOR_ID = "c-0f0f0f0f0f0f0f0f1";
    private static final String PARTNER_CONNECTOR_ID = "c-0f0f0f0f0f0f0f0f2";
    private static final String USER = "karaf";

    @TempDir
    Path work;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void featureInstallsAndYamlStationReceivesAndSends() throws Exception {
        Path repository = Path.of(System.getProperty("transferas2.maven.repo.local"));
        String version = System.getProperty("transferas2.project.version");
        Path keys = Files.createDirectories(work.resolve("keys"));
        PeerIdentity station = PeerIdentity.generate("STATION");
        PeerIdentity partner = PeerIdentity.generate("PARTNER");
        PemFiles.writeIdentity(keys, station);
        PemFiles.writeIdentity(keys, partner);

        Path karaf = unpack(repository);
        int registryPort = freePort();
        int rmiPort = freePort();
        configure(karaf, repository, freePort(), registryPort, rmiPort);

        try (As2LibReceiver as2lib = As2LibReceiver.start(ServerOptions.builder(partner, station.asPartner()).build());
                KarafProcess process = KarafProcess.start(karaf, work.resolve("karaf.out"))) {
            try (JMXConnector jmx = process.connect(registryPort, rmiPort)) {
                MBeanServerConnection server = jmx.getMBeanServerConnection();
                ObjectName features = new ObjectName("org.apache.karaf:type=feature,name=root");
                invoke(server, karaf, features, "addRepository",
                        "mvn:io.transferas2/camel-transfer-as2-features/" + version + "/xml/features");
                invoke(server, karaf, features, "installFeature", "camel-transfer-as2");
                Map<String, String> states = bundleStates(server);
                System.out.println("Karaf bundles not Active: " + states.entrySet().stream()
                        .filter(e -> !"Active".equals(e.getValue())).toList());
                assertThat(states).as(process.log()).containsEntry("io.transferas2.camel-transfer-as2", "Active");
            }

            // the deployer, then the station: its placeholders, registry and routes
            writeDeployerBundle(karaf.resolve("deploy/yaml-route-deployer.jar"));
            int stationPort = freePort();
            Path landing = work.resolve("landing");
            Path outbox = work.resolve("outbox");
            Path results = work.resolve("results");
            Path registry = work.resolve("station-registry.yaml");
            Files.writeString(registry, stationRegistry(keys, as2lib.url().toString()));
            Files.writeString(karaf.resolve("deploy/station.properties"), """
                    camel.server.port=%d
                    camel.server.host=127.0.0.1
                    station.registry=%s
                    station.landing=%s
                    station.outbox=%s
                    station.results=%s
                    """.formatted(stationPort, registry, landing, outbox, results));
            Files.copy(KarafHeavyTest.class.getResourceAsStream("/karaf/station.camel.yaml"),
                    karaf.resolve("deploy/station.camel.yaml"));
            process.awaitLog("Started station from", "Cannot start", Duration.ofMinutes(5));
            // the Vert.x server answers HTTP (AS2 is POST only): without Netty's HTTP/2 codec it closed every
            // connection unanswered
            assertThat(probe(stationPort)).as(process.log()).isEqualTo("405 Method Not Allowed");

            // 4. one message in, from our producer outside Karaf
            try (CamelContext partnerContext = new DefaultCamelContext()) {
                Path partnerRegistry = work.resolve("partner-registry.yaml");
                Files.writeString(partnerRegistry, partnerRegistry(keys, stationPort));
                TransferAs2Component component = new TransferAs2Component();
                component.setRegistryFile(partnerRegistry.toString());
                partnerContext.addComponent("transfer-as2", component);
                partnerContext.start();
                Exchange sent = partnerContext.createProducerTemplate()
                        .request("transfer-as2:connector/" + PARTNER_CONNECTOR_ID, e -> {
                            e.getMessage().setBody("ISA*00*INTO-KARAF~".getBytes(StandardCharsets.US_ASCII));
                            e.getMessage().setHeader(TransferAs2Constants.FILE_NAME, "po.x12");
                        });
                assertThat(sent.getException()).as(process.log()).isNull();
                // 5. its MDN: signed by the station, verified, "processed"
                assertThat(sent.getMessage().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
                assertThat(sent.getMessage().getHeader(TransferAs2Constants.DISPOSITION, String.class))
                        .contains("processed");
                String messageId = sent.getMessage().getHeader(TransferAs2Constants.MESSAGE_ID, String.class);
                assertThat(landing.resolve("partner/processed/po." + messageId + ".x12")).as(process.log())
                        .hasContent("ISA*00*INTO-KARAF~");
            }

            // 4. one message out, through the station's connector, to as2-lib
            Files.createDirectories(outbox);
            Path outgoing = work.resolve("invoice.x12.tmp");
            Files.writeString(outgoing, "ISA*00*OUT-OF-KARAF~");
            Files.move(outgoing, outbox.resolve("invoice.x12"));
            List<ReceivedMessage> received = as2lib.awaitReceived(1, Duration.ofMinutes(2));
            assertThat(received).as(process.log()).hasSize(1);
            ReceivedMessage message = received.get(0);
            assertThat(message.accepted()).as(String.valueOf(message.error())).isTrue();
            assertThat(message.signed()).isTrue();
            assertThat(message.encrypted()).isTrue();
            assertThat(message.payload().bytes()).isEqualTo("ISA*00*OUT-OF-KARAF~".getBytes(StandardCharsets.US_ASCII));
            // 5. the MDN as2-lib answered, as the station's route saw it: COMPLETED (verified) and the message id
            Path result = results.resolve("invoice.x12");
            awaitFile(result, Duration.ofMinutes(1), process);
            assertThat(Files.readString(result)).startsWith("COMPLETED " + message.messageId().replaceAll("^<|>$", ""))
                    .contains("processed");
        }
    }

    private Path unpack(Path repository) throws Exception {
        Path tarball = repository.resolve("org/apache/karaf/apache-karaf/" + KARAF_VERSION + "/apache-karaf-"
                + KARAF_VERSION + ".tar.gz");
        assertThat(tarball).as("run with -Pheavy, which resolves org.apache.karaf:apache-karaf:tar.gz").exists();
        Process tar = new ProcessBuilder("tar", "xzf", tarball.toString(), "-C", work.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor()).as(output).isZero();
        return work.resolve("apache-karaf-" + KARAF_VERSION);
    }

    /** Free ports, the karaf user switched on (4.4 ships it commented out), Maven from the build's repository. */
    private static void configure(Path karaf, Path repository, int sshPort, int registryPort, int rmiPort)
            throws IOException {
        Path etc = karaf.resolve("etc");
        replace(etc.resolve("users.properties"), Map.of(
                "#karaf = karaf,_g_:admingroup", "karaf = karaf,_g_:admingroup",
                "#_g_\\:admingroup", "_g_\\:admingroup"));
        replace(etc.resolve("org.apache.karaf.shell.cfg"), Map.of(
                "sshPort = 8101", "sshPort = " + sshPort, "sshHost = 0.0.0.0", "sshHost = 127.0.0.1"));
        replace(etc.resolve("org.apache.karaf.management.cfg"), Map.of(
                "rmiRegistryPort = 1099", "rmiRegistryPort = " + registryPort,
                "rmiServerPort = 44444", "rmiServerPort = " + rmiPort));
        // what the station and platform-http do, in data/log/karaf.log (kept as target/karaf-heavy-test.log)
        Files.writeString(etc.resolve("org.ops4j.pax.logging.cfg"), """

                log4j2.logger.transferas2.name = io.transferas2
                log4j2.logger.transferas2.level = DEBUG
                log4j2.logger.platformhttp.name = org.apache.camel.component.platform.http
                log4j2.logger.platformhttp.level = DEBUG
                log4j2.logger.vertx.name = io.vertx
                log4j2.logger.vertx.level = DEBUG
                """, java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(etc.resolve("org.ops4j.pax.url.mvn.cfg"),
                "\norg.ops4j.pax.url.mvn.localRepository=" + repository + "\n", java.nio.file.StandardOpenOption.APPEND);
        if (!Boolean.getBoolean("transferas2.karaf.camelKarafBundles")) {
            String processing = new String(KarafHeavyTest.class.getResourceAsStream("/karaf/camel-karaf-wrapped.xml")
                    .readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(etc.resolve("org.apache.karaf.features.xml"),
                    processing.replace("${camel.plain.version}", CAMEL_PLAIN_VERSION));
        }
    }

    private static void replace(Path file, Map<String, String> replacements) throws IOException {
        String text = Files.readString(file);
        for (Map.Entry<String, String> e : replacements.entrySet()) {
            assertThat(text).as(file.toString()).contains(e.getKey());
            text = text.replace(e.getKey(), e.getValue());
        }
        Files.writeString(file, text);
    }

    /** {@link YamlRouteDeployer} as a bundle: its class and a manifest, nothing else. */
    private static void writeDeployerBundle(Path jar) throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "io.transferas2.test.yaml-route-deployer");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", YamlRouteDeployer.class.getName());
        main.putValue("Import-Package", "org.osgi.framework,org.apache.felix.fileinstall,"
                + "org.apache.camel.karaf.core,org.slf4j");
        // the Camel API, platform-http-vertx and the YAML DSL: whatever versions the wrapped or camel-karaf bundles say
        main.putValue("DynamicImport-Package", "*");
        Path temp = jar.resolveSibling(jar.getFileName() + ".tmp");
        String path = YamlRouteDeployer.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(temp); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.putNextEntry(new JarEntry(path));
            jarOut.write(YamlRouteDeployer.class.getResourceAsStream("/" + path).readAllBytes());
            jarOut.closeEntry();
        }
        // a complete file, never a half-written one, is what Karaf's deploy/ scanner sees
        Files.move(temp, jar);
    }

    /**
     * A one-argument MBean operation. A failed feature resolution comes back as Felix's {@code ReasonException},
     * which only Karaf's framework jar has: it is put on the calling thread's class loader so that RMI can read the
     * exception and its message (the resolver's explanation) reaches the assertion.
     */
    private static void invoke(MBeanServerConnection server, Path karaf, ObjectName name, String operation,
            String argument) throws Exception {
        Path framework = karaf.resolve("system/org/apache/felix/org.apache.felix.framework");
        java.net.URL[] jars;
        try (Stream<Path> files = Files.walk(framework)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).map(f -> {
                try {
                    return f.toUri().toURL();
                } catch (java.net.MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }).toArray(java.net.URL[]::new);
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(jars, KarafHeavyTest.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            server.invoke(name, operation, new Object[] { argument }, new String[] { String.class.getName() });
        } catch (javax.management.MBeanException e) {
            throw new AssertionError(operation + " " + argument + ": " + e.getCause(), e.getCause());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String probe(int port) {
        try {
            java.net.HttpURLConnection c = (java.net.HttpURLConnection) new java.net.URL(
                    "http://127.0.0.1:" + port + "/as2").openConnection();
            c.setReadTimeout(10_000);
            return c.getResponseCode() + " " + c.getResponseMessage();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static Map<String, String> bundleStates(MBeanServerConnection server) throws Exception {
        TabularData bundles = (TabularData) server.getAttribute(new ObjectName("org.apache.karaf:type=bundle,name=root"),
                "Bundles");
        Map<String, String> states = new java.util.TreeMap<>();
        for (Object row : bundles.values()) {
            CompositeData bundle = (CompositeData) row;
            states.put(String.valueOf(bundle.get("Symbolic Name")), String.valueOf(bundle.get("State")));
        }
        return states;
    }

    private static void awaitFile(Path file, Duration timeout, KarafProcess process) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(file).as(process.log()).exists();
    }

    private static String stationRegistry(Path keys, String partnerUrl) {
        return """
                Certificates:
                  - {CertificateId: cert-0f0000000000000a1, Usage: SIGNING, Certificate: "file:%1$s/STATION.crt",
                     PrivateKey: "file:%1$s/STATION.key"}
                  - {CertificateId: cert-0f0000000000000a2, Usage: ENCRYPTION, Certificate: "file:%1$s/STATION.crt",
                     PrivateKey: "file:%1$s/STATION.key"}
                  - {CertificateId: cert-0f0000000000000a3, Usage: SIGNING, Certificate: "file:%1$s/PARTNER.crt"}
                  - {CertificateId: cert-0f0000000000000a4, Usage: ENCRYPTION, Certificate: "file:%1$s/PARTNER.crt"}
                Profiles:
                  - {ProfileId: p-0f0000000000000a1, ProfileType: LOCAL, As2Id: STATION,
                     CertificateIds: [cert-0f0000000000000a1, cert-0f0000000000000a2]}
                  - {ProfileId: p-0f0000000000000a2, ProfileType: PARTNER, As2Id: PARTNER,
                     CertificateIds: [cert-0f0000000000000a3, cert-0f0000000000000a4]}
                Servers:
                  - ServerId: %2$s
                Agreements:
                  - {AgreementId: a-0f0000000000000a1, ServerId: %2$s, LocalProfileId: p-0f0000000000000a1,
                     PartnerProfileId: p-0f0000000000000a2, BaseDirectory: /inbox/partner}
                Connectors:
                  - ConnectorId: %3$s
                    Url: %4$s
                    As2Config: {LocalProfileId: p-0f0000000000000a1, PartnerProfileId: p-0f0000000000000a2,
                                MdnResponse: SYNC, SigningAlgorithm: SHA256, EncryptionAlgorithm: AES128_CBC,
                                MdnSigningAlgorithm: SHA256}
                """.formatted(keys.toAbsolutePath(), SERVER_ID, STATION_CONNECTOR_ID, partnerUrl);
    }

    private static String partnerRegistry(Path keys, int stationPort) {
        return """
                Certificates:
                  - {CertificateId: cert-0f0000000000000b1, Usage: SIGNING, Certificate: "file:%1$s/PARTNER.crt",
                     PrivateKey: "file:%1$s/PARTNER.key"}
                  - {CertificateId: cert-0f0000000000000b2, Usage: ENCRYPTION, Certificate: "file:%1$s/PARTNER.crt",
                     PrivateKey: "file:%1$s/PARTNER.key"}
                  - {CertificateId: cert-0f0000000000000b3, Usage: SIGNING, Certificate: "file:%1$s/STATION.crt"}
                  - {CertificateId: cert-0f0000000000000b4, Usage: ENCRYPTION, Certificate: "file:%1$s/STATION.crt"}
                Profiles:
                  - {ProfileId: p-0f0000000000000b1, ProfileType: LOCAL, As2Id: PARTNER,
                     CertificateIds: [cert-0f0000000000000b1, cert-0f0000000000000b2]}
                  - {ProfileId: p-0f0000000000000b2, ProfileType: PARTNER, As2Id: STATION,
                     CertificateIds: [cert-0f0000000000000b3, cert-0f0000000000000b4]}
                Connectors:
                  - ConnectorId: %2$s
                    Url: http://127.0.0.1:%3$d/as2
                    As2Config: {LocalProfileId: p-0f0000000000000b1, PartnerProfileId: p-0f0000000000000b2,
                                MdnResponse: SYNC, SigningAlgorithm: SHA256, EncryptionAlgorithm: AES128_CBC,
                                MdnSigningAlgorithm: SHA256}
                """.formatted(keys.toAbsolutePath(), PARTNER_CONNECTOR_ID, stationPort);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * {@code bin/karaf daemon} as a child process: the script execs the JVM, so the process is Karaf itself and
     * closing it stops Karaf (SIGTERM, Karaf's orderly shutdown, then kill).
     */
    private static final class KarafProcess implements AutoCloseable {
        private final Process process;
        private final Path karaf;
        private final Path out;

        private KarafProcess(Process process, Path karaf, Path out) {
            this.process = process;
            this.karaf = karaf;
            this.out = out;
        }

        static KarafProcess start(Path karaf, Path out) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(karaf.resolve("bin/karaf").toString(), "daemon")
                    .directory(karaf.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JAVA_MAX_MEM", "768M");
            return new KarafProcess(builder.start(), karaf, out);
        }

        /** JMX over RMI as the karaf user, once Karaf's management bundle listens (boot takes a while). */
        JMXConnector connect(int registryPort, int rmiPort) throws Exception {
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1:" + rmiPort
                    + "/jndi/rmi://127.0.0.1:" + registryPort + "/karaf-root");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            int restarts = 0;
            while (true) {
                assertThat(process.isAlive()).as("Karaf stopped:\n" + log()).isTrue();
                // Karaf 4.4's management activator restarts during boot (when EventAdmin comes up); the restarted
                // one can find its RMI port not yet free ("Port already in use") and then stays down. A changed
                // configuration restarts it once more.
                if (countOf(karafLog(), "Port already in use") > restarts) {
                    restarts++;
                    Files.writeString(karaf.resolve("etc/org.apache.karaf.management.cfg"),
                            "\n# KarafHeavyTest: restart the JMX connector\ntransferas2.restart = " + restarts + "\n",
                            java.nio.file.StandardOpenOption.APPEND);
                }
                try {
                    JMXConnector connector = JMXConnectorFactory.connect(url,
                            Map.of(JMXConnector.CREDENTIALS, new String[] { USER, USER }));
                    // the feature MBean appears a little after the connector
                    connector.getMBeanServerConnection().getMBeanInfo(
                            new ObjectName("org.apache.karaf:type=feature,name=root"));
                    return connector;
                } catch (IOException | javax.management.InstanceNotFoundException e) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("no JMX connection to Karaf:\n" + log(), e);
                    }
                    Thread.sleep(1000);
                }
            }
        }

        private static int countOf(String text, String part) {
            int count = 0;
            for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
                count++;
            }
            return count;
        }

        void awaitLog(String success, String failure, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                String log = karafLog();
                if (log.contains(failure)) {
                    throw new AssertionError("'" + failure + "' in Karaf's log:\n" + log());
                }
                if (log.contains(success)) {
                    return;
                }
                Thread.sleep(500);
            }
            throw new AssertionError("no '" + success + "' in Karaf's log:\n" + log());
        }

        /** All of data/log/karaf.log so far. */
        String karafLog() throws IOException {
            Path file = karaf.resolve("data/log/karaf.log");
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        }

        /** The tail of data/log/karaf.log and of the console output, for assertion messages. */
        String log() {
            StringBuilder text = new StringBuilder();
            for (Path file : List.of(karaf.resolve("data/log/karaf.log"), out)) {
                try {
                    String content = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
                    text.append("== ").append(file.getFileName()).append('\n')
                            .append(content.substring(Math.max(0, content.length() - 20_000)));
                } catch (IOException e) {
                    text.append(e);
                }
            }
            return text.toString();
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            // the whole log outlives the temporary Karaf, for whoever reads a failure
            Path log = karaf.resolve("data/log/karaf.log");
            if (Files.exists(log)) {
                Files.copy(log, Path.of("target", "karaf-heavy-test.log"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
