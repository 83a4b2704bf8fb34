package io.transferas2.inbound;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Stream helpers of the receiver: a size limit, a bounded copy of the raw message, and a look at its first part. */
final class BodyStreams {
    private BodyStreams() {
    }

    /** Thrown when a body passes the configured maximum message size. */
    static final class MessageTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        MessageTooLargeException(long limit) {
            super("the message is larger than maxMessageSize (" + limit + " bytes)");
        }
    }

    /** Fails the read that passes {@code limit} bytes; remembers that it did. */
    static final class Bounded extends FilterInputStream {
        private final long limit;
        private long count;
        private boolean exceeded;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) throws MessageTooLargeException {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new MessageTooLargeException(limit);
            }
        }

        boolean exceeded() {
            return exceeded;
        }

        long count() {
            return count;
        }
    }

    /**
     * Copies what is read to a file, up to {@code limit} bytes; past that the copy is dropped, so a failed message
     * can be kept for the failed/ directory without doubling the disk use of large transfers.
     */
    static final class Spooling extends FilterInputStream {
        private final long limit;
        private Path file;
        private OutputStream out;
        private long written;

        Spooling(InputStream in, Path file, long limit) throws IOException {
            super(in);
            this.limit = limit;
            if (limit > 0) {
                this.file = file;
                this.out = Files.newOutputStream(file);
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                copy(b, off, n);
            }
            return n;
        }

        private void copy(byte[] b, int off, int n) {
            if (out == null) {
                return;
            }
            if (written + n > limit) {
                discard();
                return;
            }
            try {
                out.write(b, off, n);
                written += n;
            } catch (IOException e) {
                discard();
            }
        }

        /** The copy, complete up to what was read, or null when it passed the limit; the caller owns it. */
        Path finish() {
            if (out == null) {
                return null;
            }
            try {
                out.close();
            } catch (IOException e) {
                discard();
                return null;
            }
            out = null;
            return file;
        }

        void discard() {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException e) {
                    // deleting it anyway
                }
                out = null;
            }
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // best effort
                }
                file = null;
            }
        }
    }

    /**
     * True when a {@code multipart/signed} body signs a {@code multipart/report}: an MDN, not a payload. Looks at the
     * first part's headers within the first 16 KiB and rewinds.
     */
    static boolean signsReport(BufferedInputStream body) throws IOException {
        int window = 16 * 1024;
        body.mark(window + 1);
        byte[] head = body.readNBytes(window);
        body.reset();
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("--");
        if (start < 0) {
            return false;
        }
        int headers = text.indexOf('\n', start);
        if (headers < 0) {
            return false;
        }
        int end = text.indexOf("\r\n\r\n", headers);
        int endLf = text.indexOf("\n\n", headers);
        if (end < 0 || endLf >= 0 && endLf < end) {
            end = endLf;
        }
        String block = (end < 0 ? text.substring(headers) : text.substring(headers, end))
                .toLowerCase(Locale.ROOT).replaceAll("\r?\n[ \t]+", " ");
        for (String line : block.split("\r?\n")) {
            if (line.startsWith("content-type:") && line.contains("multipart/report")) {
                return true;
            }
        }
        return false;
    }

    /** Reads a small body fully into {@code file}; fails past {@code limit} bytes. */
    static void spoolSmall(InputStream in, Path file, int limit) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > limit) {
                    throw new MessageTooLargeException(limit);
                }
                out.write(buf, 0, n);
            }
        }
    }
}
