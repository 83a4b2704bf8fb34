package io.transferas2.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.transferas2.outbound.PendingTransferStore;
import io.transferas2.registry.Page;

/**
 * All runtime state of a station, behind one interface: StartFileTransfer requests and their files (queue, leases,
 * attempts, results), ASYNC sends waiting for their MDN, received Message-IDs and the keys the S3 outbox has sent.
 * {@link JdbcTransferStore} implements it over any DataSource: embedded H2 on local disk by default, PostgreSQL for
 * several nodes. Every method commits before it returns.
 */
public interface TransferStore extends AutoCloseable {

    /** Commits the request and all its files as QUEUED. */
    void accept(NewTransfer transfer);

    /**
     * Commits the request unless {@code onceKey} was recorded in the key set {@code setName} before; records the key
     * in the same transaction.
     *
     * @return true when accepted, false when the key was seen before (nothing written)
     */
    boolean acceptOnce(NewTransfer transfer, String setName, String onceKey);

    /** Connectors that have files ready to claim now (QUEUED and due, or IN_PROGRESS with an expired lease). */
    List<String> connectorsWithWork(Instant now);

    /**
     * Claims up to {@code max} files of the connector, oldest first: QUEUED files that are due and IN_PROGRESS files
     * whose lease expired (their node died). Each becomes IN_PROGRESS, leased to {@code node} until
     * {@code now + lease}, with a new attempt recorded. Files claimed by another node at the same moment are skipped.
     */
    List<ClaimedFile> claim(String connectorId, int max, String node, Instant now, Duration lease);

    /** Extends the leases this node holds on these files. */
    void renewLeases(Collection<Long> fileIds, String node, Instant until);

    /**
     * Records how an attempt ended, if {@code node} still holds the file's lease.
     *
     * @return false when the lease was lost (another node took the file over)
     */
    default boolean record(ClaimedFile file, String node, FileOutcome outcome, Instant now) {
        return recordAll(List.of(new AttemptOutcome(file, outcome)), node, now).isEmpty();
    }

    /**
     * Records how several attempts ended, in one transaction: each where {@code node} still holds the file's lease.
     *
     * @return the outcomes not recorded because their file's lease was lost (another node took it over)
     */
    List<AttemptOutcome> recordAll(List<AttemptOutcome> outcomes, String node, Instant now);

    /** Gives claimed files back to the queue at once (graceful stop): QUEUED, lease cleared. */
    void release(Collection<Long> fileIds, String node, Instant now);

    /**
     * Finishes the PROCESSING file sent with this Message-ID (its ASYNC MDN arrived or never came).
     *
     * @return false when no PROCESSING file has this Message-ID
     */
    boolean finishProcessing(String messageId, FileOutcome outcome, Instant now);

    /**
     * Finishes an ASYNC send whose result was stored, in one transaction: removes its pending record (see
     * {@link #pendingTransfers()}) and finishes its file as {@link #finishProcessing} does, when it is a queued one.
     *
     * @return false when no pending record has this Message-ID (it was finished elsewhere)
     */
    boolean finishAsync(String messageId, FileOutcome outcome, Instant now);

    /** The files of a transfer in request order, a page at a time; empty when the transfer is unknown. */
    Optional<Page<FileTransferResult>> results(String connectorId, String transferId, int maxResults,
                                                String nextToken);

    /** One file with its attempts, found by its Message-ID. */
    Optional<FileTransferResult> fileByMessageId(String messageId);

    /** How many files are in each state (for health checks and consoles). */
    java.util.Map<FileStatus, Long> countByStatus();

    /**
     * Deletes transfers whose files all finished before {@code cutoff}, received Message-IDs and sent keys older
     * than it.
     *
     * @return rows deleted
     */
    int prune(Instant cutoff);

    /** ASYNC sends waiting for their MDN. */
    PendingTransferStore pendingTransfers();

    /** A named durable key set: {@code received-message-ids}, {@code outbox}, ... */
    ReceivedKeys keys(String setName);

    @Override
    void close();
}
