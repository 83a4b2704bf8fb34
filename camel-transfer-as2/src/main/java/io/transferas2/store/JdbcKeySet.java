package io.transferas2.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * One named key set in {@code tas2_seen_key}; adding a key twice fails on its primary key, on any node. A look-up and an
 * add are one statement each, auto-committed: one round trip.
 */
final class JdbcKeySet implements ReceivedKeys {
    private final Jdbc jdbc;
    private final String setName;

    JdbcKeySet(Jdbc jdbc, String setName) {
        this.jdbc = jdbc;
        this.setName = setName;
    }

    @Override
    public boolean contains(String key) {
        return jdbc.single("look up a key", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM tas2_seen_key WHERE set_name = ? AND"
                    + " entry_key = ?")) {
                Jdbc.bind(ps, setName, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public boolean add(String key) {
        try {
            return jdbc.single("record a key", c -> Jdbc.update(c, "INSERT INTO tas2_seen_key (set_name,"
                    + " entry_key, seen_at) VALUES (?, ?, ?)", setName, key, System.currentTimeMillis()) == 1);
        } catch (StoreException e) {
            if (JdbcTransferStore.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean remove(String key) {
        return jdbc.inTransaction("forget a key", c -> Jdbc.update(c, "DELETE FROM tas2_seen_key WHERE set_name = ?"
                + " AND entry_key = ?", setName, key) == 1);
    }

    @Override
    public void clear() {
        jdbc.inTransaction("clear a key set", c -> Jdbc.update(c, "DELETE FROM tas2_seen_key WHERE set_name = ?",
                setName));
    }
}
