package io.transferas2.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code ./camel run} does, in a separate JVM with the launcher's classpath: the example routes in
 * {@code examples/s3-hello} write to the embedded S3 through {@code aws2-s3} and resolve {@code transfer-as2:}
 * without {@code --dep}, and Camel JBang downloads nothing because everything is on the classpath.
 */
class CamelLauncherTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "s3-hello");

    @TempDir
    Path work;

    @Test
    void runsYamlRoutesWithAws2S3AgainstTheEmbeddedS3() throws Exception {
        for (String file : List.of("hello-s3.camel.yaml", "send-to-partner.camel.yaml", "application.properties")) {
            Files.copy(EXAMPLE.resolve(file), work.resolve(file));
        }

        Result run = camel(work, "run", "hello-s3.camel.yaml", "send-to-partner.camel.yaml",
                "application.properties", "--max-messages=1", "--max-seconds=120");

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.output)
                .contains("Read back from s3://hello/greetings/hello.txt: Hello from Camel to S3")
                .contains("Started send-to-partner (direct://send-to-partner)")
                .contains("Embedded S3 server listening on http://127.0.0.1:")
                .doesNotContain("Downloaded:")
                // S3Proxy's Jetty start-up lines are turned down to WARN
                .doesNotContain("jetty-11");
        assertThat(work.resolve("data/hello/greetings/hello.txt")).hasContent("Hello from Camel to S3");
    }

    private static Result camel(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CamelLauncher.class.getName()));
        command.addAll(List.of(args));
        Path log = dir.resolve("camel.log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("camel did not exit:\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }
}
