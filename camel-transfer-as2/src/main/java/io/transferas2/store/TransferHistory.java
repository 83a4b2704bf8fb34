package io.transferas2.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.transferas2.registry.InvalidRequestException;
import io.transferas2.registry.Page;

/**
 * What the operations console reads and writes in the transfer store, beside the queue: inbound receipts, the
 * combined newest-first transfer list, per-partner activity, throughput buckets and the audit of console actions.
 *
 * <p>The list is paged by key (time, direction, row ID), never by offset, and every query it runs walks one index
 * in time order and stops after a page: one query per connector of the partner (outbound) and per AS2-From
 * (inbound), merged here. A million rows cost what a hundred do.
 */
public final class TransferHistory {
    private static final String RECEIPT_COLUMNS = "receipt_id, message_id, server_id, agreement_id, as2_from, as2_to,"
            + " file_name, transfer_size, mic, disposition, mdn_message_id, mdn_mode, status, failure_code,"
            + " failure_message, client_ip, payload_key, status_key, mdn_key, signed_message, encrypted, compressed,"
            + " received_at, node";
    private static final Comparator<TransferRow> NEWEST_FIRST = Comparator.comparing(TransferRow::at)
            .thenComparing(r -> order(r.direction())).thenComparingLong(TransferRow::sortKey).reversed();

    private final Jdbc jdbc;

    public TransferHistory(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    // ---- inbound receipts ----------------------------------------------------------------------------------------

    /** Stores one received message. */
    public void record(InboundReceipt r) {
        jdbc.inTransaction("record receipt " + r.messageId(), c -> Jdbc.update(c, "INSERT INTO tas2_inbound_receipt"
                + " (message_id, server_id, agreement_id, as2_from, as2_to, file_name, transfer_size, mic, disposition,"
                + " mdn_message_id, mdn_mode, status, failure_code, failure_message, client_ip, payload_key,"
                + " status_key, mdn_key, signed_message, encrypted, compressed, received_at, node) VALUES (?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Jdbc.fit(r.messageId(), 998), r.serverId(), r.agreementId(), Jdbc.fit(r.as2From(), 200),
                Jdbc.fit(r.as2To(), 200), Jdbc.fit(r.fileName(), 1024),
                r.transferSize() < 0 ? Jdbc.NULL_LONG : r.transferSize(), Jdbc.fit(r.mic(), 200),
                Jdbc.fit(r.disposition(), 400), Jdbc.fit(r.mdnMessageId(), 998), r.mdnMode(), r.status(),
                r.failureCode(), Jdbc.fit(r.failureMessage(), 4000), Jdbc.fit(r.clientIp(), 64), r.payloadKey(),
                r.statusKey(), r.mdnKey(), r.signed(), r.encrypted(), r.compressed(),
                r.receivedAt().toEpochMilli(), Jdbc.fit(r.node(), 200)));
    }

    /** The receipts of a Message-ID, newest first (a partner may send one again after a failure). */
    public List<InboundReceipt> receipts(String messageId) {
        return jdbc.inTransaction("find receipt " + messageId, c -> {
            List<InboundReceipt> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RECEIPT_COLUMNS + " FROM tas2_inbound_receipt"
                    + " WHERE message_id = ? ORDER BY received_at DESC, receipt_id DESC")) {
                Jdbc.bind(ps, messageId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(receipt(rs));
                    }
                }
            }
            return found;
        });
    }

    private static InboundReceipt receipt(ResultSet rs) throws SQLException {
        long size = rs.getLong(8);
        boolean noSize = rs.wasNull();
        return new InboundReceipt().messageId(rs.getString(2)).serverId(rs.getString(3)).agreementId(rs.getString(4))
                .as2From(rs.getString(5)).as2To(rs.getString(6)).fileName(rs.getString(7))
                .transferSize(noSize ? -1 : size).mic(rs.getString(9)).disposition(rs.getString(10))
                .mdnMessageId(rs.getString(11)).mdnMode(rs.getString(12)).status(rs.getString(13))
                .failureCode(rs.getString(14)).failureMessage(rs.getString(15)).clientIp(rs.getString(16))
                .payloadKey(rs.getString(17)).statusKey(rs.getString(18)).mdnKey(rs.getString(19))
                .signed(rs.getBoolean(20)).encrypted(rs.getBoolean(21)).compressed(rs.getBoolean(22))
                .receivedAt(Instant.ofEpochMilli(rs.getLong(23))).node(rs.getString(24));
    }

    // ---- the transfer list ---------------------------------------------------------------------------------------

    /**
     * Transfers in and out matching the filter, newest first, a page at a time.
     *
     * @param nextToken the token of the previous page, or null for the first
     * @throws InvalidRequestException when the token is not one this method returned
     */
    public Page<TransferRow> list(TransferFilter filter, int pageSize, String nextToken) {
        Cursor after = Cursor.parse(nextToken);
        int limit = Math.max(1, Math.min(pageSize, 1000));
        return jdbc.inTransaction("list transfers", c -> {
            List<TransferRow> rows = new ArrayList<>();
            if (filter.includes(TransferFilter.Direction.OUTBOUND)) {
                for (String connector : values(filter.connectorIds())) {
                    rows.addAll(outbound(c, filter, connector, after, limit + 1));
                }
            }
            if (filter.includes(TransferFilter.Direction.INBOUND)) {
                for (String as2Id : values(filter.as2Ids())) {
                    rows.addAll(inbound(c, filter, as2Id, after, limit + 1));
                }
            }
            rows.sort(NEWEST_FIRST);
            String next = null;
            if (rows.size() > limit) {
                rows = new ArrayList<>(rows.subList(0, limit));
                next = Cursor.of(rows.get(limit - 1)).toString();
            }
            return new Page<>(rows, next);
        });
    }

    /** One query per value, or a single one (null) without that condition. */
    private static List<String> values(java.util.Set<String> set) {
        List<String> list = new ArrayList<>();
        if (set == null) {
            list.add(null);
        } else {
            list.addAll(new java.util.TreeSet<>(set));
        }
        return list;
    }

    private static List<TransferRow> outbound(Connection c, TransferFilter f, String connector, Cursor after,
                                              int max) throws SQLException {
        Where w = new Where();
        w.eq("connector_id", connector).eq("status", f.status()).eq("message_id", f.messageId())
                .eq("transfer_id", f.transferId()).eq("file_name", f.fileName());
        w.range("accepted_at", f.from(), f.to()).after("accepted_at", "file_id", after, order(
                TransferFilter.Direction.OUTBOUND));
        String sql = "SELECT file_id, message_id, transfer_id, connector_id, file_path, status, failure_code,"
                + " accepted_at, finished_at FROM tas2_transfer_file" + w.sql()
                + " ORDER BY accepted_at DESC, file_id DESC FETCH FIRST " + max + " ROWS ONLY";
        List<TransferRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, w.args());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long finished = rs.getLong(9);
                    Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
                    rows.add(new TransferRow(TransferFilter.Direction.OUTBOUND, rs.getString(2), rs.getString(3),
                            rs.getString(4), null, null, rs.getString(5), -1, rs.getString(6), rs.getString(7),
                            Instant.ofEpochMilli(rs.getLong(8)), finishedAt, rs.getLong(1)));
                }
            }
        }
        return rows;
    }

    private static List<TransferRow> inbound(Connection c, TransferFilter f, String as2Id, Cursor after, int max)
            throws SQLException {
        Where w = new Where();
        w.eq("as2_from", as2Id).eq("status", f.status()).eq("message_id", f.messageId()).eq("file_name", f.fileName())
                .range("received_at", f.from(), f.to())
                .after("received_at", "receipt_id", after, order(TransferFilter.Direction.INBOUND));
        String sql = "SELECT receipt_id, message_id, server_id, agreement_id, as2_from, file_name, transfer_size,"
                + " status, failure_code, received_at FROM tas2_inbound_receipt" + w.sql()
                + " ORDER BY received_at DESC, receipt_id DESC FETCH FIRST " + max + " ROWS ONLY";
        List<TransferRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, w.args());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long size = rs.getLong(7);
                    if (rs.wasNull()) {
                        size = -1;
                    }
                    Instant at = Instant.ofEpochMilli(rs.getLong(10));
                    rows.add(new TransferRow(TransferFilter.Direction.INBOUND, rs.getString(2), null, rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), size, rs.getString(8),
                            rs.getString(9), at, at, rs.getLong(1)));
                }
            }
        }
        return rows;
    }

    /** Outbound sorts after inbound at the same millisecond. */
    static int order(TransferFilter.Direction d) {
        return d == TransferFilter.Direction.OUTBOUND ? 1 : 0;
    }

    /** Where the previous page ended: time, direction order, row ID. */
    record Cursor(long at, int direction, long key) {
        static Cursor parse(String token) {
            if (token == null || token.isEmpty()) {
                return null;
            }
            String[] p = token.split("\\.");
            try {
                if (p.length == 3) {
                    return new Cursor(Long.parseLong(p[0]), Integer.parseInt(p[1]), Long.parseLong(p[2]));
                }
            } catch (NumberFormatException e) {
                // falls through to the error
            }
            throw new InvalidRequestException("Invalid NextToken");
        }

        static Cursor of(TransferRow row) {
            return new Cursor(row.at().toEpochMilli(), order(row.direction()), row.sortKey());
        }

        @Override
        public String toString() {
            return at + "." + direction + "." + key;
        }
    }

    /** A WHERE clause built from optional conditions. */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> args = new ArrayList<>();

        Where add(String condition, Object... values) {
            conditions.add(condition);
            args.addAll(List.of(values));
            return this;
        }

        Where eq(String column, String value) {
            return value == null ? this : add(column + " = ?", value);
        }

        Where range(String column, Instant from, Instant to) {
            if (from != null) {
                add(column + " >= ?", from.toEpochMilli());
            }
            return to == null ? this : add(column + " < ?", to.toEpochMilli());
        }

        /** Rows after the cursor in newest-first order, for a side whose direction sorts as {@code side}. */
        Where after(String time, String id, Cursor cursor, int side) {
            if (cursor == null) {
                return this;
            }
            if (side < cursor.direction()) {
                return add(time + " <= ?", cursor.at());
            }
            if (side > cursor.direction()) {
                return add(time + " < ?", cursor.at());
            }
            return add("(" + time + " < ? OR (" + time + " = ? AND " + id + " < ?))", cursor.at(), cursor.at(),
                    cursor.key());
        }

        String sql() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        Object[] args() {
            return args.toArray();
        }
    }

    // ---- partner activity ----------------------------------------------------------------------------------------

    /**
     * A partner's recent activity on one connector (outbound) or from one AS2-From (inbound).
     *
     * @param lastSuccess    when the last COMPLETED one finished, or null
     * @param lastFailure    when the last FAILED one finished, or null
     * @param lastFailureCode its failure code
     * @param finished       how many finished since the time asked for
     * @param failed         how many of those failed
     * @param lastConnect    outbound only: how the last attempt to reach the partner ended (outcome and failure
     *                       code), or null
     * @param lastConnectAt  when that attempt ended
     */
    public record Activity(Instant lastSuccess, Instant lastFailure, String lastFailureCode, long finished,
                           long failed, String lastConnect, Instant lastConnectAt) {
        /** Failed share of the finished ones, 0 to 1; 0 when none finished. */
        public double failureRate() {
            return finished == 0 ? 0 : (double) failed / finished;
        }
    }

    /** Activity of a connector since {@code since}. */
    public Activity outboundActivity(String connectorId, Instant since) {
        return jdbc.inTransaction("connector activity", c -> {
            Instant success = lastAt(c, "SELECT finished_at FROM tas2_transfer_file WHERE connector_id = ? AND status"
                    + " = 'COMPLETED' ORDER BY accepted_at DESC FETCH FIRST 1 ROWS ONLY", connectorId);
            Object[] failure = lastFailure(c, "SELECT finished_at, failure_code FROM tas2_transfer_file WHERE"
                    + " connector_id = ? AND status = 'FAILED' ORDER BY accepted_at DESC FETCH FIRST 1 ROWS ONLY",
                    connectorId);
            long[] counts = counts(c, "SELECT COUNT(*), SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END) FROM"
                    + " tas2_transfer_file WHERE connector_id = ? AND accepted_at >= ? AND status IN ('COMPLETED',"
                    + " 'FAILED')", connectorId, since.toEpochMilli());
            String connect = null;
            Instant connectAt = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT a.outcome, a.failure_code, a.ended_at FROM"
                    + " tas2_transfer_attempt a JOIN tas2_transfer_file f ON f.file_id = a.file_id WHERE"
                    + " f.connector_id = ? AND a.ended_at IS NOT NULL AND f.accepted_at >= ? ORDER BY a.ended_at DESC"
                    + " FETCH FIRST 1 ROWS ONLY")) {
                Jdbc.bind(ps, connectorId, since.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        connect = rs.getString(1) + (rs.getString(2) == null ? "" : " " + rs.getString(2));
                        connectAt = Instant.ofEpochMilli(rs.getLong(3));
                    }
                }
            }
            return new Activity(success, (Instant) failure[0], (String) failure[1], counts[0], counts[1], connect,
                    connectAt);
        });
    }

    /** Activity of messages from one AS2-From since {@code since}. */
    public Activity inboundActivity(String as2From, Instant since) {
        return jdbc.inTransaction("partner activity", c -> {
            Instant success = lastAt(c, "SELECT received_at FROM tas2_inbound_receipt WHERE as2_from = ? AND status"
                    + " = 'COMPLETED' ORDER BY received_at DESC FETCH FIRST 1 ROWS ONLY", as2From);
            Object[] failure = lastFailure(c, "SELECT received_at, failure_code FROM tas2_inbound_receipt WHERE"
                    + " as2_from = ? AND status = 'FAILED' ORDER BY received_at DESC FETCH FIRST 1 ROWS ONLY", as2From);
            long[] counts = counts(c, "SELECT COUNT(*), SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END) FROM"
                    + " tas2_inbound_receipt WHERE as2_from = ? AND received_at >= ?", as2From, since.toEpochMilli());
            return new Activity(success, (Instant) failure[0], (String) failure[1], counts[0], counts[1], null, null);
        });
    }

    private static Instant lastAt(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long t = rs.getLong(1);
                    return rs.wasNull() ? null : Instant.ofEpochMilli(t);
                }
                return null;
            }
        }
    }

    private static Object[] lastFailure(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long t = rs.getLong(1);
                    return new Object[] {rs.wasNull() ? null : Instant.ofEpochMilli(t), rs.getString(2)};
                }
                return new Object[] {null, null};
            }
        }
    }

    private static long[] counts(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    // ---- throughput ----------------------------------------------------------------------------------------------

    /**
     * Messages and bytes in one time bucket.
     *
     * @param start    the bucket's start
     * @param inCount  messages received
     * @param inBytes  bytes received
     * @param outCount files sent (finished, completed or failed)
     * @param failed   failures in and out
     */
    public record Bucket(Instant start, long inCount, long inBytes, long outCount, long failed) {
    }

    /** Throughput in buckets of {@code bucketMillis} from {@code from} to {@code to}; every bucket is present. */
    public List<Bucket> throughput(Instant from, Instant to, long bucketMillis) {
        long start = from.toEpochMilli() - Math.floorMod(from.toEpochMilli(), bucketMillis);
        long end = to.toEpochMilli();
        return jdbc.inTransaction("throughput", c -> {
            Map<Long, long[]> buckets = new TreeMap<>();
            for (long b = start; b < end; b += bucketMillis) {
                buckets.put(b, new long[4]);
            }
            // counted by the database, one row per bucket, so a week of a busy station does not cross the wire
            try (PreparedStatement ps = c.prepareStatement("SELECT b, COUNT(*), SUM(size), SUM(failed) FROM (SELECT"
                    + " (received_at - ?) / ? AS b, CASE WHEN transfer_size > 0 THEN transfer_size ELSE 0 END AS"
                    + " size, CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END AS failed FROM tas2_inbound_receipt"
                    + " WHERE received_at >= ? AND received_at < ?) r GROUP BY b")) {
                Jdbc.bind(ps, start, bucketMillis, start, end);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long[] b = buckets.get(start + rs.getLong(1) * bucketMillis);
                        if (b != null) {
                            b[0] += rs.getLong(2);
                            b[1] += rs.getLong(3);
                            b[3] += rs.getLong(4);
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT b, COUNT(*), SUM(failed) FROM (SELECT"
                    + " (finished_at - ?) / ? AS b, CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END AS failed FROM"
                    + " tas2_transfer_file WHERE finished_at >= ? AND finished_at < ?) f GROUP BY b")) {
                Jdbc.bind(ps, start, bucketMillis, start, end);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long[] b = buckets.get(start + rs.getLong(1) * bucketMillis);
                        if (b != null) {
                            b[2] += rs.getLong(2);
                            b[3] += rs.getLong(3);
                        }
                    }
                }
            }
            List<Bucket> list = new ArrayList<>();
            buckets.forEach((t, v) -> list.add(new Bucket(Instant.ofEpochMilli(t), v[0], v[1], v[2], v[3])));
            return list;
        });
    }

    /** Failures in and out since {@code from}, by AWS failure code, most frequent first. */
    public Map<String, Long> failuresByCode(Instant from) {
        return jdbc.inTransaction("failures by code", c -> {
            Map<String, Long> counts = new TreeMap<>();
            for (String sql : new String[] {"SELECT failure_code, COUNT(*) FROM tas2_inbound_receipt WHERE status ="
                    + " 'FAILED' AND received_at >= ? GROUP BY failure_code", "SELECT failure_code, COUNT(*) FROM"
                    + " tas2_transfer_file WHERE status = 'FAILED' AND finished_at >= ? GROUP BY failure_code"}) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    Jdbc.bind(ps, from.toEpochMilli());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String code = rs.getString(1) == null ? "UNKNOWN" : rs.getString(1);
                            counts.merge(code, rs.getLong(2), Long::sum);
                        }
                    }
                }
            }
            Map<String, Long> sorted = new LinkedHashMap<>();
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return sorted;
        });
    }

    // ---- console actions -----------------------------------------------------------------------------------------

    /**
     * Puts a file whose ASYNC MDN never came (PROCESSING, or FAILED) back in the queue to be sent again with its
     * Message-ID, now; its pending-MDN record is dropped (the new send records a new one).
     *
     * @return false when no such file is PROCESSING or FAILED
     */
    public boolean requeue(String messageId, Instant now) {
        long t = now.toEpochMilli();
        return jdbc.inTransaction("requeue " + messageId, c -> {
            int changed = Jdbc.update(c, "UPDATE tas2_transfer_file SET status = 'QUEUED', not_before = ?,"
                    + " updated_at = ?, finished_at = NULL, lease_owner = NULL, lease_until = NULL WHERE message_id ="
                    + " ? AND status IN ('PROCESSING', 'FAILED')", t, t, messageId);
            if (changed > 0) {
                Jdbc.update(c, "DELETE FROM tas2_pending_mdn WHERE message_id = ?", messageId);
            }
            return changed > 0;
        });
    }

    /**
     * One console action.
     *
     * @param at       when
     * @param user     who
     * @param action   RESEND, RETRY_MDN, START_SERVER, STOP_SERVER
     * @param target   the Message-ID or ServerId acted on
     * @param outcome  what happened
     * @param linkedId the new TransferId of a resend, else null
     */
    public record AuditEntry(Instant at, String user, String action, String target, String outcome,
                             String linkedId) {
    }

    /** Records a console action. */
    public void audit(AuditEntry e) {
        jdbc.inTransaction("audit", c -> Jdbc.update(c, "INSERT INTO tas2_console_audit (at, username, action,"
                + " target, outcome, linked_id) VALUES (?, ?, ?, ?, ?, ?)", e.at().toEpochMilli(),
                Jdbc.fit(e.user(), 200), e.action(), Jdbc.fit(e.target(), 1024), Jdbc.fit(e.outcome(), 1024),
                e.linkedId()));
    }

    /** The latest actions, newest first; only those on {@code target} when it is not null. */
    public List<AuditEntry> audits(String target, int max) {
        return jdbc.inTransaction("list audit", c -> {
            List<AuditEntry> list = new ArrayList<>();
            String sql = "SELECT at, username, action, target, outcome, linked_id FROM tas2_console_audit"
                    + (target == null ? "" : " WHERE target = ?") + " ORDER BY at DESC, audit_id DESC FETCH FIRST "
                    + Math.max(1, max) + " ROWS ONLY";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (target != null) {
                    Jdbc.bind(ps, target);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new AuditEntry(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                    }
                }
            }
            return list;
        });
    }

    /** The Message-ID of the first file of a transfer, to link a resend to its new transfer. */
    public Optional<String> firstMessageId(String transferId) {
        return jdbc.inTransaction("first file of " + transferId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT message_id FROM tas2_transfer_file WHERE"
                    + " transfer_id = ? ORDER BY file_index FETCH FIRST 1 ROWS ONLY")) {
                Jdbc.bind(ps, transferId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }
}
