package io.transferas2.as2;

import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads the second part of a multipart/signed entity: the detached CMS signature, bounded in size. Base64 text is
 * read whole (it is a few KB) and decoded in one call: the JDK's decoding stream costs several times more per byte,
 * which the benchmark's profile showed as 8 % of a receiver's CPU for a 10 KB message.
 */
final class SignaturePart {
    private SignaturePart() {
    }

    static byte[] read(MimeInput in, As2Limits limits) throws IOException {
        MimeHeaders headers = HeaderReader.startsWithHeaders(in) ? HeaderReader.read(in, limits) : MimeHeaders.NONE;
        String cte = headers.get("Content-Transfer-Encoding");
        boolean base64;
        if (cte == null) {
            // IBM Sterling and OpenAS2 send raw DER (sometimes without a CTE); anything else without one is base64
            in.fill(1);
            base64 = in.peek(0) != 0x30;
        } else {
            base64 = headers.transferEncoding().equals("base64");
        }
        int max = limits.maxSignatureBytes();
        if (!base64) {
            return restoreFinalCr(OutputStreams.readBounded(in, max, "signature part"));
        }
        // base64 with line breaks takes at most 4/3 of the bytes plus 2 per 64-character line: twice is plenty
        byte[] text = OutputStreams.readBounded(in, (int) Math.min(Integer.MAX_VALUE - 8, 2L * max + 1024),
                "signature part");
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("the signature part is not valid base64: " + e.getMessage(), e);
        }
        if (der.length > max) {
            throw Failures.invalidRequest("signature part larger than " + max + " bytes (maxSignatureBytes)");
        }
        return der;
    }

    /**
     * Raw DER that ends in byte 0x0D, followed by the LF of the next delimiter, loses that byte: RFC 2046 gives the
     * CRLF before a delimiter to the delimiter. DER states its own length, so a block exactly one byte short of it
     * gets its CR back (no other byte can be taken); anything else is left for the parser to reject.
     */
    static byte[] restoreFinalCr(byte[] der) {
        long declared = declaredLength(der);
        if (declared != der.length + 1L) {
            return der;
        }
        byte[] restored = Arrays.copyOf(der, der.length + 1);
        restored[der.length] = '\r';
        return restored;
    }

    /** Header plus content length of the DER element at the start, or -1 when the header is not a definite one. */
    private static long declaredLength(byte[] der) {
        if (der.length < 2) {
            return -1;
        }
        int first = der[1] & 0xff;
        if (first < 0x80) {
            return 2L + first;
        }
        int octets = first & 0x7f;
        if (octets == 0 || octets > 4 || der.length < 2 + octets) {
            return -1;
        }
        long length = 0;
        for (int i = 0; i < octets; i++) {
            length = (length << 8) | (der[2 + i] & 0xff);
        }
        return 2L + octets + length;
    }
}
