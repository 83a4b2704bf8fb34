package io.transferas2.inbound;

/**
 * The Message-IDs received so far, keyed by {@code <AgreementId>:<Message-ID>}: {@link FileReceivedMessageIds} by
 * default, or a Camel {@code IdempotentRepository} (JDBC, Redis or Infinispan for several nodes).
 */
public interface ReceivedMessageIds {

    /** True when the key was committed before. */
    boolean contains(String key);

    /** Commits the key; false when another node committed it first. */
    boolean add(String key);
}
