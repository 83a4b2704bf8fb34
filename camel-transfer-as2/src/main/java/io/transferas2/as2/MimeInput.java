package io.transferas2.as2;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A buffered input stream that can look ahead: the MIME readers peek at header lines and multipart delimiters
 * without consuming them. Bytes pass through exactly once, so a digest on the underlying stream sees each byte once.
 */
final class MimeInput extends InputStream {
    static final int BUFFER_SIZE = 64 * 1024;

    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int lim;
    private boolean eof;
    private long consumed;

    MimeInput(InputStream in) {
        this(in, BUFFER_SIZE);
    }

    MimeInput(InputStream in, int size) {
        this.in = in;
        this.buf = new byte[size];
    }

    /** Ensures at least {@code min} unread bytes are buffered, unless the stream ends first; returns what is there. */
    int fill(int min) throws IOException {
        if (min > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(min, buf.length * 2));
        }
        if (pos == lim) {
            pos = 0;
            lim = 0;
        }
        while (lim - pos < min && !eof) {
            // keep reads large: compact when little room is left at the end
            if (buf.length - lim < Math.max(min - (lim - pos), buf.length / 4)) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            }
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                eof = true;
            } else {
                lim += n;
            }
        }
        return lim - pos;
    }

    /** Buffered bytes available without blocking. */
    int buffered() {
        return lim - pos;
    }

    /** True when the source has ended; then {@link #buffered()} bytes are all that remain. */
    boolean sourceEnded() {
        return eof;
    }

    /** The byte {@code offset} positions ahead, or -1 past the end of what {@link #fill(int)} buffered. */
    int peek(int offset) {
        int i = pos + offset;
        return i < lim ? buf[i] & 0xff : -1;
    }

    byte[] array() {
        return buf;
    }

    int position() {
        return pos;
    }

    int limit() {
        return lim;
    }

    void skipBuffered(int n) {
        if (n > lim - pos) {
            throw new IllegalArgumentException("skip past buffer");
        }
        pos += n;
        consumed += n;
    }

    /** Bytes handed to the reader so far (not counting what is buffered ahead). */
    long consumed() {
        return consumed;
    }

    @Override
    public int read() throws IOException {
        if (pos >= lim && fill(1) == 0) {
            return -1;
        }
        consumed++;
        return buf[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos >= lim) {
            if (eof) {
                return -1;
            }
            if (len >= buf.length) {
                // large reads bypass the buffer
                int n = in.read(b, off, len);
                if (n < 0) {
                    eof = true;
                } else {
                    consumed += n;
                }
                return n;
            }
            if (fill(1) == 0) {
                return -1;
            }
        }
        int n = Math.min(len, lim - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        consumed += n;
        return n;
    }

    @Override
    public int available() {
        return lim - pos;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
