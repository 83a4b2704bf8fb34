package io.transferas2.store;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The store contract on the embedded default: H2 in file mode. */
class H2TransferStoreTest extends TransferStoreContract {
    @TempDir
    static Path dir;
    static JdbcTransferStore store;

    @BeforeAll
    static void open() {
        store = EmbeddedStore.open(dir, 8);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    TransferStore store() {
        return store;
    }

    @Test
    void committedStateSurvivesClosingAndReopening() {
        NewTransfer t = transfer(connector(), java.time.Instant.now(), "/b/kept");
        store.accept(t);
        store.close();
        store = EmbeddedStore.open(dir, 8);
        assertThat(store.results(t.connectorId(), t.transferId(), 10, null).orElseThrow().items()).hasSize(1);
    }
}
