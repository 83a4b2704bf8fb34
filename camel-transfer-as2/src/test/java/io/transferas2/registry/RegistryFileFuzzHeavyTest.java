package io.transferas2.registry;

import java.io.IOException;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** The long run of {@link RegistryFileFuzzTest} under -Pheavy. */
class RegistryFileFuzzHeavyTest {
    @FuzzTest(maxDuration = "3m")
    void load(byte[] data) throws IOException {
        RegistryFileFuzzTargets.load(data);
    }
}
