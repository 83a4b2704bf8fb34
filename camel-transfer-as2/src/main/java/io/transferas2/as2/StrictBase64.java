package io.transferas2.as2;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

/**
 * Decodes a base64 Content-Transfer-Encoding strictly: line breaks and blanks between the characters are skipped,
 * anything else outside the base64 alphabet (and data after the padding) fails the message with
 * {@code decoding-error} instead of being dropped, which the JDK's MIME decoder does and which turned garbage into a
 * payload that was acknowledged.
 */
final class StrictBase64 {
    private StrictBase64() {
    }

    static InputStream decoding(InputStream encoded) {
        InputStream decoded = Base64.getDecoder().wrap(new AlphabetOnly(encoded));
        return new FilterInputStream(decoded) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw classify(e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (IOException e) {
                    throw classify(e);
                }
            }
        };
    }

    private static IOException classify(IOException e) {
        if (e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("base64")) {
            throw failure("the base64 content does not decode: " + e.getMessage(), e);
        }
        return e;
    }

    static As2Exception failure(String message, Throwable cause) {
        return new As2Exception(As2FailureCode.INVALID_REQUEST, DispositionModifier.DECODING_ERROR, message, cause);
    }

    /** Passes the base64 alphabet and '=', drops CR, LF, space and tab, and fails on any other byte. */
    private static final class AlphabetOnly extends FilterInputStream {
        AlphabetOnly(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c;
            do {
                c = super.read();
            } while (c == '\r' || c == '\n' || c == ' ' || c == '\t');
            if (c >= 0) {
                check(c);
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (true) {
                int n = super.read(b, off, len);
                if (n <= 0) {
                    return n;
                }
                int kept = 0;
                for (int i = 0; i < n; i++) {
                    int c = b[off + i] & 0xff;
                    if (c == '\r' || c == '\n' || c == ' ' || c == '\t') {
                        continue;
                    }
                    check(c);
                    b[off + kept++] = (byte) c;
                }
                if (kept > 0) {
                    return kept;
                }
            }
        }

        private static void check(int c) {
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                    || c == '=';
            if (!ok) {
                throw failure("the base64 content holds a character outside the base64 alphabet (byte 0x"
                        + Integer.toHexString(c) + ")", null);
            }
        }
    }
}
