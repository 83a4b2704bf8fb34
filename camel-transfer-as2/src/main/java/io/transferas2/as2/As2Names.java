package io.transferas2.as2;

/**
 * The one rule for AS2-From and AS2-To values, RFC 4130 section 6.2: an atomic name (1 to 128 printable ASCII
 * characters other than space, {@code "} and {@code \}) is written as it is; a name with a space, a double quote or
 * a backslash is written as a quoted string, with {@code "} and {@code \} escaped by a backslash. Commas and
 * {@code =} are atom characters. Anything else (non-ASCII, control characters, tab, more than 128 characters) cannot
 * be written and is refused.
 */
public final class As2Names {
    /** RFC 4130: 1*128 characters. */
    public static final int MAX_LENGTH = 128;

    private As2Names() {
    }

    /**
     * The header value for an AS2 name.
     *
     * @throws IllegalArgumentException when the name cannot be written (see class comment)
     */
    public static String format(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an AS2 name has 1 to " + MAX_LENGTH + " characters (RFC 4130 6.2), "
                    + (name == null || name.isEmpty() ? "got none" : "got " + name.length()));
        }
        boolean atom = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("AS2 name '" + printable(name) + "' has a character outside "
                        + "printable ASCII at position " + (i + 1) + " (RFC 4130 6.2)");
            }
            atom &= c != ' ' && c != '"' && c != '\\';
        }
        if (atom) {
            return name;
        }
        StringBuilder quoted = new StringBuilder(name.length() + 4).append('"');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }

    /**
     * The AS2 name in a received header value: a quoted string is unquoted and unescaped, an atom taken as it is
     * (surrounding white space ignored). Null or blank gives null.
     */
    public static String parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
            StringBuilder name = new StringBuilder(v.length());
            for (int i = 1; i < v.length() - 1; i++) {
                char c = v.charAt(i);
                if (c == '\\' && i + 1 < v.length() - 1) {
                    c = v.charAt(++i);
                }
                name.append(c);
            }
            v = name.toString();
        }
        return v.isEmpty() ? null : v;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(60).forEach(c -> {
            if (c >= 0x20 && c <= 0x7E) {
                b.appendCodePoint(c);
            } else {
                b.append(String.format("\\u%04X", c));
            }
        });
        return b.toString();
    }
}
