package io.transferas2.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.transferas2.as2.As2Exception;
import io.transferas2.as2.As2FailureCode;
import io.transferas2.as2.DispositionModifier;
import io.transferas2.as2.MdnReader;
import io.transferas2.certs.CertificateStore;
import io.transferas2.transfer.AsyncMdn;
import io.transferas2.transfer.AsyncMdnBusyException;
import io.transferas2.transfer.AsyncMdnReceiver;
import io.transferas2.transfer.OutboundResult;
import io.transferas2.transfer.StatusCode;

/**
 * Finishes ASYNC sends. A server consumer hands every MDN POSTed to it to {@link #receive(AsyncMdn)}: the MDN's
 * Original-Message-ID names the pending transfer, which is verified exactly like a SYNC MDN (partner signing
 * certificates at arrival time, signed-receipt request, MIC). {@link #overdue(Instant)} lists the transfers whose MDN
 * did not come in time, as FAILED results. Either result is stored first (status JSON) and the transfer then finished
 * with {@link #complete}, which removes the record from the {@link PendingTransferStore}: with a shared store each
 * transfer completes on one node only, and a crash before it leaves the transfer pending, never finished without its
 * status JSON.
 */
public final class AsyncMdnCompleter implements AsyncMdnReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncMdnCompleter.class);
    /** Found wherever the field sits (plain, or inside the signed part); MDNs are small and 7-bit. */
    /** How long a node holds a pending send while its route stores the result; a dead node's claim then expires. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(2);
    private static final Pattern ORIGINAL_MESSAGE_ID = Pattern.compile("(?im)^original-message-id:\\s*(.+?)\\s*$");

    private final PendingTransferStore store;
    private final CertificateStore certificates;
    private final MdnEvaluator evaluator;

    public AsyncMdnCompleter(PendingTransferStore store, CertificateStore certificates) {
        this.store = store;
        this.certificates = certificates;
        this.evaluator = new MdnEvaluator(certificates);
    }

    @Override
    public Optional<OutboundResult> receive(AsyncMdn mdn) {
        byte[] body = read(mdn);
        Optional<String> original = originalMessageId(body);
        if (original.isEmpty()) {
            LOG.debug("Async MDN on server {} from {} names no Original-Message-ID", mdn.serverId(), mdn.clientIp());
            return Optional.empty();
        }
        Optional<PendingTransfer> transfer = store.get(original.get());
        if (transfer.isEmpty()) {
            LOG.debug("Async MDN for {} matches no pending transfer", original.get());
            return Optional.empty();
        }
        OutboundResult result = evaluator.evaluate(transfer.get(), mdn.contentType(), body,
                header(mdn.headers(), "Message-ID"), header(mdn.headers(), "Subject"), certificates.now());
        if (!store.claim(original.get(), Instant.now(), CLAIM_LEASE)) {
            throw new AsyncMdnBusyException(original.get());
        }
        LOG.debug("Transfer {} finished by async MDN: {}", result.transferId(), result.statusCode());
        return Optional.of(result);
    }

    /**
     * Removes the finished transfer's pending record (after its result was stored).
     *
     * @return false when it was removed before (completed elsewhere)
     */
    @Override
    public boolean complete(OutboundResult result) {
        boolean removed = store.remove(result.messageId());
        if (!removed) {
            LOG.info("Transfer {} (message {}) was finished elsewhere meanwhile", result.transferId(),
                    result.messageId());
        }
        return removed;
    }

    @Override
    public void release(OutboundResult result) {
        store.release(result.messageId());
    }

    /**
     * The pending transfers whose deadline has passed, as FAILED results with {@code VERIFICATION_FAILED}: without an
     * MDN the delivery cannot be verified (AWS documents no code for a missing async MDN). Each is claimed for this
     * caller; they stay pending until {@link #complete} removes them or {@link #release} gives them back.
     */
    public List<OutboundResult> overdue(Instant now) {
        List<OutboundResult> expired = new ArrayList<>();
        for (PendingTransfer t : store.list()) {
            // claimed, so that of several nodes sweeping at once one announces the timeout
            if (t.expiresAt() != null && !t.expiresAt().isAfter(now) && store.claim(t.messageId(), now, CLAIM_LEASE)) {
                Duration waited = Duration.between(t.sentAt(), t.expiresAt());
                expired.add(OutboundResults.of(t, StatusCode.FAILED, As2FailureCode.VERIFICATION_FAILED,
                        "No MDN received for message with ID " + t.messageId() + " within " + waited, now));
            }
        }
        return expired;
    }

    /** The pending transfers, oldest first. */
    public List<PendingTransfer> pending() {
        List<PendingTransfer> all = new ArrayList<>(store.list());
        all.sort((a, b) -> a.sentAt().compareTo(b.sentAt()));
        return all;
    }

    static Optional<String> originalMessageId(byte[] body) {
        Matcher m = ORIGINAL_MESSAGE_ID.matcher(new String(body, StandardCharsets.ISO_8859_1));
        return m.find() ? Optional.of(MessageIds.bare(m.group(1))) : Optional.empty();
    }

    private static byte[] read(AsyncMdn mdn) {
        try (InputStream in = Files.newInputStream(mdn.body())) {
            byte[] data = in.readNBytes(MdnReader.MAX_MDN_BYTES + 1);
            if (data.length > MdnReader.MAX_MDN_BYTES) {
                throw new As2Exception(As2FailureCode.INVALID_REQUEST,
                        DispositionModifier.UNEXPECTED_PROCESSING_ERROR,
                        "an MDN larger than " + MdnReader.MAX_MDN_BYTES + " bytes");
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the async MDN body", e);
        }
    }

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return e.getValue();
            }
        }
        return null;
    }
}
