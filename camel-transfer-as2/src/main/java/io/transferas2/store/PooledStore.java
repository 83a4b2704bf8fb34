package io.transferas2.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The transfer store on a database server given by URL (PostgreSQL for a cluster), through a HikariCP pool. The pool
 * waits at most {@value #CONNECT_TIMEOUT_MS} ms for a connection, so while the database is unreachable a request
 * fails quickly (inbound messages get a 503, StartFileTransfer ServiceUnavailableException) instead of hanging; the
 * pool reconnects by itself when the database returns.
 */
public final class PooledStore {
    static final long CONNECT_TIMEOUT_MS = 5000;

    private PooledStore() {
    }

    /**
     * Opens the pool and the store (creating or upgrading the tables).
     *
     * @param password the database password; handed to the pool only, never logged
     */
    public static JdbcTransferStore open(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("transfer-as2-store");
        config.setJdbcUrl(url);
        if (user != null && !user.isBlank()) {
            config.setUsername(user);
        }
        if (password != null && !password.isEmpty()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(Math.max(1, poolSize));
        config.setMinimumIdle(Math.min(2, Math.max(1, poolSize)));
        config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        config.setValidationTimeout(Math.min(CONNECT_TIMEOUT_MS - 1000, 3000));
        HikariDataSource pool = new HikariDataSource(config);
        try {
            return new JdbcTransferStore(pool, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** The URL without its query (which may carry a password), for logs. */
    public static String redacted(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query) + "?...";
        // jdbc:postgresql://user:password@host/... is not a form the driver takes, but never log it either
        return base.replaceAll("//[^/@]*@", "//***@");
    }
}
