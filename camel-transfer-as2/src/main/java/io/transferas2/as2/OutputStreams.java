package io.transferas2.as2;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Small stream helpers. */
final class OutputStreams {
    static final OutputStream NULL = OutputStream.nullOutputStream();
    static final int COPY_BUFFER = 64 * 1024;

    private OutputStreams() {
    }

    /** A view of {@code out} whose close() only flushes, so a wrapping encoder can be closed without closing it. */
    static OutputStream nonClosing(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    /** Copies everything with a large buffer; returns the byte count. */
    static long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[COPY_BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            total += n;
        }
        return total;
    }

    /** Reads at most {@code max} bytes; more fails with the given message. For small parts only. */
    static byte[] readBounded(InputStream in, int max, String what) throws IOException {
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream(Math.min(max, 8192));
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (bos.size() + n > max) {
                throw Failures.invalidRequest(what + " larger than " + max + " bytes (maxSignatureBytes)");
            }
            bos.write(buf, 0, n);
        }
        return bos.toByteArray();
    }
}
