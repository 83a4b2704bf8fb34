package io.transferas2.inbound;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileReceivedMessageIdsTest {
    @TempDir
    Path dir;

    @Test
    void committedKeysAreFoundAndSurviveAReopen() throws Exception {
        Path file = dir.resolve("nested/ids.dat");
        try (FileReceivedMessageIds ids = new FileReceivedMessageIds(file, 10)) {
            assertThat(ids.contains("a-1:m1")).isFalse();
            assertThat(ids.add("a-1:m1")).isTrue();
            assertThat(ids.add("a-1:m1")).isFalse();
            assertThat(ids.contains("a-1:m1")).isTrue();
            assertThat(ids.contains("a-2:m1")).isFalse();
        }
        assertThat(Files.readAllLines(file)).containsExactly("a-1:m1");
        try (FileReceivedMessageIds again = new FileReceivedMessageIds(file, 10)) {
            assertThat(again.contains("a-1:m1")).isTrue();
            assertThat(again.add("a-1:m2")).isTrue();
        }
        assertThat(Files.readAllLines(file)).containsExactly("a-1:m1", "a-1:m2");
    }

    @Test
    void readsTheFilesCamelsFileIdempotentRepositoryWrote() throws Exception {
        Path file = dir.resolve("camel.dat");
        Files.writeString(file, "a-1:old1\na-1:old2\n", StandardCharsets.UTF_8);
        try (FileReceivedMessageIds ids = new FileReceivedMessageIds(file, 10)) {
            assertThat(ids.contains("a-1:old1")).isTrue();
            assertThat(ids.contains("a-1:old2")).isTrue();
            assertThat(ids.size()).isEqualTo(2);
        }
    }

    @Test
    void remembersTheNewestKeysAndKeepsTheFileBounded() throws Exception {
        Path file = dir.resolve("ids.dat");
        try (FileReceivedMessageIds ids = new FileReceivedMessageIds(file, 5)) {
            for (int i = 0; i < 23; i++) {
                assertThat(ids.add("k" + i)).isTrue();
                // compacted whenever it reaches twice the capacity
                assertThat(Files.readAllLines(file).size()).isLessThanOrEqualTo(10);
            }
            assertThat(ids.size()).isEqualTo(5);
            assertThat(ids.contains("k17")).isFalse();
            assertThat(ids.contains("k18")).isTrue();
            assertThat(ids.contains("k22")).isTrue();
        }
        try (FileReceivedMessageIds again = new FileReceivedMessageIds(file, 5)) {
            assertThat(IntStream.range(18, 23).allMatch(i -> again.contains("k" + i))).isTrue();
            assertThat(again.contains("k17")).isFalse();
        }
        assertThat(Files.exists(dir.resolve("ids.dat.next"))).isFalse();
    }

    @Test
    void lookupsDoNotReadTheFile() throws Exception {
        // Camel's FileIdempotentRepository scans the file on every cache miss; this store answers from memory
        Path file = dir.resolve("ids.dat");
        try (FileReceivedMessageIds ids = new FileReceivedMessageIds(file, 100)) {
            ids.add("a-1:m1");
            ids.close();
            Files.delete(file);
            assertThat(ids.contains("a-1:m1")).isTrue();
            assertThat(ids.contains("a-1:m2")).isFalse();
            // and a later commit opens the file again
            assertThat(ids.add("a-1:m2")).isTrue();
        }
        assertThat(Files.readAllLines(file)).containsExactly("a-1:m2");
    }

    @Test
    void concurrentCommitsOfOneKeySucceedOnce() throws Exception {
        Path file = dir.resolve("ids.dat");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (FileReceivedMessageIds ids = new FileReceivedMessageIds(file, 1000)) {
            AtomicInteger wins = new AtomicInteger();
            List<Future<?>> futures = IntStream.range(0, 400).<Future<?>>mapToObj(i -> pool.submit(() -> {
                if (ids.add("key-" + (i % 100))) {
                    wins.incrementAndGet();
                }
            })).toList();
            for (Future<?> f : futures) {
                f.get();
            }
            assertThat(wins.get()).isEqualTo(100);
        } finally {
            pool.shutdown();
        }
        assertThat(Files.readAllLines(file)).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void rejectsKeysThatWouldBreakTheLineFormat() throws Exception {
        try (FileReceivedMessageIds ids = new FileReceivedMessageIds(dir.resolve("ids.dat"), 10)) {
            assertThatThrownBy(() -> ids.add("a\nb")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
