package io.transferas2.store;

import java.nio.file.Files;
import java.nio.file.Path;

import org.h2.jdbcx.JdbcDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The single-node default: H2 in file mode under the station's data directory, no server. {@code WRITE_DELAY=0}
 * writes every commit to the file before the commit returns, so a killed process loses nothing it committed (an
 * operating system crash or power loss can still lose the last commits: use PostgreSQL where that matters).
 */
public final class EmbeddedStore {
    /** The directory used when none is configured, relative to the working directory. */
    public static final String DEFAULT_DIRECTORY = "data/transfer-as2/store";

    private EmbeddedStore() {
    }

    /** Opens (creating when missing) the store in {@code directory}. */
    public static JdbcTransferStore open(Path directory, int poolSize) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new StoreException("transfer store: cannot create " + dir + ": " + e.getMessage(), e);
        }
        // H2's own DataSource rather than a JDBC URL: the pool then needs no java.sql.DriverManager lookup, which
        // under OSGi (Karaf) finds no driver from HikariCP's bundle
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("transfers") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"
                + ";LOCK_TIMEOUT=10000");
        h2.setUser("sa");
        h2.setPassword("");
        HikariConfig config = new HikariConfig();
        config.setPoolName("transfer-as2-store");
        config.setDataSource(h2);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            return new JdbcTransferStore(pool, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }
}
