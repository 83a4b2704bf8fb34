package io.transferas2.as2;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One or more digests fed by the same bytes, so each byte is read once however many algorithms need it.
 *
 * <p>Optionally it also keeps shadows for the other {@link SignedForm}s of a signed part: the whole part with bare LF
 * counted as CRLF ({@link SignedForm#CRLF_EVERYWHERE}), and the header block so converted followed by the body as
 * received ({@link SignedForm#CRLF_HEADERS}). A shadow costs nothing until the first bare LF: only then are the
 * digests cloned and fed the converted bytes; the header-only shadow is cloned from it at the end of the header
 * block, and only when that block had a bare LF. The exact received bytes are always tried first.
 */
final class Digests {
    private static final byte[] CRLF = {'\r', '\n'};

    private final Map<MicAlgorithm, MessageDigest> digests = new EnumMap<>(MicAlgorithm.class);
    private final MessageDigest[] array;
    private boolean enabled = true;
    private boolean trackCanonical;
    private MessageDigest[] canonical;
    private MessageDigest[] headersOnly;
    private int previous = -1;
    private long count;
    private long firstBareLf = -1;
    private long headerEnd = -1;
    private int lineLength;
    private Map<MicAlgorithm, byte[]> results;
    private final Map<SignedForm, Map<MicAlgorithm, byte[]>> shadowResults = new EnumMap<>(SignedForm.class);

    Digests(Collection<MicAlgorithm> algorithms) {
        for (MicAlgorithm a : algorithms) {
            digests.computeIfAbsent(a, MicAlgorithm::newDigest);
        }
        array = digests.values().toArray(new MessageDigest[0]);
    }

    /** Also keeps the shadows of the other signed forms (see class comment) until {@link #stopCanonical(long)}. */
    Digests withCanonicalShadow() {
        trackCanonical = true;
        return this;
    }

    /**
     * No canonical form is needed for the body of the part (a binary or base64 part) whose header block ends after
     * {@code headerBytes}: stops converting, and drops a whole-part shadow that only differs in the body (read-ahead
     * may have created one already). A bare LF in the header block keeps both shadows; the header-only one, which
     * takes the body as received, only if its own end of the header block agrees with the reader's.
     */
    void stopCanonical(long headerBytes) {
        if (headersOnly != null && headerEnd != headerBytes) {
            headersOnly = null;
        }
        if (canonical == null || firstBareLf >= headerBytes) {
            trackCanonical = false;
            canonical = null;
        }
    }

    /** A text part: its whole canonical form covers a bare LF in the headers too, so no header-only form. */
    void textBody() {
        headersOnly = null;
    }

    void update(byte[] b, int off, int len) {
        if (!enabled || len <= 0) {
            return;
        }
        if (!trackCanonical) {
            for (MessageDigest d : array) {
                d.update(b, off, len);
            }
            if (headersOnly != null) {
                for (MessageDigest d : headersOnly) {
                    d.update(b, off, len);
                }
            }
            return;
        }
        int end = off + len;
        if (headerEnd < 0) {
            int blankLineEnd = findHeaderEnd(b, off, end);
            if (blankLineEnd >= 0) {
                updateWithShadow(b, off, blankLineEnd - off);
                headerEnd = count;
                if (canonical != null) {
                    // the header block had a bare LF: from here the header-only form takes the body as received
                    headersOnly = cloneAll(canonical);
                }
                updateWithShadow(b, blankLineEnd, end - blankLineEnd);
                return;
            }
        }
        updateWithShadow(b, off, len);
    }

    /** The index just after the LF of the first blank line (the end of a header block) in b[off, end), or -1. */
    private int findHeaderEnd(byte[] b, int off, int end) {
        int prev = previous;
        for (int i = off; i < end; i++) {
            if (b[i] == '\n') {
                if (lineLength == 0 || lineLength == 1 && prev == '\r') {
                    return i + 1;
                }
                lineLength = 0;
            } else {
                lineLength++;
            }
            prev = b[i];
        }
        return -1;
    }

    private void updateWithShadow(byte[] b, int off, int len) {
        if (len <= 0) {
            return;
        }
        int end = off + len;
        if (headersOnly != null) {
            for (MessageDigest d : headersOnly) {
                d.update(b, off, len);
            }
        }
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
                canonical = cloneAll(array);
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

    private static MessageDigest[] cloneAll(MessageDigest[] from) {
        MessageDigest[] copy = new MessageDigest[from.length];
        for (int k = 0; k < from.length; k++) {
            copy[k] = cloneOf(from[k]);
        }
        return copy;
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

    /** Finishes the digests of the received bytes; later calls return the same values. */
    Map<MicAlgorithm, byte[]> results() {
        if (results == null) {
            results = finish(array);
        }
        return results;
    }

    private Map<MicAlgorithm, byte[]> finish(MessageDigest[] from) {
        Map<MicAlgorithm, byte[]> done = new EnumMap<>(MicAlgorithm.class);
        MicAlgorithm[] keys = digests.keySet().toArray(new MicAlgorithm[0]);
        for (int k = 0; k < keys.length; k++) {
            done.put(keys[k], from[k].digest());
        }
        return done;
    }

    /**
     * The signed forms this content has, in {@link SignedForm} order: always {@link SignedForm#AS_RECEIVED}, then
     * each shadow that was kept. A shadow is finished only when {@link Candidates#get(int)} asks for it.
     */
    Candidates candidates() {
        results();
        List<SignedForm> forms = new ArrayList<>();
        forms.add(SignedForm.AS_RECEIVED);
        if (headersOnly != null) {
            forms.add(SignedForm.CRLF_HEADERS);
        }
        if (canonical != null) {
            forms.add(SignedForm.CRLF_EVERYWHERE);
        }
        return new Candidates(forms);
    }

    /** The candidate forms of one signed part and their digests, each finished on first use. */
    final class Candidates extends AbstractList<Map<MicAlgorithm, byte[]>> {
        private final List<SignedForm> forms;

        private Candidates(List<SignedForm> forms) {
            this.forms = List.copyOf(forms);
        }

        @Override
        public int size() {
            return forms.size();
        }

        SignedForm form(int index) {
            return forms.get(index);
        }

        /** How many shadow forms have been finished (asked for) so far: 0 when the received bytes verified. */
        int shadowsFinished() {
            return shadowResults.size();
        }

        @Override
        public Map<MicAlgorithm, byte[]> get(int index) {
            SignedForm form = forms.get(index);
            return switch (form) {
                case AS_RECEIVED -> results;
                case CRLF_HEADERS -> shadowResults.computeIfAbsent(form, f -> finish(headersOnly));
                case CRLF_EVERYWHERE -> shadowResults.computeIfAbsent(form, f -> finish(canonical));
            };
        }
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
