package io.transferas2.routes;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;

import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.s3.EmbeddedS3Options;
import io.transferas2.s3.EmbeddedS3Server;
import io.transferas2.s3.S3Access;
import io.transferas2.s3.S3Settings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route pack's S3 readiness check against a real S3 API server: UP while HeadBucket succeeds, DOWN with the
 * bucket and the error (never the secret key) when the server is gone or the bucket does not exist, and one probe per
 * cache period; {@code unavailable()} (the inbound route's "is this failure transient?") probes afresh and is true
 * only when S3 does not answer.
 */
class S3HealthCheckTest {
    private static final String SECRET = "health-secret-0123456789";

    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    @Test
    void upWhileTheBucketAnswersDownWhenS3IsGoneProbedOncePerCachePeriod() throws Exception {
        int port = Ports.distinct();
        EmbeddedS3Options options = EmbeddedS3Options.builder().dataDirectory(dir.resolve("s3")).port(port)
                .credentials("health-access", SECRET).bucket("edi").build();
        Properties p = new Properties();
        p.setProperty("s3.endpoint", "http://127.0.0.1:" + port);
        p.setProperty("s3.path-style", "true");
        p.setProperty("s3.access-key", "health-access");
        p.setProperty("s3.secret-key", SECRET);
        p.setProperty("s3.checksums", "when-required");
        HandClock clock = new HandClock();
        S3HealthCheck check = new S3HealthCheck(clock);
        check.setBucket("edi");
        check.setCacheMillis(10_000);
        try (S3Access remote = S3Access.open(S3Settings.fromProperties(p))) {
            check.setS3Client(remote.client());
            try (EmbeddedS3Server s3 = EmbeddedS3Server.start(options)) {
                assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
                assertThat(check.unavailable()).as("S3 answers: a storage failure is not transient").isFalse();
            }
            // the inbound route's question probes afresh, whatever the cache holds
            assertThat(check.unavailable()).as("S3 is gone: transient").isTrue();
            assertThat(check.call().getState()).isEqualTo(HealthCheck.State.DOWN);
            // back to a cached UP for the cache test below
            try (EmbeddedS3Server s3 = EmbeddedS3Server.start(options)) {
                clock.advance(Duration.ofSeconds(10));
                assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
            }
            // within the cache period the last probe's answer is reused
            clock.advance(Duration.ofSeconds(9));
            assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
            clock.advance(Duration.ofSeconds(1));
            HealthCheck.Result down = check.call();
            assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m)
                    .startsWith("S3 is unreachable for bucket 'edi'").contains("127.0.0.1:" + port)
                    .doesNotContain(SECRET).doesNotContain("health-access"));
            assertThat(down.getDetails()).containsEntry("bucket", "edi");
            assertThat(down.getDetails().values()).noneMatch(v -> String.valueOf(v).contains(SECRET));

            // S3 answers, but the bucket is not there: DOWN with S3's status
            try (EmbeddedS3Server s3 = EmbeddedS3Server.start(options)) {
                check.setBucket("no-such-bucket");
                clock.advance(Duration.ofSeconds(10));
                HealthCheck.Result missing = check.call();
                assertThat(missing.getState()).isEqualTo(HealthCheck.State.DOWN);
                assertThat(missing.getMessage()).hasValueSatisfying(m -> assertThat(m)
                        .startsWith("S3 bucket 'no-such-bucket' answered HTTP 404"));
                assertThat(check.unavailable()).as("S3 answered with an error: not transient").isFalse();
            }
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void anS3ThatAcceptsButNeverAnswersIsDownAfterTheProbeTimeoutNotAHungHealthEndpoint() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                java.util.List<java.net.Socket> held = new java.util.ArrayList<>();
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (java.io.IOException closed) {
                    held.forEach(s -> {
                        try {
                            s.close();
                        } catch (java.io.IOException ignored) {
                            // closing anyway
                        }
                    });
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Properties p = new Properties();
            p.setProperty("s3.endpoint", "http://127.0.0.1:" + silent.getLocalPort());
            p.setProperty("s3.path-style", "true");
            p.setProperty("s3.access-key", "health-access");
            p.setProperty("s3.secret-key", SECRET);
            S3HealthCheck check = new S3HealthCheck();
            check.setBucket("edi");
            check.setProbeTimeoutMillis(500);
            try (S3Access remote = S3Access.open(S3Settings.fromProperties(p))) {
                check.setS3Client(remote.client());
                HealthCheck.Result hung = check.call();
                assertThat(hung.getState()).isEqualTo(HealthCheck.State.DOWN);
                assertThat(hung.getMessage()).hasValueSatisfying(m -> assertThat(m)
                        .startsWith("S3 is unreachable for bucket 'edi'").doesNotContain(SECRET));
            }
        }
    }
}
