package io.transferas2.camel;

import org.apache.camel.CamelContext;

import io.transferas2.outbound.BasicAuthResolver;
import io.transferas2.outbound.BasicCredentials;
import io.transferas2.registry.SecretResolver;

/**
 * Resolves a connector's BasicAuthSecretId through Camel: a placeholder ({@code {{aws:partner-a}}},
 * {@code {{env:PARTNER_A_AUTH}}}) is resolved as written; a plain name is looked up as the property
 * {@code {{<name>}}}, so a Camel property or a vault reference of that name serves it. The value is AWS's secret JSON
 * {@code {"Username":"..","Password":".."}} or {@code user:password}; it is never logged.
 */
final class CamelBasicAuthResolver implements BasicAuthResolver {
    private final CamelSecretResolver placeholders;

    CamelBasicAuthResolver(CamelContext context) {
        this.placeholders = new CamelSecretResolver(context);
    }

    @Override
    public BasicCredentials resolve(String secretId) {
        String expression = SecretResolver.isPlaceholder(secretId) ? secretId : "{{" + secretId.trim() + "}}";
        String value;
        try {
            value = placeholders.resolve(expression);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the secret " + expression + " has no value in the Camel properties"
                    + " or vaults");
        }
        return BasicCredentials.parse(value);
    }
}
