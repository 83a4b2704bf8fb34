package io.transferas2.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The console's queries on a real PostgreSQL server (zonky's embedded binaries, a separate process, free port). */
class PostgresTransferHistoryTest extends TransferHistoryContract {
    static EmbeddedPostgres postgres;
    static JdbcTransferStore store;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        store = new JdbcTransferStore(postgres.getPostgresDatabase(), null);
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
