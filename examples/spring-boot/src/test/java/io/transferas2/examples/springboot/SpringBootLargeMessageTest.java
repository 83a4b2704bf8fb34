package io.transferas2.examples.springboot;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default run's streaming check: 160 MB through the Spring Boot consumer in this module's 128 MB test JVM
 * (see the pom); {@link SpringBootLargeMessageHeavyTest} sends 1 GiB in 256 MB.
 */
class SpringBootLargeMessageTest extends ApplicationTest {
    @TempDir
    Path dir;

    @Test
    void streamsAMessageLargerThanTheHeap() throws Exception {
        LargeMessages.sendLargerThanTheHeap(setup, dir, 160_000_000L, "SpringBootLargeMessageTest");
    }
}
