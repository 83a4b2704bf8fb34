package io.transferas2.api;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzzing of the control-plane JSON request handling; seeds and crashes in {@code ApiJsonFuzzTestInputs/}. */
class ApiJsonFuzzTest {
    @FuzzTest(maxDuration = "4s")
    void request(byte[] data) {
        ApiJsonFuzzTargets.request(data);
    }
}
