package io.transferas2.console;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.transferas2.registry.ResourceNotFoundException;
import io.transferas2.store.FileStatus;
import io.transferas2.store.FileTransferResult;
import io.transferas2.store.TransferHistory;

/**
 * What an admin may do from the console, each audited (who, when, what, outcome) in the store and handed to the
 * console route: resend a failed outbound file as a new StartFileTransfer of the same S3 path (linked to the
 * original), send a file whose ASYNC MDN never came again with its Message-ID, start and stop a server.
 */
final class ConsoleActions {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleActions.class);

    /** How an action ended; {@code linkedId} is the new TransferId of a resend. */
    record Result(boolean ok, String outcome, String linkedId, String linkedMessageId) {
    }

    private final ConsoleBackend backend;
    private final ConsoleData data;
    private final Clock clock;

    ConsoleActions(ConsoleBackend backend, ConsoleData data, Clock clock) {
        this.backend = backend;
        this.data = data;
        this.clock = clock;
    }

    /** Runs and audits the action; null for an unknown action. */
    Result run(String action, String target, String user) {
        Result result = switch (action) {
            case "resend" -> resend(target);
            case "retry" -> retry(target);
            case "start-server" -> server(target, true);
            case "stop-server" -> server(target, false);
            default -> null;
        };
        if (result != null) {
            TransferHistory.AuditEntry entry = new TransferHistory.AuditEntry(clock.instant(), user,
                    action.toUpperCase(java.util.Locale.ROOT).replace('-', '_'), target, result.outcome(),
                    result.linkedId());
            backend.history().audit(entry);
            if (result.linkedMessageId() != null) {
                // the new transfer's page links back to the original
                backend.history().audit(new TransferHistory.AuditEntry(entry.at(), user, "RESENT_FROM",
                        result.linkedMessageId(), "resend of " + target, target));
            }
            LOG.info("console: {} {} {}: {}", user, action, target, result.outcome());
            backend.actionTaken(entry);
        }
        return result;
    }

    private Result resend(String messageId) {
        Optional<FileTransferResult> file = backend.queue().file(messageId);
        if (file.isEmpty()) {
            return new Result(false, "No outbound transfer has Message-ID " + messageId, null, null);
        }
        FileTransferResult f = file.get();
        if (f.status() != FileStatus.FAILED) {
            return new Result(false, "Only a FAILED file is resent; this one is " + f.status(), null, null);
        }
        try {
            backend.registry().describeConnector(f.connectorId());
        } catch (ResourceNotFoundException e) {
            return new Result(false, "Connector " + f.connectorId() + " no longer exists", null, null);
        }
        String transferId = backend.queue().accept(f.connectorId(), List.of(f.filePath()), null);
        String newMessageId = backend.history().firstMessageId(transferId).orElse(null);
        return new Result(true, "Resent " + f.filePath() + " as transfer " + transferId, transferId, newMessageId);
    }

    private Result retry(String messageId) {
        Optional<FileTransferResult> file = backend.queue().file(messageId);
        if (file.isEmpty()) {
            return new Result(false, "No outbound transfer has Message-ID " + messageId, null, null);
        }
        if (!backend.history().requeue(file.get().messageId(), clock.instant())) {
            return new Result(false, "Only a file waiting for its ASYNC MDN (PROCESSING) or FAILED is sent again;"
                    + " this one is " + file.get().status(), null, null);
        }
        return new Result(true, "Queued " + file.get().filePath() + " again with Message-ID "
                + file.get().messageId(), null, null);
    }

    private Result server(String serverId, boolean start) {
        try {
            if (start) {
                backend.registry().startServer(serverId);
            } else {
                backend.registry().stopServer(serverId);
            }
            return new Result(true, (start ? "Started" : "Stopped") + " server " + serverId, null, null);
        } catch (ResourceNotFoundException e) {
            return new Result(false, "No server " + serverId, null, null);
        }
    }

    ConsoleData data() {
        return data;
    }
}
