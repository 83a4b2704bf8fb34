package io.transferas2.examples.springboot;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default run's streaming check: 160 MB through the Spring Boot consumer in this module's 128 MB test JVM
 * (see the pom); {@link LargeMessageHeavyTest} sends 300 MB in 256 MB.
 */
class LargeMessageTest extends ApplicationTest {
    @TempDir
    Path dir;

    @Test
    void streamsAMessageLargerThanTheHeap() throws Exception {
        LargeMessages.sendLargerThanTheHeap(setup, dir, 160_000_000L, "LargeMessageTest");
    }
}
