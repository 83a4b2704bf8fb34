package io.transferas2.as2;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** A built MDN: a small body held in memory and its Content-Type, ready for an HTTP response or POST. */
public final class Mdn {
    private final byte[] body;
    private final String contentType;
    private final boolean signed;
    private final Disposition disposition;

    Mdn(byte[] body, String contentType, boolean signed, Disposition disposition) {
        this.body = body;
        this.contentType = contentType;
        this.signed = signed;
        this.disposition = disposition;
    }

    public byte[] body() {
        return body.clone();
    }

    public InputStream openBody() {
        return new ByteArrayInputStream(body);
    }

    public int length() {
        return body.length;
    }

    public String contentType() {
        return contentType;
    }

    public boolean signed() {
        return signed;
    }

    public Disposition disposition() {
        return disposition;
    }

    @Override
    public String toString() {
        return "Mdn[" + disposition + ", signed=" + signed + ", " + body.length + " bytes]";
    }
}
