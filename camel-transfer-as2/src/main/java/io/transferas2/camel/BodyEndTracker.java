package io.transferas2.camel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body stream that notes when the client's body has been read to its end, so the receiver knows whether
 * the connection can be kept (an unread rest would be taken for the next request).
 */
final class BodyEndTracker extends FilterInputStream {
    private final boolean closeSource;
    private boolean ended;

    /** @param closeSource false when the HTTP container owns the stream and closes it itself */
    BodyEndTracker(InputStream in, boolean closeSource) {
        super(in);
        this.closeSource = closeSource;
    }

    boolean ended() {
        return ended;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        ended |= b < 0;
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        ended |= n < 0;
        return n;
    }

    @Override
    public void close() throws IOException {
        if (closeSource) {
            super.close();
        }
    }
}
