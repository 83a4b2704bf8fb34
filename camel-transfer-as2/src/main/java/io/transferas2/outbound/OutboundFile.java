package io.transferas2.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import io.transferas2.model.CustomHttpHeader;
import io.transferas2.transfer.StoragePath;

/**
 * One file to send through a connector, and what is known about it: where it came from (for AWS's status and MDN
 * locations), its name and content type as the caller gave them, custom HTTP headers, and the transfer and message
 * IDs to reuse when the send is a retry. Build with {@link #builder()}.
 */
public final class OutboundFile {
    private final Path file;
    private final InputStream stream;
    private final String filename;
    private final String contentType;
    private final String sourceContentType;
    private final StoragePath sourcePath;
    private final List<CustomHttpHeader> customHeaders;
    private final String transferId;
    private final String messageId;

    private OutboundFile(Builder b) {
        if ((b.file == null) == (b.stream == null)) {
            throw new IllegalArgumentException("give the payload as exactly one of a file or a stream");
        }
        this.file = b.file;
        this.stream = b.stream;
        this.filename = b.filename;
        this.contentType = b.contentType;
        this.sourceContentType = b.sourceContentType;
        this.sourcePath = b.sourcePath;
        this.customHeaders = b.customHeaders == null ? List.of() : List.copyOf(b.customHeaders);
        this.transferId = b.transferId;
        this.messageId = b.messageId;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Opens the payload: the file, or the stream (read once). */
    InputStream open() throws IOException {
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString());
            }
            return Files.newInputStream(file);
        }
        return stream;
    }

    /** The payload file, when the payload is one. */
    public Path file() {
        return file;
    }

    /** The filename to announce, when the caller set one; otherwise derived from the source path or file. */
    public String filename() {
        if (filename != null && !filename.isBlank()) {
            return baseName(filename);
        }
        if (sourcePath != null) {
            return sourcePath.fileName();
        }
        return file == null ? null : file.getFileName().toString();
    }

    /** The content type the caller set explicitly, or null. */
    public String contentType() {
        return contentType;
    }

    /** The stored object's content type (S3 Content-Type), used when the connector has PreserveContentType. */
    public String sourceContentType() {
        return sourceContentType;
    }

    /** Where the file lives as {@code /bucket/key}, or null: AWS's file-path and the base of its result paths. */
    public StoragePath sourcePath() {
        return sourcePath;
    }

    public List<CustomHttpHeader> customHeaders() {
        return customHeaders;
    }

    /** The transfer ID to use, or null for a new one. */
    public String transferId() {
        return transferId;
    }

    /** The Message-ID (without angle brackets) to reuse for a resend, or null for a new one. */
    public String messageId() {
        return messageId;
    }

    /** The last segment of a path-like name: {@code in/2024/po.edi} gives {@code po.edi}. */
    static String baseName(String name) {
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    /** Builder for {@link OutboundFile}. */
    public static final class Builder {
        private Path file;
        private InputStream stream;
        private String filename;
        private String contentType;
        private String sourceContentType;
        private StoragePath sourcePath;
        private List<CustomHttpHeader> customHeaders;
        private String transferId;
        private String messageId;

        private Builder() {
        }

        /** The payload as a file, streamed from disk; a missing file fails with SEND_FILE_NOT_FOUND. */
        public Builder file(Path value) {
            this.file = Objects.requireNonNull(value, "file");
            return this;
        }

        /** The payload as a stream, read once; the send closes it. */
        public Builder stream(InputStream value) {
            this.stream = Objects.requireNonNull(value, "stream");
            return this;
        }

        public Builder filename(String value) {
            this.filename = value;
            return this;
        }

        public Builder contentType(String value) {
            this.contentType = value;
            return this;
        }

        public Builder sourceContentType(String value) {
            this.sourceContentType = value;
            return this;
        }

        public Builder sourcePath(StoragePath value) {
            this.sourcePath = value;
            return this;
        }

        public Builder customHeaders(List<CustomHttpHeader> value) {
            this.customHeaders = value;
            return this;
        }

        public Builder transferId(String value) {
            this.transferId = value;
            return this;
        }

        public Builder messageId(String value) {
            this.messageId = value;
            return this;
        }

        public OutboundFile build() {
            return new OutboundFile(this);
        }
    }
}
