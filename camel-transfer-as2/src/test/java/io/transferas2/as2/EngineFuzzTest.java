package io.transferas2.as2;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the engine's parsers (Jazzer). Without {@code JAZZER_FUZZ} each method replays its
 * committed seeds and past crashes ({@code EngineFuzzTestInputs/<method>/}); the build's fuzz-* executions fuzz each
 * for a few seconds, {@link EngineFuzzHeavyTest} for minutes under -Pheavy. A crash file Jazzer writes into the
 * inputs directory becomes a regression test on the next build.
 */
class EngineFuzzTest {
    @FuzzTest(maxDuration = "4s")
    void multipart(byte[] data) {
        EngineFuzzTargets.multipart(data);
    }

    @FuzzTest(maxDuration = "4s")
    void headers(byte[] data) {
        EngineFuzzTargets.headers(data);
    }

    @FuzzTest(maxDuration = "4s")
    void message(byte[] data) {
        EngineFuzzTargets.message(data);
    }

    @FuzzTest(maxDuration = "4s")
    void mdn(byte[] data) {
        EngineFuzzTargets.mdn(data);
    }

    @FuzzTest(maxDuration = "4s")
    void dispositionOptions(byte[] data) {
        EngineFuzzTargets.dispositionOptions(data);
    }
}
