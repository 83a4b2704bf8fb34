package io.transferas2.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark command in smoke mode ({@code --smoke}): ceilings, ours → ours and as2-lib → as2-lib for 2 s at
 * c=1 and c=8 in their own JVMs, a 16 MB transfer under -Xmx256m, and 200 files through the in-memory and the
 * durable StartFileTransfer queue. Proves the harness still measures and writes
 * its tables; the figures themselves are not checked (timed assertions do not belong in tests).
 */
class BenchmarkSmokeTest {
    @TempDir
    Path out;

    @Test
    void smokeRunMeasuresEveryPartAndWritesTheTables() throws Exception {
        Path dir = new BenchMain(BenchOptions.parse("--smoke", "--out", out.toString())).run();

        String md = Files.readString(dir.resolve("results.md"));
        assertThat(md).contains("## Ceilings (one thread)", "RSA-2048 SHA256withRSA signatures/s",
                "## Small messages", "| ours → ours, in-memory sink |", "| as2-lib → as2-lib, keystore loaded once |",
                "### Ratios", "### Targets", "## Large transfers", "| ours → ours | 16MB | OK |",
                "## StartFileTransfer queue", "durable ÷ in-memory completed/s");

        Map<String, Object> results = Json.MAPPER.readValue(dir.resolve("results.json").toFile(),
                new TypeReference<Map<String, Object>>() {
                });
        Map<String, Object> small = map(results.get("small"));
        for (String variant : List.of("ours", "as2lib-cachedks")) {
            Map<String, Object> v = map(small.get(variant));
            assertThat(v).as(variant).doesNotContainKey("error");
            List<Map<String, Object>> phases = list(v.get("phases"));
            assertThat(phases).as(variant).hasSize(2);
            for (Map<String, Object> p : phases) {
                // every exchange counted passed the MDN checks; none failed them
                assertThat(((Number) p.get("ok")).longValue()).as(variant + " " + p).isPositive();
                assertThat(((Number) p.get("failed")).longValue()).as(variant + " " + p).isZero();
                assertThat(((Number) p.get("p99Ms")).doubleValue()).isGreaterThanOrEqualTo(
                        ((Number) p.get("p50Ms")).doubleValue());
            }
            // the receiver saw at least every counted exchange
            long counted = phases.stream().mapToLong(p -> ((Number) p.get("ok")).longValue()).sum();
            assertThat(((Number) map(v.get("server")).get("received")).longValue()).isGreaterThanOrEqualTo(counted);
        }
        Map<String, Object> large = list(results.get("large")).get(0);
        assertThat(large.get("ok")).isEqualTo(true);
        assertThat(((Number) large.get("bytes")).longValue()).isEqualTo(16L << 20);
        assertThat(((Number) large.get("receiverPeakRssBytes")).longValue()).isPositive();
        assertThat(((Number) large.get("senderPeakHeapBytes")).longValue()).isPositive();
        Map<String, Object> queue = map(results.get("queue"));
        for (String q : List.of("memory", "durable")) {
            Map<String, Object> v = map(queue.get(q));
            assertThat(v).as(q).doesNotContainKey("error");
            // every file completed (verified MDN), none failed, each with a latency
            assertThat(v.get("completed")).as(q).isEqualTo(200);
            assertThat(v.get("failed")).as(q).isEqualTo(0);
            assertThat(((Number) v.get("p99Ms")).doubleValue()).isGreaterThanOrEqualTo(
                    ((Number) v.get("p50Ms")).doubleValue());
        }
        // temporary payloads and work directories are cleaned up
        assertThat(dir.resolve("payloads")).doesNotExist();
        assertThat(dir.resolve("work/ours")).doesNotExist();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
