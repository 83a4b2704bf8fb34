package io.transferas2.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.camel.TransferAs2Component;
import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.peers.PeerIdentity;
import io.transferas2.peers.PemFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camel export} of a YAML station (route, application.properties and the registry file), then the exported
 * Maven project is built, its jar started in its own JVM, and one AS2 message from our producer is received and
 * landed. The registry goes into the jar's resources; {@code registry-file=registry.yaml} finds it there.
 * Heavy (a Maven build and three JVMs): needs {@code mvn install -DskipTests} first, since the exported project
 * depends on the installed camel-transfer-as2.
 */
class ExportHeavyTest {
    private static final String SERVER_ID = "s-0e0e0e0e0e0e0e0e1";
    private static final String CONNECTOR_ID = "c-0e0e0e0e0e0e0e0e1";

    @TempDir
    Path work;

    @Test
    void exportedStationBuildsStartsAndReceives() throws Exception {
        Path source = Files.createDirectories(work.resolve("station"));
        Path keys = Files.createDirectories(work.resolve("keys"));
        Path landing = work.resolve("landing");
        PeerIdentity station = PeerIdentity.generate("STATION");
        PeerIdentity partner = PeerIdentity.generate("PARTNER");
        PemFiles.writeIdentity(keys, station);
        PemFiles.writeIdentity(keys, partner);
        int port = freePort();
        Files.writeString(source.resolve("station.camel.yaml"), """
                - route:
                    id: as2-inbound
                    from:
                      uri: "transfer-as2:server/{{station.server-id}}"
                      steps:
                        - filter:
                            simple: "${body} != null"
                            steps:
                              - toD: "file:{{station.landing}}?fileName=${header.CamelTransferAs2PayloadKey}"
                """);
        Files.writeString(source.resolve("application.properties"), """
                camel.main.name=exported-station
                camel.server.enabled=true
                camel.server.port=8080
                camel.component.transfer-as2.registry-file=registry.yaml
                station.server-id=%s
                station.landing=landing
                """.formatted(SERVER_ID));
        Files.writeString(source.resolve("registry.yaml"), """
                Certificates:
                  - {CertificateId: cert-0e0000000000000a1, Usage: SIGNING, Certificate: "file:%1$s/STATION.crt",
                     PrivateKey: "file:%1$s/STATION.key"}
                  - {CertificateId: cert-0e0000000000000a2, Usage: ENCRYPTION, Certificate: "file:%1$s/STATION.crt",
                     PrivateKey: "file:%1$s/STATION.key"}
                  - {CertificateId: cert-0e0000000000000a3, Usage: SIGNING, Certificate: "file:%1$s/PARTNER.crt"}
                  - {CertificateId: cert-0e0000000000000a4, Usage: ENCRYPTION, Certificate: "file:%1$s/PARTNER.crt"}
                Profiles:
                  - {ProfileId: p-0e0000000000000a1, ProfileType: LOCAL, As2Id: STATION,
                     CertificateIds: [cert-0e0000000000000a1, cert-0e0000000000000a2]}
                  - {ProfileId: p-0e0000000000000a2, ProfileType: PARTNER, As2Id: PARTNER,
                     CertificateIds: [cert-0e0000000000000a3, cert-0e0000000000000a4]}
                Servers:
                  - ServerId: %2$s
                Agreements:
                  - {AgreementId: a-0e0000000000000a1, ServerId: %2$s, LocalProfileId: p-0e0000000000000a1,
                     PartnerProfileId: p-0e0000000000000a2, BaseDirectory: /inbox/partner}
                """.formatted(keys.toAbsolutePath(), SERVER_ID));

        Path exported = work.resolve("exported");
        Result export = run(source, List.of(java(), "-cp", System.getProperty("java.class.path"),
                CamelLauncher.class.getName(), "export", "--runtime=camel-main",
                "--gav=com.example:station:1.0.0", "--java-version=17", "--kamelets-version=4.15.0",
                "--directory=" + exported, "--dep=mvn:io.transferas2:camel-transfer-as2:0.1.0-SNAPSHOT",
                "station.camel.yaml", "application.properties", "registry.yaml"), 5);
        assertThat(export.exitCode).as(export.output).isZero();
        try (Stream<Path> files = Files.walk(exported.resolve("src/main/resources"))) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("registry.yaml");
        }

        List<String> mvn = new ArrayList<>(List.of("mvn", "-B", "-ntp", "-q", "package", "-DskipTests"));
        String repository = System.getProperty("transferas2.maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            mvn.add("-Dmaven.repo.local=" + repository);
        }
        Result build = run(exported, mvn, 15);
        assertThat(build.exitCode).as(build.output).isZero();
        Path jar = exported.resolve("target/station-1.0.0.jar");
        assertThat(jar).exists();

        Path runDir = Files.createDirectories(work.resolve("run"));
        Path log = runDir.resolve("station.log");
        Process app = new ProcessBuilder(java(), "-Dcamel.server.port=" + port,
                // export switches the management server on; it would take a fixed port
                "-Dcamel.management.enabled=false",
                "-Dstation.landing=" + landing, "-jar", jar.toString())
                .directory(runDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (CamelContext partnerContext = new DefaultCamelContext()) {
            awaitStarted(app, log);
            Files.writeString(work.resolve("partner-registry.yaml"), """
                    Certificates:
                      - {CertificateId: cert-0e0000000000000b1, Usage: SIGNING, Certificate: "file:%1$s/PARTNER.crt",
                         PrivateKey: "file:%1$s/PARTNER.key"}
                      - {CertificateId: cert-0e0000000000000b2, Usage: ENCRYPTION, Certificate: "file:%1$s/PARTNER.crt",
                         PrivateKey: "file:%1$s/PARTNER.key"}
                      - {CertificateId: cert-0e0000000000000b3, Usage: SIGNING, Certificate: "file:%1$s/STATION.crt"}
                      - {CertificateId: cert-0e0000000000000b4, Usage: ENCRYPTION, Certificate: "file:%1$s/STATION.crt"}
                    Profiles:
                      - {ProfileId: p-0e0000000000000b1, ProfileType: LOCAL, As2Id: PARTNER,
                         CertificateIds: [cert-0e0000000000000b1, cert-0e0000000000000b2]}
                      - {ProfileId: p-0e0000000000000b2, ProfileType: PARTNER, As2Id: STATION,
                         CertificateIds: [cert-0e0000000000000b3, cert-0e0000000000000b4]}
                    Connectors:
                      - ConnectorId: %2$s
                        Url: http://127.0.0.1:%3$d/as2
                        As2Config: {LocalProfileId: p-0e0000000000000b1, PartnerProfileId: p-0e0000000000000b2,
                                    MdnResponse: SYNC}
                    """.formatted(keys.toAbsolutePath(), CONNECTOR_ID, port));
            TransferAs2Component component = new TransferAs2Component();
            component.setRegistryFile(work.resolve("partner-registry.yaml").toString());
            component.setAsyncMdnStoreDirectory(work.resolve("partner-pending").toString());
            partnerContext.addComponent("transfer-as2", component);
            partnerContext.start();
            Exchange sent = partnerContext.createProducerTemplate().request("transfer-as2:connector/" + CONNECTOR_ID,
                    e -> {
                        e.getMessage().setBody("ISA*00*EXPORTED~".getBytes(StandardCharsets.US_ASCII));
                        e.getMessage().setHeader(TransferAs2Constants.FILE_NAME, "po.x12");
                    });
            assertThat(sent.getException()).as(Files.readString(log)).isNull();
            assertThat(sent.getMessage().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
            String messageId = sent.getMessage().getHeader(TransferAs2Constants.MESSAGE_ID, String.class);
            Path landed = landing.resolve("partner/processed/po." + messageId + ".x12");
            assertThat(landed).as(Files.readString(log)).hasContent("ISA*00*EXPORTED~");
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    /** Until Camel says the exported station started (its port opens a little earlier, before the route). */
    private static void awaitStarted(Process app, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the exported station stopped:\n" + Files.readString(log));
            }
            if (Files.readString(log).contains("(exported-station) started")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the exported station did not start:\n" + Files.readString(log));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Result run(Path dir, List<String> command, int minutes) throws Exception {
        Path log = Files.createTempFile(dir.getParent(), "process", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish:\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }
}
