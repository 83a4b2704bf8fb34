package io.transferas2.registry;

import java.io.IOException;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzzing of the registry file loader; seeds and crashes in {@code RegistryFileFuzzTestInputs/}. */
class RegistryFileFuzzTest {
    @FuzzTest(maxDuration = "4s")
    void load(byte[] data) throws IOException {
        RegistryFileFuzzTargets.load(data);
    }
}
