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

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import io.transferas2.outbound.PendingTransferStore;
import io.transferas2.registry.InvalidRequestException;
import io.transferas2.registry.Page;

/**
 * {@link TransferStore} over JDBC. The SQL is plain enough for both H2 (the embedded default) and PostgreSQL; the
 * claim is {@code SELECT ... FOR UPDATE SKIP LOCKED}, so several nodes on one PostgreSQL never claim the same file.
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
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT connector_id FROM tas2_transfer_file"
                    + " WHERE (status = 'QUEUED' AND not_before <= ?) OR (status = 'IN_PROGRESS' AND lease_until < ?)")) {
                Jdbc.bind(ps, t, t);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
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
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT file_id, transfer_id, file_index, file_path,"
                    + " message_id, attempts, status FROM tas2_transfer_file WHERE connector_id = ? AND"
                    + " ((status = 'QUEUED' AND not_before <= ?) OR (status = 'IN_PROGRESS' AND lease_until < ?))"
                    + " ORDER BY file_id FETCH FIRST " + max + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
                Jdbc.bind(ps, connectorId, t, t);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] { rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6), rs.getString(7) });
                    }
                }
            }
            List<ClaimedFile> claimed = new ArrayList<>();
            Map<String, String> headers = new HashMap<>();
            for (Object[] r : rows) {
                long fileId = (Long) r[0];
                int attempt = (Integer) r[5] + 1;
                if ("IN_PROGRESS".equals(r[6])) {
                    Jdbc.update(c, "UPDATE tas2_transfer_attempt SET outcome = 'LEASE_EXPIRED', ended_at = ?"
                            + " WHERE file_id = ? AND ended_at IS NULL", t, fileId);
                }
                Jdbc.update(c, "UPDATE tas2_transfer_file SET status = 'IN_PROGRESS', lease_owner = ?,"
                        + " lease_until = ?, attempts = ?, updated_at = ? WHERE file_id = ?", node, until, attempt, t,
                        fileId);
                Jdbc.update(c, "INSERT INTO tas2_transfer_attempt (file_id, attempt, node, started_at)"
                        + " VALUES (?, ?, ?, ?)", fileId, attempt, node, t);
                String transferId = (String) r[1];
                if (!headers.containsKey(transferId)) {
                    headers.put(transferId, customHeaders(c, transferId));
                }
                claimed.add(new ClaimedFile(fileId, transferId, (Integer) r[2], connectorId, (String) r[3],
                        (String) r[4], attempt, headers.get(transferId)));
            }
            return claimed;
        });
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
    public boolean record(ClaimedFile file, String node, FileOutcome outcome, Instant now) {
        long t = now.toEpochMilli();
        String message = Jdbc.fit(outcome.failureMessage(), 4000);
        return jdbc.inTransaction("record file " + file.fileId(), c -> {
            int changed = Jdbc.update(c, "UPDATE tas2_transfer_file SET status = ?, failure_code = ?,"
                    + " failure_message = ?, mic = COALESCE(?, mic), status_key = COALESCE(?, status_key),"
                    + " not_before = ?, lease_owner = NULL, lease_until = NULL, updated_at = ?, finished_at = ?"
                    + " WHERE file_id = ? AND lease_owner = ? AND status = 'IN_PROGRESS'",
                    outcome.status().name(), outcome.failureCode(), message, outcome.mic(), outcome.statusKey(),
                    outcome.notBefore() == null ? t : outcome.notBefore().toEpochMilli(), t,
                    Jdbc.orNull(outcome.status().finished() ? t : null), file.fileId(), node);
            Jdbc.update(c, "UPDATE tas2_transfer_attempt SET outcome = ?, ended_at = ?, failure_code = ?,"
                    + " failure_message = ? WHERE file_id = ? AND attempt = ? AND ended_at IS NULL",
                    outcome.status() == FileStatus.QUEUED ? "RETRY" : outcome.status().name(), t,
                    outcome.failureCode(), message, file.fileId(), file.attempt());
            return changed == 1;
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
        long t = now.toEpochMilli();
        // IN_PROGRESS too: a fast partner's ASYNC MDN can arrive before the send recorded PROCESSING
        return jdbc.inTransaction("finish message " + messageId, c -> Jdbc.update(c, "UPDATE tas2_transfer_file"
                + " SET status = ?, failure_code = ?, failure_message = ?, mic = COALESCE(?, mic),"
                + " status_key = COALESCE(?, status_key), lease_owner = NULL, lease_until = NULL, updated_at = ?,"
                + " finished_at = ? WHERE message_id = ? AND status IN ('PROCESSING', 'IN_PROGRESS')",
                outcome.status().name(), outcome.failureCode(), Jdbc.fit(outcome.failureMessage(), 4000),
                outcome.mic(), outcome.statusKey(), t, t, messageId) > 0);
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
