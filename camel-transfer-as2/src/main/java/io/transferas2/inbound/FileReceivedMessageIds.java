package io.transferas2.inbound;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The server consumer's default duplicate store: the newest {@code capacity} keys in memory, one key per line in a
 * file that survives restarts (the format of Camel's {@code FileIdempotentRepository}, so its files load unchanged).
 * <p>
 * Why not Camel's class: it answers every lookup of a key it has not cached, i.e. every new message, by scanning the
 * whole file with a regex {@code Scanner} under a global lock, and a receipt looks a key up three times. The cost grows
 * with every message received (O(n²) over a server's life); the benchmark measured it as a third of the receiver's
 * CPU after 20,000 messages, with c=32 slower than c=8. Here a lookup is a hash probe, a commit appends one line and
 * flushes it to the OS, and when the file holds twice {@code capacity} lines it is rewritten with the newest
 * {@code capacity} keys (write to a sibling, atomic rename).
 * <p>
 * Thread-safe. One process per file: several nodes need a shared Camel {@code IdempotentRepository} instead.
 */
public final class FileReceivedMessageIds implements ReceivedMessageIds, AutoCloseable {
    /** What the consumer keeps by default, as Camel's file repository cached. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final Path file;
    private final int capacity;
    private final LinkedHashSet<String> keys = new LinkedHashSet<>();
    private BufferedWriter writer;
    private long linesInFile;

    /** Loads the newest {@code capacity} keys of {@code file} (missing: empty; its directory is created). */
    public FileReceivedMessageIds(Path file, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.file = file.toAbsolutePath();
        this.capacity = capacity;
        try {
            if (Files.exists(this.file)) {
                List<String> lines = Files.readAllLines(this.file, StandardCharsets.UTF_8);
                for (String line : lines) {
                    if (!line.isEmpty()) {
                        keys.remove(line);
                        keys.add(line);
                        linesInFile++;
                    }
                }
                trimToCapacity();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the received Message-IDs in " + this.file, e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized boolean contains(String key) {
        return keys.contains(key);
    }

    @Override
    public synchronized boolean add(String key) {
        if (key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a key must be one line");
        }
        if (keys.contains(key)) {
            return false;
        }
        try {
            if (linesInFile >= 2L * capacity) {
                compact();
            }
            BufferedWriter w = writer();
            w.write(key);
            w.write('\n');
            w.flush();
            linesInFile++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record a received Message-ID in " + file, e);
        }
        keys.add(key);
        trimToCapacity();
        return true;
    }

    /** Keys currently remembered. */
    public synchronized int size() {
        return keys.size();
    }

    /** Closes the file; a later {@link #add} opens it again. */
    @Override
    public synchronized void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }

    private void trimToCapacity() {
        Iterator<String> oldest = keys.iterator();
        while (keys.size() > capacity) {
            oldest.next();
            oldest.remove();
        }
    }

    private BufferedWriter writer() throws IOException {
        if (writer == null) {
            Files.createDirectories(file.getParent());
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        return writer;
    }

    /** Rewrites the file with the remembered keys only. */
    private void compact() throws IOException {
        close();
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.write(next, keys, StandardCharsets.UTF_8);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        linesInFile = keys.size();
    }
}
