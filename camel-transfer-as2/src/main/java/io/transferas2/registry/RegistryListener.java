package io.transferas2.registry;

/** Told about every registry change, after it is applied and visible to readers. */
@FunctionalInterface
public interface RegistryListener {
    void onChange(RegistryEvent event);
}
