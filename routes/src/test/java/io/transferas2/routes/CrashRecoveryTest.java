package io.transferas2.routes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default build's slice of the crash test (30 files; {@code CrashRecoveryHeavyTest} has 200) and the graceful
 * stop, with the sending station in a JVM of its own (see {@link CrashRecovery}).
 */
class CrashRecoveryTest {
    @TempDir
    Path dir;

    static void killWhileSendingThenRecover(Path dir, int files, Duration timeout) throws Exception {
        String prefix = "crash/";
        try (CrashRecovery crash = new CrashRecovery(dir)) {
            List<String> transferIds;
            try (ChildStation first = crash.startSender("run-1")) {
                transferIds = crash.acceptFiles(prefix, files);
                crash.awaitPartnerReceived(prefix, 3);
                first.kill();
            }
            int doneAtKill = crash.statusFiles(prefix);
            assertThat(doneAtKill).as("files finished when the station was killed").isLessThan(files);
            try (ChildStation second = crash.startSender("run-2")) {
                crash.awaitAllFinished(prefix, files, timeout);
                crash.assertEachFileCompletedOnce(prefix, files, transferIds);
            }
        }
    }

    @Test
    void killedWhileSendingEveryAcceptedFileEndsCompletedOnce() throws Exception {
        killWhileSendingThenRecover(dir, 30, Duration.ofMinutes(4));
    }

    @Test
    void aGracefulStopLeavesQueuedFilesQueuedAndTheRestartSendsThem() throws Exception {
        String prefix = "graceful/";
        try (CrashRecovery crash = new CrashRecovery(dir)) {
            List<String> transferIds;
            try (ChildStation first = crash.startSender("run-1")) {
                transferIds = crash.acceptFiles(prefix, 20);
                crash.awaitPartnerReceived(prefix, 2);
                first.terminate();
            }
            assertThat(crash.statusFiles(prefix)).isLessThan(20);
            try (ChildStation second = crash.startSender("run-2")) {
                crash.awaitAllFinished(prefix, 20, Duration.ofMinutes(3));
                crash.assertEachFileCompletedOnce(prefix, 20, transferIds);
            }
        }
    }
}
