package io.transferas2.routes;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.transferas2.camel.TransferAs2Constants;

/**
 * The content of a {@code .mdn} file: the MDN as a MIME entity, its {@code Content-Type} header line (which carries
 * the multipart boundary), a blank line, then the body exactly as received or sent. So the file alone can be parsed
 * and its signature verified by any S/MIME tool, without the S3 object's metadata.
 */
public final class MdnFiles {
    private MdnFiles() {
    }

    /** The {@code .mdn} file for the MDN in {@code CamelTransferAs2Mdn} and {@code CamelTransferAs2MdnContentType}. */
    public static byte[] entity(Exchange exchange) {
        Message in = exchange.getMessage();
        byte[] body = in.getHeader(TransferAs2Constants.MDN, byte[].class);
        String contentType = in.getHeader(TransferAs2Constants.MDN_CONTENT_TYPE, String.class);
        if (body == null) {
            return null;
        }
        if (contentType == null || contentType.isBlank()) {
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + contentType.length() + 20);
        out.writeBytes(("Content-Type: " + contentType.replaceAll("[\\r\\n]+", " ") + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }
}
