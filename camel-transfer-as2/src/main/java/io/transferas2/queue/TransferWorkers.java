package io.transferas2.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.transferas2.store.ClaimedFile;
import io.transferas2.store.FileOutcome;
import io.transferas2.store.FileStatus;
import io.transferas2.store.TransferStore;

/**
 * Runs the queue on one node: a dispatcher thread claims files from the store (oldest first per connector, at most
 * {@code maxConcurrentPerConnector} per connector and {@code maxConcurrent} in all, connectors taken in turn so one
 * slow partner cannot starve the others), hands each to the {@link FileSender} on a worker thread and records the
 * outcome (outcomes that finish together share one commit, see {@link OutcomeRecorder}). Leases of files in flight are renewed; a node that dies stops renewing, and another node (or this one
 * after its restart) takes its files over when the leases expire.
 */
public final class TransferWorkers {
    private static final Logger LOG = LoggerFactory.getLogger(TransferWorkers.class);
    /** Attempts at a file whose route failed unexpectedly (not a send failure) before it is FAILED. */
    static final int UNEXPECTED_ATTEMPTS = 5;

    private final TransferStore store;
    private final QueueSettings settings;
    private final Clock clock;
    private final OutcomeRecorder recorder;
    private final Map<Long, ClaimedFile> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perConnector = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private boolean wakeUp;
    private volatile boolean running;
    private int turn;
    private FileSender sender;
    private ExecutorService workers;
    private Thread dispatcher;
    private ScheduledFuture<?> renewal;

    public TransferWorkers(TransferStore store, QueueSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.recorder = new OutcomeRecorder(store, settings.node(), clock);
    }

    /**
     * Starts claiming and sending.
     *
     * @param workers   runs the sends; at least {@code maxConcurrent} threads
     * @param scheduler renews the leases
     */
    public synchronized void start(FileSender fileSender, ExecutorService workers, ScheduledExecutorService scheduler,
                                   java.util.concurrent.ThreadFactory dispatcherThreads) {
        if (running) {
            throw new IllegalStateException("the transfer workers already run");
        }
        this.sender = fileSender;
        this.workers = workers;
        running = true;
        long every = Math.max(200, settings.lease().toMillis() / 3);
        renewal = scheduler.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
        dispatcher = dispatcherThreads.newThread(this::dispatchLoop);
        dispatcher.start();
        LOG.info("transfer queue running on node {}: {} files at once, {} per connector, lease {}", settings.node(),
                settings.maxConcurrent(), settings.maxConcurrentPerConnector(), settings.lease());
    }

    /** Asks the dispatcher to look for work now (a transfer was accepted, a send finished). */
    public void wake() {
        synchronized (signal) {
            wakeUp = true;
            signal.notifyAll();
        }
    }

    /**
     * Stops claiming, lets the files in flight finish for up to {@code grace}, then gives the unfinished ones back
     * to the queue so the next start (or another node) sends them at once.
     */
    public void stop(Duration grace) {
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
        }
        wake();
        try {
            dispatcher.join(grace.toMillis() + 1000);
            workers.shutdown();
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("transfer queue: {} file(s) still sending after {}; they are queued again",
                        inFlight.size(), grace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Long> unfinished = new ArrayList<>(inFlight.keySet());
        try {
            store.release(unfinished, settings.node(), clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("transfer queue: cannot give {} file(s) back; they are taken over when their lease expires: {}",
                    unfinished.size(), e.getMessage());
        }
        workers.shutdownNow();
        renewal.cancel(false);
    }

    /** Files this node is sending now. */
    public int inFlight() {
        return inFlight.size();
    }

    private void dispatchLoop() {
        while (running) {
            try {
                dispatchOnce();
            } catch (RuntimeException e) {
                LOG.warn("transfer queue: claiming files failed (tried again in {}): {}", settings.pollInterval(),
                        e.getMessage(), e);
            }
            synchronized (signal) {
                if (!wakeUp && running) {
                    try {
                        signal.wait(settings.pollInterval().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                wakeUp = false;
            }
        }
    }

    /** One round: every connector with work gets its share of the free slots. */
    void dispatchOnce() {
        if (inFlight.size() >= settings.maxConcurrent()) {
            return;
        }
        Instant now = clock.instant();
        List<String> connectors = store.connectorsWithWork(now);
        int n = connectors.size();
        int start = n == 0 ? 0 : Math.floorMod(turn++, n);
        for (int i = 0; i < n && running; i++) {
            String connectorId = connectors.get((start + i) % n);
            int freeTotal = settings.maxConcurrent() - inFlight.size();
            if (freeTotal <= 0) {
                return;
            }
            AtomicInteger busy = perConnector.computeIfAbsent(connectorId, k -> new AtomicInteger());
            int freeHere = settings.maxConcurrentPerConnector() - busy.get();
            int share = Math.max(1, freeTotal / (n - i));
            int want = Math.min(freeHere, share);
            if (want <= 0) {
                continue;
            }
            for (ClaimedFile file : store.claim(connectorId, want, settings.node(), now, settings.lease())) {
                inFlight.put(file.fileId(), file);
                busy.incrementAndGet();
                workers.execute(() -> run(file, busy));
            }
        }
    }

    private void run(ClaimedFile file, AtomicInteger busy) {
        try {
            FileOutcome outcome = outcomeOf(file);
            if (outcome == null) {
                return;
            }
            if (!recorder.record(file, outcome)) {
                LOG.info("transfer {} file {} ({}): the lease was lost before its outcome {} was recorded; the node"
                        + " that took it over records it", file.transferId(), file.fileIndex(), file.filePath(),
                        outcome.status());
            }
        } catch (RuntimeException e) {
            // the store failed: the lease expires and the file is sent again with the same Message-ID
            LOG.warn("transfer {} file {}: cannot record its outcome: {}", file.transferId(), file.filePath(),
                    e.getMessage(), e);
        } finally {
            inFlight.remove(file.fileId());
            busy.decrementAndGet();
            wake();
        }
    }

    /** The outcome to record, or null when the node is stopping and the file goes back to the queue. */
    private FileOutcome outcomeOf(ClaimedFile file) {
        FileOutcome outcome;
        try {
            outcome = sender.send(file, settings.retry().allowsAnother(file.attempt()));
        } catch (RuntimeException e) {
            if (!running) {
                // stopping: the file is given back to the queue, not judged
                LOG.info("transfer {} file {}: interrupted by the stop ({}); queued again", file.transferId(),
                        file.filePath(), e.toString());
                return null;
            }
            if (file.attempt() < UNEXPECTED_ATTEMPTS) {
                Duration wait = RetryPolicy.NONE.delayAfter(file.attempt());
                LOG.warn("transfer {} file {}: attempt {} failed unexpectedly, tried again in {} with the same"
                        + " Message-ID: {}", file.transferId(), file.filePath(), file.attempt(), wait, e.toString());
                return FileOutcome.retryAt(clock.instant().plus(wait), null, e.toString());
            }
            LOG.warn("transfer {} file {}: FAILED after {} unexpected failures: {}", file.transferId(),
                    file.filePath(), file.attempt(), e.toString(), e);
            return FileOutcome.failed(null, "The file could not be processed: " + e.getMessage(), null, null);
        }
        if (outcome.status() == FileStatus.QUEUED && outcome.notBefore() == null) {
            Duration wait = settings.retry().delayAfter(file.attempt());
            LOG.info("transfer {} file {}: attempt {} failed ({}), sent again in {} with Message-ID {}",
                    file.transferId(), file.filePath(), file.attempt(), outcome.failureCode(), wait, file.messageId());
            return FileOutcome.retryAt(clock.instant().plus(wait), outcome.failureCode(), outcome.failureMessage());
        }
        return outcome;
    }

    private void renewLeases() {
        if (inFlight.isEmpty()) {
            return;
        }
        try {
            store.renewLeases(new ArrayList<>(inFlight.keySet()), settings.node(),
                    clock.instant().plus(settings.lease()));
        } catch (RuntimeException e) {
            LOG.warn("transfer queue: cannot renew the leases of {} file(s): {}", inFlight.size(), e.getMessage());
        }
    }
}
