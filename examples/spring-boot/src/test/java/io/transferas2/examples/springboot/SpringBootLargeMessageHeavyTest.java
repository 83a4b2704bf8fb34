package io.transferas2.examples.springboot;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1 GiB through the Spring Boot consumer in the heavy profile's 256 MB test JVM
 * ({@code mvn -B -ntp verify -Pheavy}).
 */
class SpringBootLargeMessageHeavyTest extends ApplicationTest {
    @TempDir
    Path dir;

    @Test
    void streamsAMessageLargerThanTheHeap() throws Exception {
        LargeMessages.sendLargerThanTheHeap(setup, dir, 1L << 30, "SpringBootLargeMessageHeavyTest");
    }
}
