package io.transferas2.api;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** The long run of {@link ApiJsonFuzzTest} under -Pheavy. */
class ApiJsonFuzzHeavyTest {
    @FuzzTest(maxDuration = "3m")
    void request(byte[] data) {
        ApiJsonFuzzTargets.request(data);
    }
}
