package io.transferas2.as2;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A built AS2 message spooled to a temp file: POST {@link #openBody()} with {@link #headers()} (always Content-Type;
 * for unencrypted, unsigned messages also the payload's Content-Disposition) and Content-Length {@link #length()}.
 * Owns the file: {@link #close()} deletes it.
 */
public final class OutboundMessage implements AutoCloseable {
    private Path file;
    private final long length;
    private final Map<String, String> headers;
    private final Mic mic;
    private final boolean signed;
    private final boolean encrypted;
    private final boolean compressed;

    OutboundMessage(Path file, long length, Map<String, String> headers, Mic mic, boolean signed, boolean encrypted,
                    boolean compressed) {
        this.file = file;
        this.length = length;
        this.headers = Map.copyOf(headers);
        this.mic = mic;
        this.signed = signed;
        this.encrypted = encrypted;
        this.compressed = compressed;
    }

    /** The spooled HTTP body. */
    public Path file() {
        if (file == null) {
            throw new IllegalStateException("the message was closed");
        }
        return file;
    }

    public InputStream openBody() throws IOException {
        return Files.newInputStream(file());
    }

    /** The body length, for Content-Length. */
    public long length() {
        return length;
    }

    /** The full Content-Type value, e.g. {@code application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m}. */
    public String contentType() {
        return headers.get("Content-Type");
    }

    /** The entity headers that must travel as HTTP headers. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The MIC to compare with the MDN's Received-Content-MIC. */
    public Mic mic() {
        return mic;
    }

    public boolean signed() {
        return signed;
    }

    public boolean encrypted() {
        return encrypted;
    }

    public boolean compressed() {
        return compressed;
    }

    @Override
    public void close() {
        TempFiles.deleteQuietly(file);
        file = null;
    }

    @Override
    public String toString() {
        return "OutboundMessage[length=" + length + ", contentType=" + contentType() + ", mic=" + mic + "]";
    }
}
