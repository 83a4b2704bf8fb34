package io.transferas2.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;

import io.transferas2.camel.TransferAs2Component;
import io.transferas2.queue.TransferQueue;
import io.transferas2.store.ReceivedKeys;

/**
 * What the S3 outbox has already sent lives in the transfer store (key set {@code outbox}, recorded in the same
 * transaction as the transfer, see {@code CamelTransferAs2OnceKey}). Earlier versions kept it in a file
 * ({@code transferas2.outbox.seen-file}, one {@code bucket/key#ETag} per line): {@link #importFile()} reads that file
 * into the store once, at the outbox's first poll, and renames it {@code <file>.migrated}.
 */
public class OutboxMemory implements CamelContextAware {
    private final AtomicBoolean imported = new AtomicBoolean();
    private CamelContext camelContext;
    private String file;

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    /** The file of earlier versions to import. */
    public void setFile(String path) {
        this.file = path;
    }

    /** Imports the file of earlier versions once; later calls return at once. */
    public void importFile() throws java.io.IOException {
        if (file == null || file.isBlank() || imported.get()) {
            return;
        }
        synchronized (imported) {
            if (imported.get()) {
                return;
            }
            Path path = Path.of(file);
            if (Files.isRegularFile(path)) {
                ReceivedKeys keys = camelContext.getComponent("transfer-as2", TransferAs2Component.class)
                        .transferStore().keys(TransferQueue.OUTBOX_KEYS);
                for (String line : Files.readAllLines(path)) {
                    if (!line.isBlank()) {
                        keys.add(line.trim());
                    }
                }
                Files.move(path, path.resolveSibling(path.getFileName() + ".migrated"));
            }
            imported.set(true);
        }
    }
}
