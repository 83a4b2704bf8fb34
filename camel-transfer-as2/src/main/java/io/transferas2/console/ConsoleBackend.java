package io.transferas2.console;

import java.io.InputStream;
import java.util.Optional;

import io.transferas2.queue.TransferQueue;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.store.TransferHistory;
import io.transferas2.transfer.StoragePath;

/** What the console reads and acts on: the station's registry, transfer store and storage. */
public interface ConsoleBackend {

    TransferRegistry registry();

    /** The store's history (receipts, list, audit). */
    TransferHistory history();

    /** The StartFileTransfer queue (resends). */
    TransferQueue queue();

    /**
     * Opens an object the station stored or sent, with the station's own storage credentials.
     *
     * @return empty when it does not exist
     */
    Optional<InputStream> open(StoragePath path) throws Exception;

    /** Told about every console action after it was audited (the route logs or forwards it). */
    void actionTaken(TransferHistory.AuditEntry entry);
}
