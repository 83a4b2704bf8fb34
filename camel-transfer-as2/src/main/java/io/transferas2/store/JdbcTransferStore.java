package io.transferas2.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import io.transferas2.outbound.PendingTransferStore;
import io.transferas2.registry.InvalidRequestException;
import io.transferas2.registry.Page;

/**
 * {@link TransferStore} over JDBC. The SQL is plain enough for both H2 (the embedded default) and PostgreSQL. A claim
 * reads a batch of candidates from the (status, connector_id, file_id) index ({@code FOR UPDATE SKIP LOCKED} on
 * PostgreSQL, so several nodes on one database skip each other's rows) and leases them with UPDATEs that check each
 * file again, so no file is ever claimed twice. Outcomes are recorded in batches ({@link #recordAll}): one commit for
 * all the files that finished meanwhile.
 * The schema is created and upgraded by Flyway (scripts in {@code io/transferas2/store/migration}, history table
 * {@code tas2_schema_history}) when the store opens.
 */
public final class JdbcTransferStore implements TransferStore {
    static final String FILE_COLUMNS = "file_id, transfer_id, file_index, connector_id, file_path, message_id, status,"
            + " attempts, mic, failure_code, failure_message, status_key, accepted_at, updated_at, finished_at";

    private final DataSource dataSource;
    private final Jdbc jdbc;
    private final AutoCloseable onClose;
    private final JdbcPendingTransfers pending;
    /** Appended to the claim's SELECT: rows locked by other claimers are skipped (PostgreSQL, several nodes). */
    private final String lockClause;

    /**
     * Opens the store on a DataSource, creating or upgrading its tables.
     *
     * @param onClose what {@link #close()} releases (the pool this store owns), or null
     */
    public JdbcTransferStore(DataSource dataSource, AutoCloseable onClose) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
        this.onClose = onClose;
        migrate(dataSource);
        // H2 locks every row matching a SELECT ... FOR UPDATE before it applies FETCH FIRST (the whole queue); one
        // node owns an embedded H2 store, and the claim's UPDATE checks each file again, so H2 needs no lock here
        this.lockClause = isPostgres(dataSource) ? " FOR UPDATE SKIP LOCKED" : "";
        this.pending = new JdbcPendingTransfers(jdbc);
    }

    /** Creates or upgrades the store's tables. */
    static void migrate(DataSource dataSource) {
        Flyway.configure(JdbcTransferStore.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:io/transferas2/store/migration")
                .table("tas2_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new StoreException("transfer store: cannot open: " + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Whether the database answers now (one round trip), for health checks.
     *
     * @throws StoreException with the reason when it does not
     */
    public void check() {
        jdbc.inTransaction("reach the database", c -> {
            if (!c.isValid(3)) {
                throw new java.sql.SQLException("the connection is not valid");
            }
            return null;
        });
    }

    // ---- accept --------------------------------------------------------------------------------------------------

    @Override
    public void accept(NewTransfer transfer) {
        jdbc.inTransaction("accept transfer " + transfer.transferId(), c -> {
            insert(c, transfer);
            return null;
        });
    }

    @Override
    public boolean acceptOnce(NewTransfer transfer, String setName, String onceKey) {
        try {
            return jdbc.inTransaction("accept transfer " + transfer.transferId(), c -> {
                Jdbc.update(c, "INSERT INTO tas2_seen_key (set_name, entry_key, seen_at) VALUES (?, ?, ?)", setName,
                        onceKey, transfer.acceptedAt().toEpochMilli());
                insert(c, transfer);
                return true;
            });
        } catch (StoreException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private static void insert(Connection c, NewTransfer t) throws SQLException {
        long at = t.acceptedAt().toEpochMilli();
        Jdbc.update(c, "INSERT INTO tas2_transfer (transfer_id, connector_id, custom_http_headers, accepted_at,"
                + " accepted_by) VALUES (?, ?, ?, ?, ?)", t.transferId(), t.connectorId(), t.customHttpHeaders(), at,
                t.node());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tas2_transfer_file (transfer_id, file_index,"
                + " connector_id, file_path, file_name, message_id, status, attempts, not_before, accepted_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?, ?)")) {
            int index = 0;
            for (NewTransfer.File f : t.files()) {
                // the last path segment, for the console's file filter (an index lookup)
                String name = f.filePath().substring(f.filePath().lastIndexOf('/') + 1);
                Jdbc.bind(ps, t.transferId(), index++, t.connectorId(), f.filePath(), name, f.messageId(), at, at,
                        at);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    // ---- claim and record ----------------------------------------------------------------------------------------

    @Override
    public List<String> connectorsWithWork(Instant now) {
        long t = now.toEpochMilli();
        return jdbc.inTransaction("list connectors with queued files", c -> {
            Set<String> ids = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT connector_id FROM tas2_transfer_file"
                    + " WHERE status = 'IN_PROGRESS' AND lease_until < ?")) {
                Jdbc.bind(ps, t);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            // one index seek per connector (a loose index scan), not a read of the whole queue
            try (PreparedStatement ps = c.prepareStatement("SELECT connector_id FROM tas2_transfer_file"
                    + " WHERE status = 'QUEUED' AND connector_id > ? AND not_before <= ?"
                    + " ORDER BY status, connector_id FETCH FIRST 1 ROWS ONLY")) {
                String after = "";
                while (true) {
                    Jdbc.bind(ps, after, t);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            break;
                        }
                        after = rs.getString(1);
                    }
                    ids.add(after);
                }
            }
            return new ArrayList<>(ids);
        });
    }

    @Override
    public List<ClaimedFile> claim(String connectorId, int max, String node, Instant now, Duration lease) {
        if (max < 1) {
            return List.of();
        }
        long t = now.toEpochMilli();
        long until = now.plus(lease).toEpochMilli();
        return jdbc.inTransaction("claim files of " + connectorId, c -> {
            List<Candidate> taken = new ArrayList<>();
            // a candidate another claimer took meanwhile is left out; read again (a few times) to fill the batch
            for (int round = 0; round < 3 && taken.size() < max; round++) {
                // files of a dead node first (they are older), then the queue in acceptance order
                int want = max - taken.size();
                List<Candidate> candidates = candidates(c, connectorId,
                        "status = 'IN_PROGRESS' AND lease_until < ?", want, t);
                if (candidates.size() < want) {
                    candidates.addAll(candidates(c, connectorId, "status = 'QUEUED' AND not_before <= ?",
                            want - candidates.size(), t));
                }
                List<Candidate> got = candidates.isEmpty() ? List.of() : take(c, candidates, node, until, t);
                taken.addAll(got);
                if (got.size() == candidates.size()) {
                    break;
                }
            }
            if (taken.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement expire = c.prepareStatement("UPDATE tas2_transfer_attempt"
                    + " SET outcome = 'LEASE_EXPIRED', ended_at = ? WHERE file_id = ? AND ended_at IS NULL");
                 PreparedStatement attempt = c.prepareStatement("INSERT INTO tas2_transfer_attempt (file_id,"
                         + " attempt, node, started_at) VALUES (?, ?, ?, ?)")) {
                boolean expired = false;
                for (Candidate k : taken) {
                    if (k.leaseExpired()) {
                        Jdbc.bind(expire, t, k.fileId());
                        expire.addBatch();
                        expired = true;
                    }
                    Jdbc.bind(attempt, k.fileId(), k.attempts() + 1, node, t);
                    attempt.addBatch();
                }
                if (expired) {
                    expire.executeBatch();
                }
                attempt.executeBatch();
            }
            List<ClaimedFile> claimed = new ArrayList<>(taken.size());
            Map<String, String> headers = new HashMap<>();
            for (Candidate k : taken) {
                if (!headers.containsKey(k.transferId())) {
                    headers.put(k.transferId(), customHeaders(c, k.transferId()));
                }
                claimed.add(new ClaimedFile(k.fileId(), k.transferId(), k.fileIndex(), connectorId, k.filePath(),
                        k.messageId(), k.attempts() + 1, headers.get(k.transferId())));
            }
            return claimed;
        });
    }

    /** A claimable file as read, before it is taken. */
    private record Candidate(long fileId, String transferId, int fileIndex, String filePath, String messageId,
                             int attempts, boolean leaseExpired) {
    }

    /**
     * Reads up to {@code max} claimable files of the connector in claim order. The ORDER BY names the index's columns
     * so H2 walks the (status, connector_id, file_id) index and stops after {@code max} rows; PostgreSQL also skips
     * rows another node is claiming at this moment.
     */
    private List<Candidate> candidates(Connection c, String connectorId, String condition, int max, long t)
            throws SQLException {
        List<Candidate> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT file_id, transfer_id, file_index, file_path,"
                + " message_id, attempts, status FROM tas2_transfer_file WHERE connector_id = ? AND " + condition
                + " ORDER BY status, connector_id, file_id FETCH FIRST " + max + " ROWS ONLY" + lockClause)) {
            Jdbc.bind(ps, connectorId, t);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Candidate(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), "IN_PROGRESS".equals(rs.getString(7))));
                }
            }
        }
        return found;
    }

    /**
     * Leases the candidates that are still claimable (one batch). The condition is checked again by each UPDATE, so
     * a file another claimer took in between is left out rather than claimed twice.
     */
    private static List<Candidate> take(Connection c, List<Candidate> candidates, String node, long until, long t)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tas2_transfer_file SET status = 'IN_PROGRESS',"
                + " lease_owner = ?, lease_until = ?, attempts = ?, updated_at = ? WHERE file_id = ? AND attempts = ?"
                + " AND ((status = 'QUEUED' AND not_before <= ?) OR (status = 'IN_PROGRESS' AND lease_until < ?))")) {
            for (Candidate k : candidates) {
                Jdbc.bind(ps, node, until, k.attempts() + 1, t, k.fileId(), k.attempts(), t, t);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            List<Candidate> taken = new ArrayList<>(candidates.size());
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                    taken.add(candidates.get(i));
                }
            }
            return taken;
        }
    }

    private static String customHeaders(Connection c, String transferId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT custom_http_headers FROM tas2_transfer"
                + " WHERE transfer_id = ?")) {
            Jdbc.bind(ps, transferId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Override
    public void renewLeases(Collection<Long> fileIds, String node, Instant until) {
        if (fileIds.isEmpty()) {
            return;
        }
        jdbc.inTransaction("renew leases", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tas2_transfer_file SET lease_until = ?"
                    + " WHERE file_id = ? AND lease_owner = ? AND status = 'IN_PROGRESS'")) {
                for (Long id : fileIds) {
                    Jdbc.bind(ps, until.toEpochMilli(), id, node);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<AttemptOutcome> recordAll(List<AttemptOutcome> outcomes, String node, Instant now) {
        if (outcomes.isEmpty()) {
            return List.of();
        }
        long t = now.toEpochMilli();
        return jdbc.inTransaction("record " + outcomes.size() + " file(s)", c -> {
            List<AttemptOutcome> lost = new ArrayList<>();
            try (PreparedStatement file = c.prepareStatement("UPDATE tas2_transfer_file SET status = ?,"
                    + " failure_code = ?, failure_message = ?, mic = COALESCE(?, mic),"
                    + " status_key = COALESCE(?, status_key), not_before = ?, lease_owner = NULL, lease_until = NULL,"
                    + " updated_at = ?, finished_at = ? WHERE file_id = ? AND lease_owner = ? AND status = 'IN_PROGRESS'");
                 PreparedStatement attempt = c.prepareStatement("UPDATE tas2_transfer_attempt SET outcome = ?,"
                         + " ended_at = ?, failure_code = ?, failure_message = ? WHERE file_id = ? AND attempt = ?"
                         + " AND ended_at IS NULL")) {
                for (AttemptOutcome a : outcomes) {
                    FileOutcome outcome = a.outcome();
                    String message = Jdbc.fit(outcome.failureMessage(), 4000);
                    Jdbc.bind(file, outcome.status().name(), outcome.failureCode(), message, outcome.mic(),
                            outcome.statusKey(), outcome.notBefore() == null ? t : outcome.notBefore().toEpochMilli(),
                            t, Jdbc.orNull(outcome.status().finished() ? t : null), a.file().fileId(), node);
                    file.addBatch();
                    Jdbc.bind(attempt, outcome.status() == FileStatus.QUEUED ? "RETRY" : outcome.status().name(), t,
                            outcome.failureCode(), message, a.file().fileId(), a.file().attempt());
                    attempt.addBatch();
                }
                int[] counts = file.executeBatch();
                attempt.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 0) {
                        lost.add(outcomes.get(i));
                    }
                }
            }
            return lost;
        });
    }

    @Override
    public void release(Collection<Long> fileIds, String node, Instant now) {
        if (fileIds.isEmpty()) {
            return;
        }
        long t = now.toEpochMilli();
        jdbc.inTransaction("release files", c -> {
            for (Long id : fileIds) {
                if (Jdbc.update(c, "UPDATE tas2_transfer_file SET status = 'QUEUED', lease_owner = NULL,"
                        + " lease_until = NULL, not_before = ?, updated_at = ? WHERE file_id = ? AND lease_owner = ?"
                        + " AND status = 'IN_PROGRESS'", t, t, id, node) == 1) {
                    Jdbc.update(c, "UPDATE tas2_transfer_attempt SET outcome = 'RELEASED', ended_at = ?"
                            + " WHERE file_id = ? AND ended_at IS NULL", t, id);
                }
            }
            return null;
        });
    }

    @Override
    public boolean finishProcessing(String messageId, FileOutcome outcome, Instant now) {
        return jdbc.inTransaction("finish message " + messageId, c -> finishFile(c, messageId, outcome, now));
    }

    @Override
    public boolean finishAsync(String messageId, FileOutcome outcome, Instant now) {
        return jdbc.inTransaction("finish message " + messageId, c -> {
            if (Jdbc.update(c, "DELETE FROM tas2_pending_mdn WHERE message_id = ?",
                    io.transferas2.outbound.MessageIds.bare(messageId)) == 0) {
                return false;
            }
            finishFile(c, messageId, outcome, now);
            return true;
        });
    }

    private static boolean finishFile(Connection c, String messageId, FileOutcome outcome, Instant now)
            throws SQLException {
        long t = now.toEpochMilli();
        // IN_PROGRESS too: a fast partner's ASYNC MDN can arrive before the send recorded PROCESSING
        return Jdbc.update(c, "UPDATE tas2_transfer_file SET status = ?, failure_code = ?, failure_message = ?,"
                + " mic = COALESCE(?, mic), status_key = COALESCE(?, status_key), lease_owner = NULL,"
                + " lease_until = NULL, updated_at = ?, finished_at = ? WHERE message_id = ?"
                + " AND status IN ('PROCESSING', 'IN_PROGRESS')",
                outcome.status().name(), outcome.failureCode(), Jdbc.fit(outcome.failureMessage(), 4000),
                outcome.mic(), outcome.statusKey(), t, t, messageId) > 0;
    }

    // ---- queries -------------------------------------------------------------------------------------------------

    @Override
    public Optional<Page<FileTransferResult>> results(String connectorId, String transferId, int maxResults,
                                                       String nextToken) {
        int from = 0;
        if (nextToken != null) {
            try {
                from = Integer.parseInt(nextToken);
            } catch (NumberFormatException e) {
                from = -1;
            }
            if (from < 0) {
                throw new InvalidRequestException("Invalid NextToken");
            }
        }
        int start = from;
        return jdbc.inTransaction("list files of " + transferId, c -> {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM tas2_transfer WHERE transfer_id = ?"
                    + " AND connector_id = ?")) {
                Jdbc.bind(exists, transferId, connectorId);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                }
            }
            List<FileTransferResult> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + FILE_COLUMNS + " FROM tas2_transfer_file"
                    + " WHERE transfer_id = ? AND file_index >= ? ORDER BY file_index FETCH FIRST "
                    + (maxResults + 1) + " ROWS ONLY")) {
                Jdbc.bind(ps, transferId, start);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(result(rs, List.of()));
                    }
                }
            }
            String next = null;
            if (items.size() > maxResults) {
                next = Integer.toString(items.remove(maxResults).fileIndex());
            }
            return Optional.of(new Page<>(items, next));
        });
    }

    @Override
    public Optional<FileTransferResult> fileByMessageId(String messageId) {
        return jdbc.inTransaction("find message " + messageId, c -> {
            long fileId;
            FileTransferResult found;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + FILE_COLUMNS + " FROM tas2_transfer_file"
                    + " WHERE message_id = ?")) {
                Jdbc.bind(ps, messageId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    fileId = rs.getLong(1);
                    found = result(rs, List.of());
                }
            }
            List<FileAttempt> attempts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT attempt, node, started_at, ended_at, outcome,"
                    + " failure_code, failure_message FROM tas2_transfer_attempt WHERE file_id = ? ORDER BY attempt")) {
                Jdbc.bind(ps, fileId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long ended = rs.getLong(4);
                        attempts.add(new FileAttempt(rs.getInt(1), rs.getString(2),
                                Instant.ofEpochMilli(rs.getLong(3)), rs.wasNull() || ended == 0 ? null
                                : Instant.ofEpochMilli(ended), rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
            return Optional.of(new FileTransferResult(found.transferId(), found.connectorId(), found.fileIndex(),
                    found.filePath(), found.status(), found.failureCode(), found.failureMessage(), found.messageId(),
                    found.mic(), found.statusKey(), found.acceptedAt(), found.updatedAt(), found.finishedAt(),
                    attempts));
        });
    }

    private static FileTransferResult result(ResultSet rs, List<FileAttempt> attempts) throws SQLException {
        long finished = rs.getLong(15);
        boolean unfinished = rs.wasNull();
        return new FileTransferResult(rs.getString(2), rs.getString(4), rs.getInt(3), rs.getString(5),
                FileStatus.valueOf(rs.getString(7)), rs.getString(10), rs.getString(11), rs.getString(6),
                rs.getString(9), rs.getString(12), Instant.ofEpochMilli(rs.getLong(13)),
                Instant.ofEpochMilli(rs.getLong(14)), unfinished ? null : Instant.ofEpochMilli(finished), attempts);
    }

    @Override
    public Map<FileStatus, Long> countByStatus() {
        return jdbc.inTransaction("count files", c -> {
            Map<FileStatus, Long> counts = new EnumMap<>(FileStatus.class);
            for (FileStatus s : FileStatus.values()) {
                counts.put(s, 0L);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*) FROM tas2_transfer_file"
                    + " GROUP BY status");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(FileStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    @Override
    public int prune(Instant cutoff) {
        long t = cutoff.toEpochMilli();
        return jdbc.inTransaction("prune", c -> {
            int deleted = Jdbc.update(c, "DELETE FROM tas2_transfer WHERE accepted_at < ? AND NOT EXISTS (SELECT 1"
                    + " FROM tas2_transfer_file f WHERE f.transfer_id = tas2_transfer.transfer_id AND"
                    + " (f.finished_at IS NULL OR f.finished_at >= ?))", t, t);
            deleted += Jdbc.update(c, "DELETE FROM tas2_seen_key WHERE seen_at < ?", t);
            return deleted;
        });
    }

    // ---- the other state -----------------------------------------------------------------------------------------

    @Override
    public PendingTransferStore pendingTransfers() {
        return pending;
    }

    @Override
    public ReceivedKeys keys(String setName) {
        return new JdbcKeySet(jdbc, setName);
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && Jdbc.UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        if (onClose != null) {
            try {
                onClose.close();
            } catch (Exception e) {
                throw new StoreException("transfer store: cannot close: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String toString() {
        return "JdbcTransferStore[" + dataSource + "]";
    }
}
