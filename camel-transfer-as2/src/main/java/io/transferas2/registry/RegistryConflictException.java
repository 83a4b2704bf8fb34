package io.transferas2.registry;

/**
 * Another node changed the shared registry between this node's last refresh and its change; the change was not
 * applied. The node refreshes at once, so the call can simply be repeated.
 */
public class RegistryConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RegistryConflictException(String message) {
        super(message);
    }
}
