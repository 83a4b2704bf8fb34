package io.transferas2.model;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The five AWS Transfer Family resource kinds of the AS2 model, with their ID formats and ARN resource types.
 */
public enum ResourceKind {
    CERTIFICATE("cert-", "certificate", "Certificate"),
    PROFILE("p-", "profile", "Profile"),
    CONNECTOR("c-", "connector", "Connector"),
    AGREEMENT("a-", "agreement", "Agreement"),
    SERVER("s-", "server", "Server");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int HEX_DIGITS = 17;

    private final String idPrefix;
    private final String arnType;
    private final String displayName;
    private final Pattern idPattern;

    ResourceKind(String idPrefix, String arnType, String displayName) {
        this.idPrefix = idPrefix;
        this.arnType = arnType;
        this.displayName = displayName;
        this.idPattern = Pattern.compile(Pattern.quote(idPrefix) + "[0-9a-f]{" + HEX_DIGITS + "}");
    }

    /** A new ID in AWS's format: the kind's prefix followed by 17 lowercase hex characters. */
    public String newId() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return idPrefix + HexFormat.of().formatHex(bytes).substring(0, HEX_DIGITS);
    }

    public boolean isValidId(String id) {
        return id != null && idPattern.matcher(id).matches();
    }

    public String idPrefix() {
        return idPrefix;
    }

    /** The resource type inside an ARN, e.g. {@code connector} in {@code arn:aws:transfer:...:connector/c-...}. */
    public String arnType() {
        return arnType;
    }

    /** The AWS name of the kind, also the wrapper key of its describe output, e.g. {@code Connector}. */
    public String displayName() {
        return displayName;
    }

    /** The AWS field holding the ID, e.g. {@code ConnectorId}. */
    public String idField() {
        return displayName + "Id";
    }

    public String idPatternText() {
        return idPattern.pattern();
    }
}
