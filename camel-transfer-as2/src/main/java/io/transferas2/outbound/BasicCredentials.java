package io.transferas2.outbound;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import io.transferas2.model.TransferJson;

/**
 * A user name and password for {@code Authorization: Basic} (RFC 7617). Parsed from AWS's secret shape
 * {@code {"Username": "...", "Password": "..."}} or from {@code user:password}. The password never appears in
 * {@link #toString()} or in exception messages.
 */
public final class BasicCredentials {
    private final String username;
    private final String password;

    public BasicCredentials(String username, String password) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        if (username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a Basic auth user name must not contain ':'");
        }
    }

    /**
     * Reads a secret value: AWS's JSON form or {@code user:password}.
     *
     * @throws IllegalArgumentException naming the problem, never the value
     */
    public static BasicCredentials parse(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the Basic auth secret is empty");
        }
        String s = secret.trim();
        if (s.startsWith("{")) {
            JsonNode node;
            try {
                node = TransferJson.json().readTree(s);
            } catch (Exception e) {
                throw new IllegalArgumentException("the Basic auth secret is not valid JSON");
            }
            JsonNode user = node.get("Username");
            JsonNode pass = node.get("Password");
            if (user == null || pass == null || !user.isTextual() || !pass.isTextual()) {
                throw new IllegalArgumentException("the Basic auth secret must have the string fields Username and"
                        + " Password");
            }
            return new BasicCredentials(user.asText(), pass.asText());
        }
        int colon = s.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("the Basic auth secret must be {\"Username\":..,\"Password\":..} or"
                    + " user:password");
        }
        return new BasicCredentials(s.substring(0, colon), s.substring(colon + 1));
    }

    public String username() {
        return username;
    }

    /** The {@code Authorization} header value. */
    public String headerValue() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BasicCredentials[" + username + ", ****]";
    }
}
