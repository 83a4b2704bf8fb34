package io.transferas2.outbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.transferas2.model.TransferJson;

/**
 * The default {@link PendingTransferStore}: one small JSON file per pending transfer in a directory, named after the
 * SHA-256 of the Message-ID, written to a temp file and atomically renamed. Several nodes can share the directory
 * (a network file system): removal is the claim, and a delete succeeds once.
 */
public final class FilePendingTransferStore implements PendingTransferStore {
    /** The directory used when none is configured, relative to the working directory. */
    public static final String DEFAULT_DIRECTORY = "data/transfer-as2/pending-mdn";

    private static final Logger LOG = LoggerFactory.getLogger(FilePendingTransferStore.class);
    private static final String SUFFIX = ".json";

    private final Path directory;

    public FilePendingTransferStore(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void put(PendingTransfer transfer) {
        try {
            Files.createDirectories(directory);
            Path target = fileOf(transfer.messageId());
            Path temp = Files.createTempFile(directory, ".pending-", ".tmp");
            try {
                Files.write(temp, TransferJson.json().writeValueAsBytes(transfer));
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record pending transfer " + transfer.transferId() + " in "
                    + directory, e);
        }
    }

    @Override
    public Optional<PendingTransfer> get(String messageId) {
        return read(fileOf(MessageIds.bare(messageId)));
    }

    @Override
    public boolean remove(String messageId) {
        try {
            Files.delete(fileOf(MessageIds.bare(messageId)));
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove pending transfer for " + messageId, e);
        }
    }

    @Override
    public List<PendingTransfer> list() {
        List<PendingTransfer> all = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return all;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path f : files) {
                read(f).ifPresent(all::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list pending transfers in " + directory, e);
        }
        return all;
    }

    private Optional<PendingTransfer> read(Path file) {
        try {
            return Optional.of(TransferJson.json().readValue(Files.readString(file, StandardCharsets.UTF_8),
                    PendingTransfer.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Skipping unreadable pending transfer file {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private Path fileOf(String messageId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(digest) + SUFFIX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "FilePendingTransferStore[" + directory + "]";
    }
}
