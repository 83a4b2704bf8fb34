package io.transferas2.api;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.certs.KeyMaterial;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The API as boto3 and the AWS CLI see it, on machines that have them (this one does; a machine with only a JDK
 * and Maven skips it, and {@link ServiceModelConformanceTest} still checks the model there). Runs
 * {@code boto3_checks.py} against a live station: typed exceptions, ValidationException and SerializationException
 * codes, paginators, tokens, defaults, and the CLI's view.
 */
class Boto3AndCliTest {
    @TempDir
    Path dir;

    @Test
    void boto3AndTheCliSeeTheModelsApi() throws Exception {
        assumeTrue(run(dir, "python3", "-c", "import boto3") == 0, "python3 with boto3 is not installed");
        Path script = dir.resolve("boto3_checks.py");
        try (InputStream in = getClass().getResourceAsStream("boto3_checks.py")) {
            Files.copy(in, script);
        }
        KeyMaterial key = TestKeys.key("boto3-signing");
        try (ApiHarness api = ApiHarness.start()) {
            ProcessBuilder python = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true);
            python.environment().put("ENDPOINT", api.endpoint().toString());
            python.environment().put("AWS_ACCESS_KEY_ID", ApiHarness.KEY_ID);
            python.environment().put("AWS_SECRET_ACCESS_KEY", ApiHarness.SECRET);
            python.environment().put("CERT_PEM", TestKeys.certificatePem(key));
            python.environment().put("KEY_PEM", TestKeys.privateKeyPem(key));
            python.environment().put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
            python.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
            Process process = python.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
            System.out.println(output);
            assertThat(output).doesNotContain("FAIL ").contains("boto3 checks: 0 failing");
            assertThat(process.exitValue()).as(output).isZero();
        }
    }

    private static int run(Path dir, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
