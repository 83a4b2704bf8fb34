package io.transferas2.examples.springboot;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 300 MB through the Spring Boot consumer in the heavy profile's 256 MB test JVM
 * ({@code mvn -B -ntp verify -Pheavy}).
 */
class LargeMessageHeavyTest extends ApplicationTest {
    @TempDir
    Path dir;

    @Test
    void streamsAMessageLargerThanTheHeap() throws Exception {
        LargeMessages.sendLargerThanTheHeap(setup, dir, 300_000_000L, "LargeMessageHeavyTest");
    }
}
