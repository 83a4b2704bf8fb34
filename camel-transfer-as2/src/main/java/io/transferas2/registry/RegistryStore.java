package io.transferas2.registry;

/** Persists the registry after every change. Implementations must write atomically. */
@FunctionalInterface
public interface RegistryStore {
    void save(RegistrySnapshot snapshot);
}
