package io.transferas2.registry;

import java.util.List;

/**
 * Where a registry shared by several nodes lives: its resources, one JSON document each, and a version counter that
 * every change increments. Implemented over the transfer store's database ({@code JdbcRegistryStore}).
 */
public interface RegistryDatabase {

    /** One resource: its kind (Certificate, Profile, ...), its ID and its JSON in the registry file's shape. */
    record Resource(String kind, String id, String json) {
    }

    /** The resources as of one version (version 0 and no resources: never written). */
    record Contents(long version, List<Resource> resources) {
    }

    /** The version now in the database (0 when nothing was written yet); one small query, polled by every node. */
    long version();

    /** The version and every resource, read consistently. */
    Contents read();

    /**
     * Replaces every resource and moves the version from {@code expectedVersion} to the next one, in one transaction.
     *
     * @return the new version
     * @throws RegistryConflictException when another node wrote first (the version is no longer
     *                                   {@code expectedVersion})
     */
    long write(long expectedVersion, List<Resource> resources, String node);
}
