package io.transferas2.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 14: no secret reaches a file the station writes. A station of the route pack runs under
 * {@code camel run} in a JVM of its own, with every secret option set (S3 static credentials and session token, API
 * access keys in clear and through an {@code {{env:..}}} placeholder, trigger token, key encryption password) and its
 * home directory in a temp directory, so Camel JBang's {@code ~/.camel/<pid>-status.json} (which copies the
 * {@code properties} and {@code main-configuration} consoles every second) lands where the test can read it. Every
 * file under the home and working directories, and the station's output, is searched for each secret's bytes.
 */
class StatusFileSecretsTest {
    private static final Path ROUTES = Path.of("..", "routes");
    private static final Map<String, String> SECRETS = Map.of(
            "s3.secret-key", "S3SECRETPROBEVALUE111",
            "s3.session-token", "SESSIONTOKENPROBE666",
            "transferas2.trigger.token", "TRIGGERTOKENPROBE222",
            "camel.component.transfer-as2.key-encryption-password", "KEYENCPASSWORDPROBE444");
    private static final String API_SECRET = "APISECRETPROBE333";
    private static final String ENV_API_SECRET = "APIENVSECRETPROBE555";

    @TempDir
    Path work;

    @Test
    void noSecretInTheStatusFileNorAnyOtherFileTheStationWrites() throws Exception {
        Path home = Files.createDirectories(work.resolve("home"));
        Path station = Files.createDirectories(work.resolve("station"));
        // the file the user wrote the secrets in is the one place they may be; it is outside the searched directories
        Path config = Files.createDirectories(work.resolve("config"));
        Files.writeString(station.resolve("registry.yaml"), """
                Profiles:
                  - ProfileId: p-0000000000000a001
                    ProfileType: LOCAL
                    As2Id: MYCOMPANY
                Servers:
                  - ServerId: s-0000000000000a001
                    Protocols: [AS2]
                """);
        StringBuilder props = new StringBuilder("""
                camel.component.transfer-as2.registry-file=registry.yaml
                transferas2.server-id=s-0000000000000a001
                transferas2.api.enabled=true
                s3.access-key=AKIASTATUSPROBE00001
                camel.component.transfer-as2.access-keys=AKIAADMIN00000000001:%s,AKIAADMIN00000000002:{{env:STATUS_PROBE_API_SECRET}}
                """.formatted(API_SECRET));
        props.append("camel.server.port=").append(freePort()).append('\n');
        SECRETS.forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
        Files.writeString(config.resolve("station.properties"), props);

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home.toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), CamelLauncher.class.getName(), "run"));
        try (Stream<Path> yaml = Files.list(ROUTES)) {
            yaml.filter(p -> p.getFileName().toString().endsWith(".camel.yaml")).sorted()
                    .forEach(p -> command.add(p.toAbsolutePath().toString()));
        }
        command.add(ROUTES.resolve("application.properties").toAbsolutePath().toString());
        command.add(config.resolve("station.properties").toAbsolutePath().toString());
        Path output = work.resolve("station-output.log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(station.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        pb.environment().put("STATUS_PROBE_API_SECRET", ENV_API_SECRET);
        Process process = pb.start();
        try {
            Path status = awaitStatusWithProperties(home.resolve(".camel"), process, output);
            String json = Files.readString(status);
            // the dump happened, with the secret options in it, masked
            assertThat(json).contains("\"key\":\"s3.secret-key\",\"value\":\"xxxxxx\"")
                    .contains("\"key\":\"camel.component.transfer-as2.access-keys\",\"value\":\"xxxxxx\"")
                    .contains("\"key\":\"transferas2.server-id\",\"value\":\"s-0000000000000a001\"");
            assertNoSecretIn(home, station, output);
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        assertNoSecretIn(home, station, output);
    }

    private static Path awaitStatusWithProperties(Path camelDir, Process process, Path output) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the station exited:\n" + Files.readString(output));
            }
            Path status = camelDir.resolve(process.pid() + "-status.json");
            if (Files.exists(status)) {
                String json = Files.readString(status);
                if (json.contains("\"main-configuration\"") && json.contains("s3.secret-key")) {
                    return status;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no status file with the properties console:\n" + Files.readString(output));
    }

    private static void assertNoSecretIn(Path... roots) throws IOException {
        List<String> secrets = new ArrayList<>(SECRETS.values());
        secrets.add(API_SECRET);
        secrets.add(ENV_API_SECRET);
        List<String> found = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.isDirectory(root) ? Files.walk(root) : Stream.of(root)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    Optional<String> hit = firstSecretIn(file, secrets);
                    hit.ifPresent(s -> found.add(file + ": " + s));
                }
            } catch (java.io.UncheckedIOException e) {
                // a file removed while walking (the station is still running)
            }
        }
        assertThat(found).as("files holding a secret").isEmpty();
    }

    private static Optional<String> firstSecretIn(Path file, List<String> secrets) {
        String content;
        try {
            // ISO-8859-1 maps every byte to one char: finds ASCII secrets in binary files (H2, logs) too
            content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return Optional.empty();
        }
        return secrets.stream().filter(content::contains).findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
