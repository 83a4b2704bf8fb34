package io.transferas2.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * The built AS2 message as an HTTP entity, streamed from its spool file: with Content-Length (the default; several
 * partners reject chunked requests) or chunked. Content-Type travels as a request header we set ourselves.
 */
final class SpooledEntity extends AbstractHttpEntity {
    private static final int BUFFER = 64 * 1024;

    private final Path file;
    private final long length;

    SpooledEntity(Path file, long length, boolean chunked) {
        super((String) null, null, chunked);
        this.file = file;
        this.length = length;
    }

    @Override
    public long getContentLength() {
        return isChunked() ? -1 : length;
    }

    @Override
    public InputStream getContent() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
        }
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void close() {
        // the spool file belongs to the OutboundMessage
    }
}
