package io.transferas2.store;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.transferas2.model.TransferJson;
import io.transferas2.outbound.MessageIds;
import io.transferas2.outbound.PendingTransfer;
import io.transferas2.outbound.PendingTransferStore;

/**
 * ASYNC sends waiting for their MDN, in {@code tas2_pending_mdn}: a node claims a send (claimed_until) while it runs
 * the route for its MDN or timeout, and the delete that succeeds finishes it.
 */
final class JdbcPendingTransfers implements PendingTransferStore {
    private final Jdbc jdbc;

    JdbcPendingTransfers(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(PendingTransfer transfer) {
        String json;
        try {
            json = TransferJson.json().writeValueAsString(transfer);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write pending transfer " + transfer.transferId(), e);
        }
        jdbc.inTransaction("record pending transfer " + transfer.transferId(), c -> {
            Jdbc.update(c, "DELETE FROM tas2_pending_mdn WHERE message_id = ?", transfer.messageId());
            return Jdbc.update(c, "INSERT INTO tas2_pending_mdn (message_id, sent_at, expires_at, record)"
                    + " VALUES (?, ?, ?, ?)", transfer.messageId(), transfer.sentAt().toEpochMilli(),
                    Jdbc.orNull(transfer.expiresAt() == null ? null : transfer.expiresAt().toEpochMilli()), json);
        });
    }

    @Override
    public Optional<PendingTransfer> get(String messageId) {
        List<PendingTransfer> found = select("SELECT record FROM tas2_pending_mdn WHERE message_id = ?",
                MessageIds.bare(messageId));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public boolean remove(String messageId) {
        return jdbc.inTransaction("remove pending transfer", c -> Jdbc.update(c, "DELETE FROM tas2_pending_mdn"
                + " WHERE message_id = ?", MessageIds.bare(messageId)) == 1);
    }

    @Override
    public boolean claim(String messageId, Instant now, Duration lease) {
        // one conditional update: whichever node's update matches the row first holds the claim
        return jdbc.inTransaction("claim pending transfer", c -> Jdbc.update(c, "UPDATE tas2_pending_mdn"
                + " SET claimed_until = ? WHERE message_id = ? AND (claimed_until IS NULL OR claimed_until <= ?)",
                now.plus(lease).toEpochMilli(), MessageIds.bare(messageId), now.toEpochMilli()) == 1);
    }

    @Override
    public void release(String messageId) {
        jdbc.inTransaction("release pending transfer", c -> Jdbc.update(c, "UPDATE tas2_pending_mdn"
                + " SET claimed_until = NULL WHERE message_id = ?", MessageIds.bare(messageId)));
    }

    @Override
    public List<PendingTransfer> list() {
        return select("SELECT record FROM tas2_pending_mdn ORDER BY sent_at");
    }

    private List<PendingTransfer> select(String sql, Object... args) {
        return jdbc.inTransaction("read pending transfers", c -> {
            List<PendingTransfer> all = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Jdbc.bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        try {
                            all.add(TransferJson.json().readValue(rs.getString(1), PendingTransfer.class));
                        } catch (IOException e) {
                            throw new IllegalStateException("unreadable pending transfer record", e);
                        }
                    }
                }
            }
            return all;
        });
    }

    @Override
    public String toString() {
        return "JdbcPendingTransfers";
    }
}
