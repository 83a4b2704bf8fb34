package io.transferas2.camel;

import org.apache.camel.spi.IdempotentRepository;

import io.transferas2.inbound.ReceivedMessageIds;

/** Received Message-IDs kept in a Camel {@link IdempotentRepository} (file, memory, JDBC, Redis, Infinispan...). */
final class IdempotentMessageIds implements ReceivedMessageIds {
    private final IdempotentRepository repository;

    IdempotentMessageIds(IdempotentRepository repository) {
        this.repository = repository;
    }

    @Override
    public boolean contains(String key) {
        return repository.contains(key);
    }

    @Override
    public boolean add(String key) {
        return repository.add(key);
    }
}
