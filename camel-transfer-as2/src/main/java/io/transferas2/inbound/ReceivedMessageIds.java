package io.transferas2.inbound;

/**
 * The Message-IDs received so far, keyed by {@code <AgreementId>:<Message-ID>}. The server consumer adapts a Camel
 * {@code IdempotentRepository} (a file by default; JDBC, Redis or Infinispan for several nodes).
 */
public interface ReceivedMessageIds {

    /** True when the key was committed before. */
    boolean contains(String key);

    /** Commits the key; false when another node committed it first. */
    boolean add(String key);
}
