package io.transferas2.camel;

import org.apache.camel.CamelContext;

import io.transferas2.registry.SecretResolver;

/**
 * Resolves {@code {{...}}} placeholders through the CamelContext, so Camel properties, environment functions and
 * vaults such as {@code {{aws:secret}}} work for key passwords; {@code ${env:...}} falls back to the environment.
 */
final class CamelSecretResolver implements SecretResolver {
    private final CamelContext context;

    CamelSecretResolver(CamelContext context) {
        this.context = context;
    }

    @Override
    public String resolve(String expression) {
        String trimmed = expression.trim();
        if (!trimmed.startsWith("{{")) {
            return SecretResolver.environment().resolve(trimmed);
        }
        try {
            return context.resolvePropertyPlaceholders(trimmed);
        } catch (RuntimeException e) {
            // Camel's message may echo the expression but never a resolved value
            throw new IllegalArgumentException("Placeholder " + trimmed + " could not be resolved");
        }
    }
}
