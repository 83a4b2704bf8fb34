package io.transferas2.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The console's users: {@code name:role:hash} entries separated by commas, role {@code admin} (may act) or
 * {@code read-only} (may look), hash made by {@link PasswordHashes}. The hash may be a secret placeholder
 * ({@code {{env:...}}} is resolved by Camel before this sees it).
 */
public final class ConsoleUsers {
    /** What a user may do. */
    public enum Role {
        ADMIN, READ_ONLY;

        static Role parse(String value) {
            return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "admin" -> ADMIN;
                case "read-only", "readonly", "read_only" -> READ_ONLY;
                default -> throw new IllegalArgumentException("console user role must be admin or read-only, not '"
                        + value + "'");
            };
        }

        public String label() {
            return this == ADMIN ? "admin" : "read-only";
        }
    }

    private record User(Role role, String hash) {
    }

    /** A hash compared when the user name is unknown, so timing does not tell which names exist. */
    private static final String DUMMY = PasswordHashes.hash("not a password".toCharArray());

    private final Map<String, User> users;

    private ConsoleUsers(Map<String, User> users) {
        this.users = users;
    }

    /**
     * Parses the entries.
     *
     * @param resolve resolves a hash given as a secret reference (identity when none)
     * @throws IllegalArgumentException for a malformed entry; the message never contains the hash
     */
    public static ConsoleUsers parse(String spec, UnaryOperator<String> resolve) {
        Map<String, User> users = new LinkedHashMap<>();
        if (spec != null) {
            int n = 0;
            for (String entry : spec.split(",")) {
                n++;
                if (entry.isBlank()) {
                    continue;
                }
                String[] p = entry.strip().split(":", 3);
                if (p.length != 3 || p[0].isBlank()) {
                    throw new IllegalArgumentException("console user entry " + n + " is not name:role:hash");
                }
                String hash = resolve.apply(p[2].strip());
                if (!PasswordHashes.isHash(hash)) {
                    throw new IllegalArgumentException("console user " + p[0].strip() + ": the password must be"
                            + " given as a hash made by io.transferas2.console.PasswordHashes (pbkdf2-sha256$...)");
                }
                users.put(p[0].strip(), new User(Role.parse(p[1]), hash));
            }
        }
        return new ConsoleUsers(users);
    }

    public boolean isEmpty() {
        return users.isEmpty();
    }

    public int size() {
        return users.size();
    }

    /** The user's role when the password is right. */
    public Optional<Role> authenticate(String name, char[] password) {
        User user = name == null ? null : users.get(name);
        boolean ok = PasswordHashes.verify(user == null ? DUMMY : user.hash(), password);
        return ok && user != null ? Optional.of(user.role()) : Optional.empty();
    }

    @Override
    public String toString() {
        return users.size() + " console user(s)";
    }
}
