package io.transferas2.as2;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** One or more digests fed by the same bytes, so each byte is read once however many algorithms need it. */
final class Digests {
    private final Map<MicAlgorithm, MessageDigest> digests = new EnumMap<>(MicAlgorithm.class);
    private final MessageDigest[] array;
    private boolean enabled = true;
    private Map<MicAlgorithm, byte[]> results;

    Digests(Collection<MicAlgorithm> algorithms) {
        for (MicAlgorithm a : algorithms) {
            digests.computeIfAbsent(a, MicAlgorithm::newDigest);
        }
        array = digests.values().toArray(new MessageDigest[0]);
    }

    void update(byte[] b, int off, int len) {
        if (enabled) {
            for (MessageDigest d : array) {
                d.update(b, off, len);
            }
        }
    }

    /** Stops digesting (used when the bytes turn out not to need a MIC). */
    void disable() {
        enabled = false;
    }

    boolean contains(MicAlgorithm a) {
        return digests.containsKey(a);
    }

    /** Finishes all digests; later calls return the same values. */
    Map<MicAlgorithm, byte[]> results() {
        if (results == null) {
            results = new EnumMap<>(MicAlgorithm.class);
            digests.forEach((a, d) -> results.put(a, d.digest()));
        }
        return results;
    }

    InputStream tap(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int c = in.read();
                if (c >= 0) {
                    update(new byte[] {(byte) c}, 0, 1);
                }
                return c;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    update(b, off, n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                byte[] buf = new byte[(int) Math.min(n, 8192)];
                int r = read(buf, 0, buf.length);
                return Math.max(r, 0);
            }

            @Override
            public boolean markSupported() {
                return false;
            }
        };
    }

    OutputStream tap(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                update(b, off, len);
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }
}
