package io.transferas2.as2;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a multipart body into parts as streams, without copying or rewriting a byte: a part ends right before the
 * line break (CRLF or bare LF) that precedes its {@code --boundary} delimiter, exactly as RFC 2046 defines it. The
 * signed part of a {@code multipart/signed} entity is therefore delivered byte for byte as it was signed.
 */
final class MultipartReader {
    private final MimeInput in;
    private final byte[] delimiter;
    private final long maxPreamble;
    private boolean started;
    private boolean closed;
    private boolean truncated;
    private PartStream current;

    MultipartReader(MimeInput in, String boundary, long maxPreamble) {
        this.in = in;
        this.delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.maxPreamble = maxPreamble;
    }

    /** The next part, or null after the close delimiter (or at the end of input, for truncated bodies). */
    InputStream nextPart() throws IOException {
        if (current != null) {
            current.transferTo(OutputStreams.NULL);
        }
        if (!started) {
            started = true;
            skipPreamble();
        }
        if (closed) {
            return null;
        }
        current = new PartStream();
        return current;
    }

    private void skipPreamble() throws IOException {
        // a delimiter at the very start has no preceding line break
        in.fill(delimiter.length + 4);
        if (matchesAt(in.position())) {
            int after = delimiterEnd(in.position());
            if (after >= 0) {
                in.skipBuffered(after - in.position());
                consumeDelimiterLine();
                return;
            }
        }
        PartStream preamble = new PartStream();
        long skipped = 0;
        byte[] sink = new byte[8192];
        int n;
        while ((n = preamble.read(sink)) > 0) {
            skipped += n;
            if (skipped > maxPreamble) {
                throw Failures.invalidRequest("no multipart boundary within " + maxPreamble + " bytes");
            }
        }
        if (truncated) {
            throw Failures.invalidRequest("multipart boundary not found");
        }
    }

    private boolean matchesAt(int i) {
        byte[] b = in.array();
        if (i + delimiter.length > in.limit()) {
            return false;
        }
        for (int k = 0; k < delimiter.length; k++) {
            if (b[i + k] != delimiter[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * For a delimiter match at {@code i}: the index after the delimiter when it really is one (followed by "--",
     * whitespace, a line break or the end of input), -1 when it is only a prefix of longer text, -2 when more input
     * is needed to decide.
     */
    private int delimiterEnd(int i) {
        int after = i + delimiter.length;
        int c = after < in.limit() ? in.array()[after] & 0xff : -1;
        if (c < 0) {
            return in.sourceEnded() ? after : -2;
        }
        if (c == '-' || c == '\r' || c == '\n' || c == ' ' || c == '\t') {
            return after;
        }
        return -1;
    }

    /** After a delimiter: detect "--" (close), skip transport padding and the line break. */
    private void consumeDelimiterLine() throws IOException {
        in.fill(2);
        if (in.peek(0) == '-' && in.peek(1) == '-') {
            closed = true;
            in.skipBuffered(2);
        }
        while (true) {
            if (in.fill(1) == 0) {
                return;
            }
            int c = in.peek(0);
            in.skipBuffered(1);
            if (c == '\n') {
                return;
            }
            if (closed && c != ' ' && c != '\t' && c != '\r') {
                // epilogue text on the close delimiter line: ignore the rest
                continue;
            }
        }
    }

    /** Streams one part, stopping before the line break that precedes the next delimiter. */
    private final class PartStream extends InputStream {
        private boolean ended;

        @Override
        public int read() throws IOException {
            return ReadByRange.readOne(this);
        }

        @Override
        public int read(byte[] dst, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            while (true) {
                int available = in.fill(delimiter.length + 4);
                if (available == 0) {
                    // truncated body: the part ends with the input
                    ended = true;
                    closed = true;
                    truncated = true;
                    return -1;
                }
                byte[] b = in.array();
                int p = in.position();
                int l = in.limit();
                int stop = Math.min(l, p + len + 2);
                int i = p;
                int safe = -1;
                while (i < stop) {
                    if (b[i] == '\n') {
                        if (!matchesAt(i + 1)) {
                            if (i + 1 + delimiter.length <= l || in.sourceEnded()) {
                                i++;
                                continue;
                            }
                            safe = i;
                            break;
                        }
                        int end = delimiterEnd(i + 1);
                        if (end == -1) {
                            i++;
                            continue;
                        }
                        if (end == -2) {
                            safe = i;
                            break;
                        }
                        int contentEnd = i > p && b[i - 1] == '\r' ? i - 1 : i;
                        int n = contentEnd - p;
                        if (n > 0) {
                            n = Math.min(n, len);
                            System.arraycopy(b, p, dst, off, n);
                            in.skipBuffered(n);
                            return n;
                        }
                        in.skipBuffered(end - p);
                        ended = true;
                        consumeDelimiterLine();
                        return -1;
                    }
                    i++;
                }
                int n;
                if (safe >= 0) {
                    n = safe > p && b[safe - 1] == '\r' ? safe - 1 - p : safe - p;
                } else {
                    n = i - p;
                    // keep a trailing CR: it may start the CRLF before a delimiter
                    if (n > 0 && b[p + n - 1] == '\r' && !in.sourceEnded()) {
                        n--;
                    }
                }
                n = Math.min(n, len);
                if (n > 0) {
                    System.arraycopy(b, p, dst, off, n);
                    in.skipBuffered(n);
                    return n;
                }
                if (in.sourceEnded()) {
                    // only a lone CR or an undecidable tail is left and no more input will come
                    int rest = Math.min(in.buffered(), len);
                    System.arraycopy(b, p, dst, off, rest);
                    in.skipBuffered(rest);
                    return rest;
                }
                // need more lookahead than is buffered: grow the window
                in.fill(in.buffered() + delimiter.length + 4);
            }
        }
    }
}
