package io.transferas2.camel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.util.SensitiveUtils;

/**
 * Which property names hold secrets, and the secrets themselves, so consoles can mask them. Camel's own list matches
 * the last name segment exactly ({@code secretkey}, {@code token}, ...), which misses {@code access-keys} and
 * {@code key-encryption-password}; a name here is sensitive when Camel says so or when its last segment contains one of
 * the words below.
 */
final class SensitiveProperties {
    static final String MASK = "xxxxxx";
    /** Shorter values are not masked wherever they appear: they would blank out unrelated text. */
    private static final int MIN_VALUE_LENGTH = 4;
    private static final List<String> WORDS = List.of("secret", "password", "passphrase", "passwd", "token",
            "accesskey", "privatekey", "credential", "apikey");

    private SensitiveProperties() {
    }

    static boolean isSensitive(String name) {
        if (name == null) {
            return false;
        }
        if (SensitiveUtils.containsSensitive(name)) {
            return true;
        }
        int dot = name.lastIndexOf('.');
        String last = (dot < 0 ? name : name.substring(dot + 1)).toLowerCase(Locale.ROOT).replace("-", "")
                .replace("_", "");
        return WORDS.stream().anyMatch(last::contains);
    }

    /** The values (as written and as resolved) of every sensitive property Camel knows. */
    static Set<String> values(CamelContext context) {
        Set<String> values = new LinkedHashSet<>();
        if (context == null) {
            return values;
        }
        PropertiesComponent pc = context.getPropertiesComponent();
        Properties all;
        try {
            all = pc.loadProperties();
        } catch (RuntimeException e) {
            return values;
        }
        for (String name : all.stringPropertyNames()) {
            if (!isSensitive(name)) {
                continue;
            }
            add(values, all.getProperty(name));
            try {
                Optional<String> resolved = pc.resolveProperty(name);
                resolved.ifPresent(v -> add(values, v));
            } catch (RuntimeException e) {
                // an unresolvable placeholder has no value to hide
            }
        }
        return values;
    }

    private static void add(Set<String> values, String value) {
        if (value == null) {
            return;
        }
        String v = value.strip();
        if (v.length() >= MIN_VALUE_LENGTH) {
            values.add(v);
            // AccessKeyId:Secret pairs and lists: each secret alone too
            for (String pair : v.split(",")) {
                int colon = pair.indexOf(':');
                if (colon > 0 && pair.length() - colon - 1 >= MIN_VALUE_LENGTH && !pair.contains("{{")) {
                    values.add(pair.substring(colon + 1).strip());
                }
            }
        }
    }

    /** {@code text} with every secret value in it replaced by the mask. */
    static String maskValues(String text, Set<String> secrets) {
        String out = text;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }
}
