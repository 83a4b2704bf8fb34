package io.transferas2.as2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Creates and removes the engine's spool files. */
final class TempFiles {
    private TempFiles() {
    }

    static Path create(Path dir, String prefix) throws IOException {
        if (dir != null) {
            Files.createDirectories(dir);
            return Files.createTempFile(dir, prefix, ".tmp");
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        return Files.createTempFile(tmp, prefix, ".tmp");
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // best effort: the file is in a temp directory
            }
        }
    }
}
