package io.transferas2.outbound;

/**
 * Turns a connector's BasicAuthSecretId into credentials. Inside Camel the component resolves it through Camel
 * properties and vaults; implementations must never log or echo the secret's value.
 */
@FunctionalInterface
public interface BasicAuthResolver {

    /** Resolves nothing: every connector with a BasicAuthSecretId fails. */
    BasicAuthResolver NONE = secretId -> {
        throw new IllegalArgumentException("no secret resolver is configured for BasicAuthSecretId " + secretId);
    };

    /**
     * @throws IllegalArgumentException when the secret is missing or malformed (message without the value)
     */
    BasicCredentials resolve(String secretId);
}
