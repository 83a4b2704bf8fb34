package io.transferas2.as2;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** The long runs of {@link EngineFuzzTest}: minutes per target under -Pheavy, one target per JVM. */
class EngineFuzzHeavyTest {
    @FuzzTest(maxDuration = "3m")
    void multipart(byte[] data) {
        EngineFuzzTargets.multipart(data);
    }

    @FuzzTest(maxDuration = "3m")
    void headers(byte[] data) {
        EngineFuzzTargets.headers(data);
    }

    @FuzzTest(maxDuration = "3m")
    void message(byte[] data) {
        EngineFuzzTargets.message(data);
    }

    @FuzzTest(maxDuration = "3m")
    void mdn(byte[] data) {
        EngineFuzzTargets.mdn(data);
    }

    @FuzzTest(maxDuration = "3m")
    void dispositionOptions(byte[] data) {
        EngineFuzzTargets.dispositionOptions(data);
    }
}
