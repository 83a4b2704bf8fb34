package io.transferas2.queue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.transferas2.outbound.MessageIds;
import io.transferas2.registry.Page;
import io.transferas2.registry.ServiceUnavailableException;
import io.transferas2.store.FileTransferResult;
import io.transferas2.store.NewTransfer;
import io.transferas2.store.StoreException;
import io.transferas2.store.TransferStore;

/**
 * StartFileTransfer, run by the component: the one place the control-plane API, the HTTP trigger and the S3 outbox
 * hand requests to. {@link #accept} commits the request and all its files (each with the Message-ID all its sends
 * will carry) before it returns the TransferId; {@link TransferWorkers} then claims and sends them. The query
 * methods serve ListFileTransferResults and consoles.
 */
public final class TransferQueue {
    /** The key set the S3 outbox records the objects it has sent in. */
    public static final String OUTBOX_KEYS = "outbox";

    private final TransferStore store;
    private final String node;
    private final Clock clock;
    private volatile TransferWorkers workers;

    public TransferQueue(TransferStore store, String node, Clock clock) {
        this.store = store;
        this.node = node;
        this.clock = clock;
    }

    public TransferStore store() {
        return store;
    }

    public String node() {
        return node;
    }

    /**
     * Accepts a request whose connector and paths were checked: commits it, then wakes the workers.
     *
     * @param customHttpHeaders AWS's CustomHttpHeaders as a JSON array, or null
     * @return the TransferId
     */
    public String accept(String connectorId, List<String> sendFilePaths, String customHttpHeaders) {
        NewTransfer transfer = newTransfer(connectorId, sendFilePaths, customHttpHeaders);
        try {
            store.accept(transfer);
        } catch (StoreException e) {
            throw unavailable(e);
        }
        wake();
        return transfer.transferId();
    }

    /**
     * Accepts the request unless {@code onceKey} was accepted before in the key set (the outbox's bucket/key#ETag);
     * the key is recorded in the same transaction, so a crash can neither lose the file nor send it twice.
     */
    public Optional<String> acceptOnce(String connectorId, List<String> sendFilePaths, String customHttpHeaders,
                                       String keySet, String onceKey) {
        NewTransfer transfer = newTransfer(connectorId, sendFilePaths, customHttpHeaders);
        try {
            if (store.keys(keySet).contains(onceKey) || !store.acceptOnce(transfer, keySet, onceKey)) {
                return Optional.empty();
            }
        } catch (StoreException e) {
            throw unavailable(e);
        }
        wake();
        return Optional.of(transfer.transferId());
    }

    /** The store's database cannot be reached: AWS's ServiceUnavailableException, which callers retry. */
    private static ServiceUnavailableException unavailable(StoreException e) {
        ServiceUnavailableException unavailable = new ServiceUnavailableException("The transfer store is unavailable;"
                + " nothing was accepted. Try again later");
        unavailable.initCause(e);
        return unavailable;
    }

    private NewTransfer newTransfer(String connectorId, List<String> paths, String customHttpHeaders) {
        List<NewTransfer.File> files = new ArrayList<>(paths.size());
        for (String path : paths) {
            files.add(new NewTransfer.File(path, MessageIds.next(null, connectorId)));
        }
        return new NewTransfer(UUID.randomUUID().toString(), connectorId, files, customHttpHeaders, clock.instant(),
                node);
    }

    /** The files of a transfer, a page at a time (ListFileTransferResults); empty when the transfer is unknown. */
    public Optional<Page<FileTransferResult>> results(String connectorId, String transferId, int maxResults,
                                                       String nextToken) {
        return store.results(connectorId, transferId, maxResults, nextToken);
    }

    /** One file with its attempts, by the Message-ID it is sent with. */
    public Optional<FileTransferResult> file(String messageId) {
        return store.fileByMessageId(MessageIds.bare(messageId));
    }

    /** Whether workers run on this node (a transfer-as2:transfers consumer is started). */
    public boolean sending() {
        return workers != null;
    }

    /** Registers (or with null, removes) the workers that accepted files wake up. */
    public void workers(TransferWorkers running) {
        this.workers = running;
    }

    private void wake() {
        TransferWorkers w = workers;
        if (w != null) {
            w.wake();
        }
    }
}
