package io.transferas2.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The access key pairs the API accepts, parsed from {@code AccessKeyId:SecretAccessKey[,...]}. The secrets are never
 * part of {@link #toString()} or of an error message.
 */
public final class AccessKeys {
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9]{4,128}");

    private final Map<String, byte[]> secrets;
    private final Set<String> readOnly;

    private AccessKeys(Map<String, byte[]> secrets, Set<String> readOnly) {
        this.secrets = secrets;
        this.readOnly = readOnly;
    }

    /**
     * Parses the configured pairs; {@code resolver} resolves secrets still given as placeholders. Read-only key IDs
     * must be among the pairs, so a typo cannot leave a key with write access.
     */
    public static AccessKeys parse(String pairs, String readOnlyIds, UnaryOperator<String> resolver) {
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        if (pairs != null && !pairs.isBlank()) {
            for (String pair : pairs.split(",")) {
                String trimmed = pair.trim();
                int colon = trimmed.indexOf(':');
                if (colon <= 0 || colon == trimmed.length() - 1) {
                    throw new IllegalArgumentException("accessKeys: each entry must be AccessKeyId:SecretAccessKey"
                            + " (entry " + (secrets.size() + 1) + " is not)");
                }
                String id = trimmed.substring(0, colon);
                if (!KEY_ID.matcher(id).matches()) {
                    throw new IllegalArgumentException("accessKeys: '" + id + "' is not an access key ID (4-128"
                            + " letters and digits)");
                }
                String secret = resolver.apply(trimmed.substring(colon + 1));
                if (secret == null || secret.isEmpty()) {
                    throw new IllegalArgumentException("accessKeys: the secret of " + id + " is empty");
                }
                if (secrets.put(id, ("AWS4" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8)) != null) {
                    throw new IllegalArgumentException("accessKeys: " + id + " is listed twice");
                }
            }
        }
        Set<String> readOnly = new LinkedHashSet<>();
        if (readOnlyIds != null && !readOnlyIds.isBlank()) {
            Arrays.stream(readOnlyIds.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(id -> {
                if (!secrets.containsKey(id)) {
                    throw new IllegalArgumentException("readOnlyAccessKeys: " + id + " is not one of accessKeys");
                }
                readOnly.add(id);
            });
        }
        return new AccessKeys(Collections.unmodifiableMap(secrets), Collections.unmodifiableSet(readOnly));
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    /** {@code "AWS4" + secret}, the key the SigV4 signing-key derivation starts from; empty for an unknown ID. */
    Optional<byte[]> signingSeed(String accessKeyId) {
        return Optional.ofNullable(secrets.get(accessKeyId)).map(byte[]::clone);
    }

    public boolean isReadOnly(String accessKeyId) {
        return readOnly.contains(accessKeyId);
    }

    /** The configured key IDs. */
    public Set<String> ids() {
        return secrets.keySet();
    }

    @Override
    public String toString() {
        return "AccessKeys" + secrets.keySet() + (readOnly.isEmpty() ? "" : " read-only" + readOnly);
    }
}
