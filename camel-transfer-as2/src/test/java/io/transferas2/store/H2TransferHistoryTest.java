package io.transferas2.store;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The console's queries on the embedded default: H2 in file mode. */
class H2TransferHistoryTest extends TransferHistoryContract {
    @TempDir
    static Path dir;
    static JdbcTransferStore store;

    @BeforeAll
    static void open() {
        store = EmbeddedStore.open(dir, 4);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    JdbcTransferStore store() {
        return store;
    }
}
