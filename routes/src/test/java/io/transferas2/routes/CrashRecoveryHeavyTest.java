package io.transferas2.routes;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crash test at full size: 200 files in 20 requests, kill -9 while sending, restart (-Pheavy). */
class CrashRecoveryHeavyTest {
    @TempDir
    Path dir;

    @Test
    void twoHundredFilesKilledWhileSendingEachEndsCompletedOnce() throws Exception {
        CrashRecoveryTest.killWhileSendingThenRecover(dir, 200, Duration.ofMinutes(15));
    }
}
