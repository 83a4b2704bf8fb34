package io.transferas2.as2;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

/** Reads the second part of a multipart/signed entity: the detached CMS signature, bounded in size. */
final class SignaturePart {
    private SignaturePart() {
    }

    static byte[] read(MimeInput in, As2Limits limits) throws IOException {
        MimeHeaders headers = HeaderReader.startsWithHeaders(in) ? HeaderReader.read(in, limits) : MimeHeaders.NONE;
        String cte = headers.get("Content-Transfer-Encoding");
        InputStream body = in;
        if (cte == null) {
            // IBM Sterling and OpenAS2 send raw DER (sometimes without a CTE); anything else without one is base64
            in.fill(1);
            if (in.peek(0) != 0x30) {
                body = Base64.getMimeDecoder().wrap(in);
            }
        } else if (headers.transferEncoding().equals("base64")) {
            body = Base64.getMimeDecoder().wrap(in);
        }
        return OutputStreams.readBounded(body, limits.maxSignatureBytes(), "signature part");
    }
}
