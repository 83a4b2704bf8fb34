package io.transferas2.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

import javax.sql.DataSource;

/** Transactions and small statement helpers over a DataSource; SQLExceptions become {@link StoreException}. */
final class Jdbc {
    /** SQLSTATE of a unique constraint violation, the same on H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    /** A NULL for a BIGINT column (PostgreSQL wants the type of a NULL parameter). */
    static final Null NULL_LONG = new Null(Types.BIGINT);

    /** A typed NULL parameter. */
    record Null(int sqlType) {
    }

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs the work in one transaction, committed when it returns and rolled back when it throws. */
    <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("transfer store: cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs one statement on its own, in auto-commit mode: one round trip to the server instead of two (statement,
     * then COMMIT), for the per-message look-ups and inserts of the key sets.
     */
    <T> T single(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("transfer store: cannot " + what + ": " + e.getMessage(), e);
        }
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** A nullable BIGINT parameter. */
    static Object orNull(Long value) {
        return value == null ? NULL_LONG : value;
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else if (a instanceof Null n) {
                ps.setNull(i + 1, n.sqlType());
            } else if (a instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (a instanceof Boolean b) {
                ps.setBoolean(i + 1, b);
            } else {
                ps.setString(i + 1, a.toString());
            }
        }
    }

    /** Text cut to what a column holds. */
    static String fit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 3) + "...";
    }
}
