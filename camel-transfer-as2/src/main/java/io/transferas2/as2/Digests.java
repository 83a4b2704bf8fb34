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

/**
 * One or more digests fed by the same bytes, so each byte is read once however many algorithms need it.
 *
 * <p>Optionally it also keeps a <em>canonical</em> shadow (bare LF counted as CRLF), for senders that sign the
 * RFC 5751 canonical form of a 7bit text part but transmit it with bare LFs (as2-lib does). The shadow costs nothing
 * until the first bare LF: only then are the digests cloned and fed the converted bytes. It is a fallback; the exact
 * received bytes are always tried first.
 */
final class Digests {
    private static final byte[] CRLF = {'\r', '\n'};

    private final Map<MicAlgorithm, MessageDigest> digests = new EnumMap<>(MicAlgorithm.class);
    private final MessageDigest[] array;
    private boolean enabled = true;
    private boolean trackCanonical;
    private MessageDigest[] canonical;
    private int previous = -1;
    private long count;
    private long firstBareLf = -1;
    private Map<MicAlgorithm, byte[]> results;
    private Map<MicAlgorithm, byte[]> canonicalResults;

    Digests(Collection<MicAlgorithm> algorithms) {
        for (MicAlgorithm a : algorithms) {
            digests.computeIfAbsent(a, MicAlgorithm::newDigest);
        }
        array = digests.values().toArray(new MessageDigest[0]);
    }

    /** Also keeps the canonical-form shadow (see class comment) until {@link #stopCanonical(long)}. */
    Digests withCanonicalShadow() {
        trackCanonical = true;
        return this;
    }

    /**
     * No canonical form is needed for the part's body (a binary or base64 part) whose header block ends after
     * {@code headerBytes}: stops scanning, and drops a shadow that only differs in the body (read-ahead may have
     * created one already). A bare LF in the header block itself keeps the shadow.
     */
    void stopCanonical(long headerBytes) {
        if (canonical == null || firstBareLf >= headerBytes) {
            trackCanonical = false;
            canonical = null;
        }
    }

    void update(byte[] b, int off, int len) {
        if (!enabled || len <= 0) {
            return;
        }
        if (trackCanonical) {
            updateWithShadow(b, off, len);
            return;
        }
        for (MessageDigest d : array) {
            d.update(b, off, len);
        }
    }

    private void updateWithShadow(byte[] b, int off, int len) {
        int end = off + len;
        if (canonical == null) {
            int prev = previous;
            int first = -1;
            for (int i = off; i < end; i++) {
                if (b[i] == '\n' && prev != '\r') {
                    first = i;
                    break;
                }
                prev = b[i];
            }
            if (first < 0) {
                for (MessageDigest d : array) {
                    d.update(b, off, len);
                }
            } else {
                // up to the first bare LF both forms are equal: clone the state there
                firstBareLf = count + (first - off);
                for (MessageDigest d : array) {
                    d.update(b, off, first - off);
                }
                canonical = new MessageDigest[array.length];
                for (int k = 0; k < array.length; k++) {
                    canonical[k] = cloneOf(array[k]);
                }
                for (MessageDigest d : array) {
                    d.update(b, first, end - first);
                }
                feedCanonical(b, first, end, -1);
            }
        } else {
            for (MessageDigest d : array) {
                d.update(b, off, len);
            }
            feedCanonical(b, off, end, previous);
        }
        previous = b[end - 1];
        count += len;
    }

    private void feedCanonical(byte[] b, int from, int end, int previousByte) {
        int prev = previousByte;
        int start = from;
        for (int i = from; i < end; i++) {
            if (b[i] == '\n' && prev != '\r') {
                for (MessageDigest d : canonical) {
                    d.update(b, start, i - start);
                    d.update(CRLF, 0, 2);
                }
                start = i + 1;
            }
            prev = b[i];
        }
        for (MessageDigest d : canonical) {
            d.update(b, start, end - start);
        }
    }

    private static MessageDigest cloneOf(MessageDigest d) {
        try {
            return (MessageDigest) d.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("digest " + d.getAlgorithm() + " cannot be cloned", e);
        }
    }

    /** Stops digesting (used when the bytes turn out not to need a MIC). */
    void disable() {
        enabled = false;
    }

    /** Finishes all digests; later calls return the same values. */
    Map<MicAlgorithm, byte[]> results() {
        if (results == null) {
            results = new EnumMap<>(MicAlgorithm.class);
            MicAlgorithm[] keys = digests.keySet().toArray(new MicAlgorithm[0]);
            if (canonical != null) {
                canonicalResults = new EnumMap<>(MicAlgorithm.class);
                for (int k = 0; k < keys.length; k++) {
                    canonicalResults.put(keys[k], canonical[k].digest());
                }
            }
            for (int k = 0; k < keys.length; k++) {
                results.put(keys[k], array[k].digest());
            }
        }
        return results;
    }

    /** The canonical-form digests, when the bytes had a bare LF and the shadow was kept; else null. */
    Map<MicAlgorithm, byte[]> canonicalResults() {
        results();
        return canonicalResults;
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
                return ReadByRange.skip(this, n);
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
