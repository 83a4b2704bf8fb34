package io.transferas2.queue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.transferas2.store.AttemptOutcome;
import io.transferas2.store.ClaimedFile;
import io.transferas2.store.FileOutcome;
import io.transferas2.store.TransferStore;

/**
 * Records outcomes with group commit: a worker whose file finished while another worker's commit runs waits for it,
 * then one of the waiting workers commits all their outcomes in one transaction. Each worker still returns only after
 * its own outcome is committed; the store then sees one commit per batch instead of one per file.
 */
final class OutcomeRecorder {
    private final TransferStore store;
    private final String node;
    private final Clock clock;
    private final List<Entry> queued = new ArrayList<>();
    private boolean committing;

    OutcomeRecorder(TransferStore store, String node, Clock clock) {
        this.store = store;
        this.node = node;
        this.clock = clock;
    }

    /** One outcome waiting for its commit. */
    private static final class Entry {
        final AttemptOutcome outcome;
        boolean done;
        boolean lost;
        RuntimeException failure;

        Entry(AttemptOutcome outcome) {
            this.outcome = outcome;
        }
    }

    /**
     * Records the outcome and returns once it is committed.
     *
     * @return false when the lease was lost (another node took the file over)
     * @throws RuntimeException the store's failure, for every outcome of the failed batch
     */
    boolean record(ClaimedFile file, FileOutcome outcome) {
        Entry mine = new Entry(new AttemptOutcome(file, outcome));
        List<Entry> batch;
        synchronized (this) {
            queued.add(mine);
            while (committing && !mine.done) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    // the outcome stays queued: the next committer records it
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while recording an outcome", e);
                }
            }
            if (mine.done) {
                return result(mine);
            }
            committing = true;
            batch = new ArrayList<>(queued);
            queued.clear();
        }
        List<AttemptOutcome> lost = null;
        RuntimeException failure = null;
        try {
            List<AttemptOutcome> outcomes = new ArrayList<>(batch.size());
            for (Entry e : batch) {
                outcomes.add(e.outcome);
            }
            lost = store.recordAll(outcomes, node, clock.instant());
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            synchronized (this) {
                for (Entry e : batch) {
                    e.done = true;
                    e.failure = failure;
                    e.lost = lost != null && lost.contains(e.outcome);
                }
                committing = false;
                notifyAll();
            }
        }
        return result(mine);
    }

    /** Outcomes waiting for the next commit. */
    synchronized int queued() {
        return queued.size();
    }

    private static boolean result(Entry e) {
        if (e.failure != null) {
            throw e.failure;
        }
        return !e.lost;
    }
}
