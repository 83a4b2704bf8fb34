package io.transferas2.store;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The shared registry on the embedded H2 store: the version counter works there too. */
class H2SharedRegistryTest extends SharedRegistryContract {
    @TempDir
    static Path storeDir;
    static JdbcTransferStore store;

    @BeforeAll
    static void open() {
        store = EmbeddedStore.open(storeDir, 4);
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    JdbcTransferStore store() {
        return store;
    }
}
