package io.transferas2.as2;

/** Content-Transfer-Encoding of the entities we build inside the S/MIME layers. */
public enum TransferEncoding {
    /** Raw bytes (the default): smallest and what most AS2 products send. */
    BINARY("binary"),
    /** Base64 with 76-character lines, for partners whose MIME stacks mangle binary parts. */
    BASE64("base64");

    private final String token;

    TransferEncoding(String token) {
        this.token = token;
    }

    /** The header value, e.g. {@code binary}. */
    public String token() {
        return token;
    }
}
