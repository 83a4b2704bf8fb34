package io.transferas2.registry;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a property placeholder such as {@code {{env:AS2_KEY_PASSWORD}}} to the secret it names. Inside Camel the
 * component supplies a resolver backed by the CamelContext, so Camel properties and vaults ({@code {{aws:...}}},
 * {@code {{hashicorp:...}}}) work; {@link #environment()} serves plain Java use.
 * <p>
 * Implementations must never put the resolved value in an exception message.
 */
@FunctionalInterface
public interface SecretResolver {

    /**
     * @param  expression               a placeholder, as written in the configuration
     * @return                          the resolved value
     * @throws IllegalArgumentException when the placeholder has no value
     */
    String resolve(String expression);

    /** True when the value is a placeholder ({@code {{...}}} or {@code ${...}}) rather than a literal. */
    static boolean isPlaceholder(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim();
        return v.startsWith("{{") && v.endsWith("}}") || v.startsWith("${") && v.endsWith("}");
    }

    /**
     * Resolves {@code {{env:NAME}}}, {@code {{sys:name}}}, {@code ${env:NAME}} and {@code ${sys:name}}, each optionally
     * with a {@code :default}.
     */
    static SecretResolver environment() {
        return EnvironmentSecretResolver.INSTANCE;
    }

    /** Resolver for environment variables and system properties. */
    final class EnvironmentSecretResolver implements SecretResolver {
        static final EnvironmentSecretResolver INSTANCE = new EnvironmentSecretResolver();
        private static final Pattern FORM = Pattern.compile("^(?:\\{\\{|\\$\\{)(env|sys):([^:}]+)(?::([^}]*))?\\}\\}?$");

        private EnvironmentSecretResolver() {
        }

        @Override
        public String resolve(String expression) {
            Matcher m = FORM.matcher(expression.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("Unsupported placeholder " + expression
                        + ": outside Camel only {{env:NAME}} and {{sys:name}} are available");
            }
            String name = m.group(2);
            Optional<String> value = Optional.ofNullable(
                    "env".equals(m.group(1)) ? System.getenv(name) : System.getProperty(name));
            return value.or(() -> Optional.ofNullable(m.group(3)))
                    .orElseThrow(() -> new IllegalArgumentException("Placeholder " + expression + " has no value"));
        }
    }
}
