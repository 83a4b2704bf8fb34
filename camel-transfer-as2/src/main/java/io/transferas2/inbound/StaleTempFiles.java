package io.transferas2.inbound;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the spool files a killed station left in its temp directory: each request deletes its own files whatever
 * happens, but a process killed mid-request cannot. Only the receiver's and the engine's own names are touched
 * ({@code transfer-as2-*.tmp}, {@code as2-in-*.tmp}, {@code as2-out-*.tmp}), and only files untouched for longer than
 * a live request could stay silent, so a second process sharing the directory loses nothing in flight.
 */
public final class StaleTempFiles {
    private static final Logger LOG = LoggerFactory.getLogger(StaleTempFiles.class);

    private StaleTempFiles() {
    }

    /** Deletes our spool files in {@code dir} last modified more than {@code olderThan} ago; returns how many. */
    public static int remove(Path dir, Duration olderThan) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        Instant cutoff = Instant.now().minus(olderThan);
        int removed = 0;
        long bytes = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "{transfer-as2-,as2-in-,as2-out-}*.tmp")) {
            for (Path f : files) {
                try {
                    if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)) {
                        long size = Files.size(f);
                        Files.delete(f);
                        removed++;
                        bytes += size;
                    }
                } catch (IOException e) {
                    LOG.debug("cannot remove stale temp file {}", f, e);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list the temp directory {}: {}", dir, e.toString());
        }
        if (removed > 0) {
            LOG.info("removed {} stale temp file(s), {} bytes, left in {} by an earlier run", removed, bytes, dir);
        }
        return removed;
    }
}
