package io.transferas2.camel;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.transferas2.model.TransferJson;
import io.transferas2.outbound.PendingTransfer;
import io.transferas2.outbound.PendingTransferStore;
import io.transferas2.queue.TransferQueue;
import io.transferas2.store.EmbeddedStore;
import io.transferas2.registry.RegistrySettings;
import io.transferas2.registry.SharedRegistry;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.store.JdbcRegistryStore;
import io.transferas2.store.JdbcTransferStore;
import io.transferas2.store.PooledStore;
import io.transferas2.store.ReceivedKeys;
import io.transferas2.store.TransferStore;

/**
 * The component's transfer store at run time, opened on first use: the configured TransferStore, a JdbcTransferStore
 * on the configured DataSource, or the embedded H2 store in storeDirectory. It also imports the file stores of
 * earlier versions once (pending ASYNC MDNs, received Message-IDs, the outbox's sent set) and prunes finished rows
 * after the retention period.
 */
final class StoreRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreRuntime.class);
    /** Suffix a legacy file store gets once imported, so it is imported once and kept for reference. */
    static final String MIGRATED = ".migrated";

    private final TransferAs2Component component;
    private TransferStore store;
    private boolean owned;
    private TransferQueue queue;
    private io.transferas2.store.TransferHistory history;
    private String nodeId;
    private ScheduledExecutorService pruner;
    private SharedRegistry shared;
    private ScheduledExecutorService registryPoller;
    private volatile boolean registryUnreachable;

    StoreRuntime(TransferAs2Component component) {
        this.component = component;
    }

    synchronized TransferStore store() {
        if (store == null) {
            TransferStore configured = component.getTransferStore();
            DataSource dataSource = component.getDataSource();
            if (configured != null) {
                store = configured;
            } else if (dataSource != null) {
                store = new JdbcTransferStore(dataSource, null);
                owned = true;
                LOG.info("transfer-as2 transfer store on DataSource {}", dataSource);
            } else if (component.getStoreUrl() != null && !component.getStoreUrl().isBlank()) {
                store = PooledStore.open(component.getStoreUrl().strip(), component.getStoreUser(),
                        component.getStorePassword(), component.getStorePoolSize());
                owned = true;
                LOG.info("transfer-as2 transfer store on {} (pool of {} connections)",
                        PooledStore.redacted(component.getStoreUrl().strip()), component.getStorePoolSize());
            } else {
                Path dir = Path.of(component.getStoreDirectory());
                store = EmbeddedStore.open(dir, component.getStorePoolSize());
                owned = true;
                LOG.info("transfer-as2 transfer store: embedded H2 in {}", dir.toAbsolutePath());
            }
            importPendingFiles();
            schedulePruning();
        }
        return store;
    }

    /**
     * Opens the registry kept in the store's database, seeding an empty database from {@code seedFile}, and polls its
     * version every registryPollInterval so that changes made on other nodes apply here.
     */
    synchronized TransferRegistry sharedRegistry(RegistrySettings settings, Path seedFile, char[] keyPassword) {
        if (!(store() instanceof JdbcTransferStore jdbc)) {
            throw new IllegalStateException("sharedRegistry needs the JDBC transfer store (storeUrl, dataSource or"
                    + " the embedded one), not " + store);
        }
        shared = SharedRegistry.open(JdbcRegistryStore.of(jdbc), settings, seedFile, keyPassword, nodeId());
        long every = Math.max(100, component.getRegistryPollInterval());
        registryPoller = component.getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "TransferAs2RegistryPoll");
        registryPoller.scheduleWithFixedDelay(this::refreshRegistry, every, every, TimeUnit.MILLISECONDS);
        return shared.registry();
    }

    private void refreshRegistry() {
        SharedRegistry current = shared;
        if (current == null) {
            return;
        }
        try {
            current.refresh();
            if (registryUnreachable) {
                registryUnreachable = false;
                LOG.info("transfer-as2 shared registry: the database answers again");
            }
        } catch (RuntimeException e) {
            if (!registryUnreachable) {
                registryUnreachable = true;
                LOG.warn("transfer-as2 shared registry: cannot check for changes ({}); this node keeps the version it"
                        + " has and checks again", e.getMessage());
            }
        }
    }

    /** Whether the registry lives in the database (then it is dropped with the store on stop). */
    synchronized boolean hasSharedRegistry() {
        return shared != null;
    }

    synchronized TransferQueue queue() {
        if (queue == null) {
            queue = new TransferQueue(store(), nodeId(), Clock.systemUTC());
        }
        return queue;
    }

    /**
     * The console's view of the store (inbound receipts, transfer list, audit), or null when the store is not a
     * {@link JdbcTransferStore} (a TransferStore of the user's own keeps no receipts).
     */
    synchronized io.transferas2.store.TransferHistory history() {
        if (history == null && store() instanceof JdbcTransferStore jdbc) {
            history = new io.transferas2.store.TransferHistory(jdbc.dataSource());
        }
        return history;
    }

    /** This run's node ID: the node name and a random suffix, so a restarted node never renews its old leases. */
    synchronized String nodeId() {
        if (nodeId == null) {
            String name = component.getNodeName();
            if (name == null || name.isBlank()) {
                try {
                    name = InetAddress.getLocalHost().getHostName();
                } catch (IOException e) {
                    name = "node";
                }
            }
            nodeId = name + "/" + UUID.randomUUID().toString().substring(0, 8);
        }
        return nodeId;
    }

    /** Pending ASYNC sends: the store's, opened on first use. */
    PendingTransferStore pendingTransfers() {
        return new PendingTransferStore() {
            @Override
            public void put(PendingTransfer transfer) {
                store().pendingTransfers().put(transfer);
            }

            @Override
            public java.util.Optional<PendingTransfer> get(String messageId) {
                return store().pendingTransfers().get(messageId);
            }

            @Override
            public boolean remove(String messageId) {
                return store().pendingTransfers().remove(messageId);
            }

            @Override
            public java.util.List<PendingTransfer> list() {
                return store().pendingTransfers().list();
            }

            @Override
            public String toString() {
                return "transfer store";
            }
        };
    }

    /**
     * Imports the one-key-per-line file of an earlier version ({@code received-message-ids.dat},
     * {@code outbox-sent.dat}) into a key set, then renames it {@code <file>.migrated}.
     */
    static void importKeyFile(Path file, ReceivedKeys keys) {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            int added = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && keys.add(line.trim())) {
                    added++;
                }
            }
            Files.move(file, file.resolveSibling(file.getFileName() + MIGRATED));
            LOG.info("transfer-as2: imported {} key(s) of {} into the transfer store (file renamed {})", added, file,
                    file.getFileName() + MIGRATED);
        } catch (IOException e) {
            throw new IllegalStateException("cannot import " + file + " into the transfer store: " + e.getMessage(),
                    e);
        }
    }

    /** Pending ASYNC MDN files of the file store of earlier versions (asyncMdnStoreDirectory) into the store. */
    private void importPendingFiles() {
        if (component.getPendingTransferStore() != null) {
            return;
        }
        Path dir = Path.of(component.getAsyncMdnStoreDirectory());
        if (!Files.isDirectory(dir)) {
            return;
        }
        int imported = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : files) {
                PendingTransfer t = TransferJson.json().readValue(Files.readString(f, StandardCharsets.UTF_8),
                        PendingTransfer.class);
                store.pendingTransfers().put(t);
                Files.move(f, f.resolveSibling(f.getFileName() + MIGRATED));
                imported++;
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot import the pending ASYNC MDNs of " + dir + " into the transfer"
                    + " store: " + e.getMessage(), e);
        }
        if (imported > 0) {
            LOG.info("transfer-as2: imported {} pending ASYNC transfer(s) of {} into the transfer store", imported,
                    dir);
        }
    }

    private void schedulePruning() {
        long retention = component.getRetentionPeriod();
        if (retention <= 0) {
            return;
        }
        CamelContext context = component.getCamelContext();
        pruner = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "TransferAs2StorePrune");
        long every = Math.max(1000, component.getPruneInterval());
        pruner.scheduleWithFixedDelay(() -> prune(Instant.now().minus(Duration.ofMillis(retention))), 0, every,
                TimeUnit.MILLISECONDS);
    }

    void prune(Instant cutoff) {
        try {
            int deleted = store().prune(cutoff);
            if (deleted > 0) {
                LOG.info("transfer-as2: pruned {} finished transfer(s) and key(s) older than {}", deleted, cutoff);
            }
        } catch (RuntimeException e) {
            LOG.warn("transfer-as2: pruning the transfer store failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (registryPoller != null) {
            component.getCamelContext().getExecutorServiceManager().shutdownNow(registryPoller);
            registryPoller = null;
        }
        shared = null;
        if (pruner != null) {
            component.getCamelContext().getExecutorServiceManager().shutdownNow(pruner);
            pruner = null;
        }
        if (store != null && owned) {
            store.close();
        }
        store = null;
        queue = null;
        history = null;
        nodeId = null;
    }
}
