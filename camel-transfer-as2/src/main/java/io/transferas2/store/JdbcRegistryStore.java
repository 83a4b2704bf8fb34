package io.transferas2.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.transferas2.registry.RegistryConflictException;
import io.transferas2.registry.RegistryDatabase;

/**
 * The shared registry's rows in the transfer store's database (tables of migration V2): resources in
 * {@code tas2_registry_resource}, the version counter in {@code tas2_registry_version}. A write moves the version with
 * a conditional UPDATE (or the first INSERT), so of two nodes writing at once one wins and the other gets a
 * {@link RegistryConflictException}.
 */
public final class JdbcRegistryStore implements RegistryDatabase {
    /** The one registry a database holds today; the column leaves room for more. */
    static final String NAME = "default";

    private final Jdbc jdbc;

    public JdbcRegistryStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** The registry rows of the transfer store's database. */
    public static JdbcRegistryStore of(JdbcTransferStore store) {
        return new JdbcRegistryStore(store.dataSource());
    }

    @Override
    public long version() {
        return jdbc.inTransaction("read the registry version", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM tas2_registry_version"
                    + " WHERE registry_name = ?")) {
                Jdbc.bind(ps, NAME);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    @Override
    public Contents read() {
        return jdbc.inTransaction("read the registry", c -> {
            long version = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM tas2_registry_version"
                    + " WHERE registry_name = ?")) {
                Jdbc.bind(ps, NAME);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        version = rs.getLong(1);
                    }
                }
            }
            List<Resource> resources = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, resource_id, document FROM"
                    + " tas2_registry_resource WHERE registry_name = ? ORDER BY kind, resource_id")) {
                Jdbc.bind(ps, NAME);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        resources.add(new Resource(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return new Contents(version, resources);
        });
    }

    @Override
    public long write(long expectedVersion, List<Resource> resources, String node) {
        long next = expectedVersion + 1;
        long now = System.currentTimeMillis();
        try {
            return jdbc.inTransaction("write the registry", c -> {
                int moved = expectedVersion == 0
                        ? Jdbc.update(c, "INSERT INTO tas2_registry_version (registry_name, version, updated_at,"
                                + " updated_by) VALUES (?, ?, ?, ?)", NAME, next, now, node)
                        : Jdbc.update(c, "UPDATE tas2_registry_version SET version = ?, updated_at = ?,"
                                + " updated_by = ? WHERE registry_name = ? AND version = ?", next, now, node, NAME,
                                expectedVersion);
                if (moved != 1) {
                    throw new RegistryConflictException("the registry was changed by another node meanwhile"
                            + " (version " + expectedVersion + " is no longer current); repeat the call");
                }
                Jdbc.update(c, "DELETE FROM tas2_registry_resource WHERE registry_name = ?", NAME);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO tas2_registry_resource (registry_name,"
                        + " kind, resource_id, document) VALUES (?, ?, ?, ?)")) {
                    for (Resource r : resources) {
                        Jdbc.bind(ps, NAME, r.kind(), r.id(), r.json());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return next;
            });
        } catch (StoreException e) {
            if (expectedVersion == 0 && JdbcTransferStore.isUniqueViolation(e)) {
                throw new RegistryConflictException("another node seeded the registry meanwhile");
            }
            throw e;
        }
    }
}
