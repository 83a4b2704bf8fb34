package io.transferas2.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The registry file loader as a fuzz target: YAML or JSON (by the first byte) loaded into a new registry. The only
 * defined failure is a {@link TransferServiceException} naming the problem; anything else is a defect.
 */
final class RegistryFileFuzzTargets {
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("registry-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RegistryFileFuzzTargets() {
    }

    static void load(byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        Path file = DIR.resolve((data[0] & 1) == 0 ? "registry.yaml" : "registry.json");
        Files.write(file, Arrays.copyOfRange(data, 1, data.length));
        try {
            RegistryFile.load(file, new TransferRegistry());
        } catch (TransferServiceException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("an error without a message", expected);
            }
        }
    }
}
