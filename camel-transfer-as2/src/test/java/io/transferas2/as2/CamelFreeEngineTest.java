package io.transferas2.as2;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine must stay usable without Camel: no source file in io.transferas2.as2 may refer to org.apache.camel. */
class CamelFreeEngineTest {

    @Test
    void engineSourcesDoNotReferenceCamel() throws Exception {
        Path sources = Path.of("src/main/java/io/transferas2/as2");
        assertThat(sources).isDirectory();
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(sources)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).contains("org.apache.camel"))
                    .toList();
        }
        assertThat(offenders).isEmpty();
        try (Stream<Path> files = Files.walk(sources)) {
            assertThat(files.filter(p -> p.toString().endsWith(".java")).count()).isGreaterThan(20);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
