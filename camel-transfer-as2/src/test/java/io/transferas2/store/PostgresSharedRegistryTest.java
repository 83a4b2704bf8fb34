package io.transferas2.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shared registry on a real PostgreSQL server (zonky's binaries, a separate process on a free port). */
class PostgresSharedRegistryTest extends SharedRegistryContract {
    static EmbeddedPostgres postgres;
    static JdbcTransferStore store;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        store = PooledStore.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null, 4);
    }

    @AfterAll
    static void stop() throws Exception {
        if (store != null) {
            store.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    JdbcTransferStore store() {
        return store;
    }
}
