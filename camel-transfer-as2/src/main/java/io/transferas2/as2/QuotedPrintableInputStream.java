package io.transferas2.as2;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/** Decodes quoted-printable (RFC 2045 section 6.7), rarely used in AS2 but legal for text payloads. */
final class QuotedPrintableInputStream extends FilterInputStream {

    QuotedPrintableInputStream(InputStream in) {
        super(new PushbackInputStream(in, 2));
    }

    @Override
    public int read() throws IOException {
        PushbackInputStream p = (PushbackInputStream) in;
        while (true) {
            int c = p.read();
            if (c != '=') {
                return c;
            }
            int h1 = p.read();
            if (h1 == '\r') {
                int lf = p.read();
                if (lf != '\n' && lf >= 0) {
                    p.unread(lf);
                }
                continue;
            }
            if (h1 == '\n') {
                continue;
            }
            int h2 = p.read();
            int v1 = Character.digit(h1, 16);
            int v2 = Character.digit(h2, 16);
            if (v1 < 0 || v2 < 0) {
                // not an escape: keep the text as is
                if (h2 >= 0) {
                    p.unread(h2);
                }
                if (h1 >= 0) {
                    p.unread(h1);
                }
                return '=';
            }
            return (v1 << 4) | v2;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int i = 0;
        while (i < len) {
            int c = read();
            if (c < 0) {
                return i == 0 ? -1 : i;
            }
            b[off + i++] = (byte) c;
            if (i > 0 && in.available() == 0) {
                break;
            }
        }
        return i;
    }

    @Override
    public long skip(long n) throws IOException {
        long k = 0;
        while (k < n && read() >= 0) {
            k++;
        }
        return k;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
