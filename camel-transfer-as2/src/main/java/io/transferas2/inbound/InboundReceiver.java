package io.transferas2.inbound;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.transferas2.as2.AlgorithmNameStyle;
import io.transferas2.as2.As2Exception;
import io.transferas2.as2.As2FailureCode;
import io.transferas2.as2.As2MdnBuilder;
import io.transferas2.as2.As2MessageParser;
import io.transferas2.as2.As2Names;
import io.transferas2.as2.Disposition;
import io.transferas2.as2.DispositionModifier;
import io.transferas2.as2.DispositionNotificationOptions;
import io.transferas2.as2.InboundMessage;
import io.transferas2.as2.InboundMessageRequest;
import io.transferas2.as2.Mdn;
import io.transferas2.as2.MdnReader;
import io.transferas2.as2.MdnRequest;
import io.transferas2.as2.Mic;
import io.transferas2.as2.MicAlgorithm;
import io.transferas2.certs.CertificateStore;
import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.Agreement;
import io.transferas2.model.CertificateUsageType;
import io.transferas2.model.Server;
import io.transferas2.registry.ResourceNotFoundException;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.transfer.AsyncMdn;
import io.transferas2.transfer.AsyncMdnBusyException;
import io.transferas2.transfer.AsyncMdnReceiver;
import io.transferas2.transfer.OutboundResult;
import io.transferas2.transfer.StatusCode;
import io.transferas2.transfer.StatusDocument;

/**
 * Receives AS2 messages for one server the way an AWS Transfer Family AS2 server does, independent of the HTTP
 * server and of Camel. One call per request:
 * <ol>
 * <li>POST only (405), server known and ONLINE (503), AS2-From / AS2-To / Message-ID present and sane (400
 * INVALID_REQUEST);</li>
 * <li>an MDN (a {@code multipart/report}, possibly signed) goes to the connector side's {@link AsyncMdnReceiver};</li>
 * <li>a payload needs an ACTIVE agreement for (AS2-From = partner As2Id, AS2-To = local As2Id) on the server (400
 * AGREEMENT_NOT_FOUND), an allowed Receipt-Delivery-Option, a size within maxMessageSize (413), and encryption
 * unless it came over HTTPS (INSUFFICENT_MESSAGE_SECURITY_UNENCRYPTED); up to here nothing of the body is read, so
 * {@code Expect: 100-continue} clients never send it;</li>
 * <li>the engine decrypts, verifies and decompresses while the body streams in; failures are answered with an error
 * MDN (or 400 without a receipt request) and handed to the route as FAILED;</li>
 * <li>a repeated Message-ID is answered {@code processed/warning: duplicate-document} and not handed on;</li>
 * <li>otherwise the route runs; only when it completes is the Message-ID committed and the positive MDN sent (in the
 * response, or POSTed for ASYNC). A route failure answers {@code processed/error: unexpected-processing-error}, or
 * HTTP 503 with {@code retryOnRouteFailure} or when the route calls it transient ({@link RetryLaterException}).</li>
 * </ol>
 * Thread-safe: one instance serves all requests of a server consumer.
 */
public final class InboundReceiver {
    /** The Subject of our MDNs, as AWS writes it. */
    public static final String MDN_SUBJECT = "Message Disposition Notification";
    private static final Logger LOG = LoggerFactory.getLogger(InboundReceiver.class);
    private static final int MAX_AS2_ID = 128;
    private static final int MAX_MESSAGE_ID = 998;

    private final ReceiverSettings settings;
    private final TransferRegistry registry;
    private final CertificateStore certificates;
    private final DuplicateGuard duplicates;
    private final MdnUrlPolicy mdnUrls;
    private final AsyncMdnSender mdnSender;
    private final Supplier<AsyncMdnReceiver> asyncMdnReceiver;
    private final RouteHandoff route;
    private final Consumer<AsyncMdnSender.Delivery> mdnDeliveries;
    private final Clock clock;
    private final As2MessageParser parser = new As2MessageParser();
    private final As2MdnBuilder mdnBuilder = new As2MdnBuilder();

    /**
     * @param mdnDeliveries told how each async MDN delivery ended (logging, tests)
     */
    public InboundReceiver(ReceiverSettings settings, TransferRegistry registry, CertificateStore certificates,
                           DuplicateGuard duplicates, MdnUrlPolicy mdnUrls, AsyncMdnSender mdnSender,
                           Supplier<AsyncMdnReceiver> asyncMdnReceiver, RouteHandoff route,
                           Consumer<AsyncMdnSender.Delivery> mdnDeliveries, Clock clock) {
        this.settings = settings;
        this.registry = registry;
        this.certificates = certificates;
        this.duplicates = duplicates;
        this.mdnUrls = mdnUrls;
        this.mdnSender = mdnSender;
        this.asyncMdnReceiver = asyncMdnReceiver;
        this.route = route;
        this.mdnDeliveries = mdnDeliveries;
        this.clock = clock;
    }

    public ReceiverSettings settings() {
        return settings;
    }

    /** Answers one request; never throws. */
    public InboundResponse receive(InboundHttpRequest request) {
        Incoming in = null;
        InboundResponse response;
        try {
            response = check(request);
            if (response == null) {
                in = new Incoming(request, RequestOrigin.of(request, settings.trustedProxies()));
                response = handle(in);
            }
        } catch (RuntimeException e) {
            LOG.error("server {}: request failed unexpectedly", settings.serverId(), e);
            response = InboundResponse.text(500, "The request failed inside the server; see its log", Map.of());
        } finally {
            if (in != null) {
                in.cleanup();
            }
        }
        if (!request.bodyConsumed()) {
            request.closeConnectionAfterResponse();
        }
        return response;
    }

    private InboundResponse check(InboundHttpRequest request) {
        if (!"POST".equals(request.method())) {
            return InboundResponse.text(405, "Method " + request.method() + " not allowed: AS2 messages are POSTed",
                    Map.of("Allow", "POST"));
        }
        Server server;
        try {
            server = registry.describeServer(settings.serverId());
        } catch (ResourceNotFoundException e) {
            return InboundResponse.text(503, "Server " + settings.serverId() + " does not exist", Map.of());
        }
        if (!server.isOnline()) {
            return InboundResponse.text(503, "Server " + settings.serverId() + " is " + server.getState()
                    + "; try again later", Map.of("Retry-After", "60"));
        }
        return null;
    }

    private InboundResponse handle(Incoming in) throws RuntimeException {
        String problem = in.headerProblem();
        if (problem != null) {
            return headerFailure(in, problem);
        }
        String type = in.mediaType();
        if (type.equals("multipart/report")) {
            return receiveMdn(in);
        }
        if (type.equals("multipart/signed")) {
            try {
                if (BodyStreams.signsReport(in.open())) {
                    return receiveMdn(in);
                }
            } catch (IOException e) {
                return headerFailure(in, "the body could not be read: " + e.getMessage());
            }
        }
        if (in.messageId == null) {
            return headerFailure(in, "the Message-ID header is missing");
        }
        return receivePayload(in);
    }

    // ---- payloads ----------------------------------------------------------------------------------------------

    private InboundResponse receivePayload(Incoming in) {
        Optional<Agreement> found = registry.findActiveAgreement(settings.serverId(), in.as2From, in.as2To)
                .filter(a -> settings.agreementId() == null || settings.agreementId().equals(a.getAgreementId()));
        if (found.isEmpty()) {
            String message = "No ACTIVE agreement" + (settings.agreementId() == null ? ""
                    : " " + settings.agreementId()) + " on server " + settings.serverId() + " for AS2-From '"
                    + in.as2From + "' and AS2-To '" + in.as2To + "'";
            deliverFailure(in, null, As2FailureCode.AGREEMENT_NOT_FOUND, message, null, null, null);
            return InboundResponse.text(400, As2FailureCode.AGREEMENT_NOT_FOUND + ": " + message, Map.of());
        }
        Agreement agreement = found.get();
        in.receipt = Receipt.of(in.headers);
        if (in.receipt.async()) {
            try {
                in.mdnUrl = mdnUrls.check(in.receipt.receiptDeliveryOption(), agreement,
                        in.request.localPort());
            } catch (IllegalArgumentException e) {
                in.receipt = new Receipt(false, null, in.receipt.options());
                return fail(in, agreement, 400, As2FailureCode.INVALID_REQUEST, null, e.getMessage(), null, null);
            }
        }
        long length = in.contentLength();
        if (length > settings.maxMessageSize()) {
            return tooLarge(in, agreement);
        }
        boolean requireEncryption = !in.origin.https();
        if (requireEncryption && !isPkcs7Mime(in.mediaType())) {
            return fail(in, agreement, 400, As2FailureCode.INSUFFICENT_MESSAGE_SECURITY_UNENCRYPTED,
                    DispositionModifier.INSUFFICIENT_MESSAGE_SECURITY, "the message is not encrypted and did not"
                    + " arrive over HTTPS (Content-Type " + in.mediaType() + ")", null, null);
        }
        InboundMessage message;
        try {
            InputStream body = in.open();
            Instant now = clock.instant();
            message = parser.parse(InboundMessageRequest.builder()
                    .headers(in.headers).body(body)
                    .decryptionKeys(certificates.decryptionKeys(agreement.getLocalProfileId(), now))
                    .partnerSigningMaterial(certificates.verificationCertificates(agreement.getPartnerProfileId(),
                            now))
                    .keyNote(certificates.note(agreement.getLocalProfileId(), CertificateUsageType.ENCRYPTION, true,
                            now))
                    .partnerCertificateNote(certificates.note(agreement.getPartnerProfileId(),
                            CertificateUsageType.SIGNING, false, now))
                    .requireEncryption(requireEncryption)
                    .requireSignature(agreement.enforcesSigning())
                    .refusedAlgorithms(agreement.refusedAlgorithms())
                    .limits(settings.limits())
                    .tempDirectory(settings.tempDirectory())
                    .build());
        } catch (IOException e) {
            return fail(in, agreement, 400, As2FailureCode.INVALID_REQUEST,
                    DispositionModifier.UNEXPECTED_PROCESSING_ERROR, "the body could not be read: " + e.getMessage(),
                    null, null);
        } catch (As2Exception e) {
            if (in.bounded != null && in.bounded.exceeded()) {
                return tooLarge(in, agreement);
            }
            return fail(in, agreement, 400, e.failureCode(), e.modifier(), e.getMessage(), null, in.rawMessage());
        }
        try (message) {
            in.drain();
            return accept(in, agreement, message);
        }
    }

    private InboundResponse accept(Incoming in, Agreement agreement, InboundMessage message) {
        String key = DuplicateGuard.key(agreement.getAgreementId(), in.messageId);
        DuplicateGuard.State claim;
        try {
            claim = duplicates.claim(key);
        } catch (RuntimeException e) {
            return stateUnavailable(in, "cannot check for a duplicate", e);
        }
        if (claim == DuplicateGuard.State.IN_FLIGHT) {
            LOG.info("server {}: message {} arrived again while its first copy is still being received; answered"
                    + " 503", settings.serverId(), in.messageId);
            return InboundResponse.text(503, "Message " + in.messageId + " is being received right now; send it"
                    + " again later", Map.of("Retry-After", "30"));
        }
        if (claim == DuplicateGuard.State.DUPLICATE) {
            LOG.info("server {}: duplicate Message-ID {} under agreement {}; answered duplicate-document, not"
                    + " landed again", settings.serverId(), in.messageId, agreement.getAgreementId());
            SentMdn mdn = in.receipt.wanted() ? buildMdn(in, agreement, message.mic(),
                    Disposition.duplicateDocument()) : null;
            return respond(in, mdn, 200, "");
        }
        String fileName = FileNames.sanitizeFileName(message.filename().orElse(null));
        Landing landing = Landing.of(agreement, fileName, in.messageId, false, true);
        SentMdn mdn = in.receipt.wanted() ? buildMdn(in, agreement, message.mic(), Disposition.processed()) : null;
        StatusDocument status = status(in, agreement, mdn).statusCode(StatusCode.COMPLETED)
                .requesterFileName(fileName).requesterContentType(message.contentType())
                .transferSize(message.payloadSize()).filePath(landing.filePath());
        InboundDelivery delivery = new InboundDelivery(InboundDelivery.Type.PAYLOAD, StatusCode.COMPLETED,
                settings.serverId(), agreement.getAgreementId(), in.as2From, in.as2To, in.messageIdStripped(),
                in.subject(), message.contentType(), fileName, in.origin.clientIp(), message.signed(),
                message.encrypted(), message.compressed(), message.mic().toFieldValue(), message.payloadSize(), null,
                null, landing, status, mdn == null ? null : mdn.mdn(), mdn == null ? null : mdn.messageId(),
                message.payload(), null, mdn == null ? null : in.receipt.receiptDeliveryOption());
        try {
            route.deliver(delivery);
        } catch (Exception e) {
            duplicates.release(key);
            return routeFailed(in, agreement, message, fileName, e);
        }
        try {
            if (!duplicates.commit(key)) {
                LOG.warn("server {}: Message-ID {} was committed by another node while this one stored it",
                        settings.serverId(), in.messageId);
            }
        } catch (RuntimeException e) {
            // stored but not recorded: no positive MDN; the partner's resend lands it again and is recorded then
            return stateUnavailable(in, "stored the payload but cannot record its Message-ID", e);
        }
        return respond(in, mdn, 200, "");
    }

    /**
     * The shared state (the transfer store's database) cannot be reached: a transient 503, never an MDN, so the
     * partner sends again later and nothing is acknowledged that is not recorded.
     */
    private InboundResponse stateUnavailable(Incoming in, String what, RuntimeException e) {
        LOG.warn("server {}: message {} answered 503: {} ({})", settings.serverId(), in.messageId, what,
                e.getMessage());
        return InboundResponse.text(503, "The receiving station's store is unavailable; send the message again later",
                Map.of("Retry-After", "60"));
    }

    private InboundResponse routeFailed(Incoming in, Agreement agreement, InboundMessage message, String fileName,
                                        Exception e) {
        String reason = "storing the message failed: " + describe(e);
        LOG.warn("server {}: route failed for message {} under agreement {}: {}", settings.serverId(), in.messageId,
                agreement.getAgreementId(), describe(e));
        RetryLaterException retryLater = e instanceof RetryLaterException r ? r : null;
        if (settings.retryOnRouteFailure() || retryLater != null) {
            in.receipt = new Receipt(false, null, in.receipt.options());
            fail(in, agreement, 503, As2FailureCode.ACCESS_DENIED, null, reason, fileName, message.payload(),
                    message);
            return InboundResponse.text(503, "The message could not be stored; send it again later",
                    Map.of("Retry-After", String.valueOf(retryLater == null ? 60 : retryLater.retryAfterSeconds())));
        }
        return fail(in, agreement, 500, As2FailureCode.ACCESS_DENIED,
                DispositionModifier.UNEXPECTED_PROCESSING_ERROR, reason, fileName, message.payload(), message);
    }

    private InboundResponse tooLarge(Incoming in, Agreement agreement) {
        in.receipt = new Receipt(false, null, in.receipt.options());
        return fail(in, agreement, 413, As2FailureCode.INVALID_REQUEST, null, "the message is larger than"
                + " maxMessageSize (" + settings.maxMessageSize() + " bytes)", null, null);
    }

    private InboundResponse fail(Incoming in, Agreement agreement, int statusWithoutMdn, As2FailureCode code,
                                 DispositionModifier modifier, String message, String fileName, Path body) {
        return fail(in, agreement, statusWithoutMdn, code, modifier, message, fileName, body, null);
    }

    /** Hands a FAILED delivery to the route and answers: error MDN when one was asked for, else plain HTTP. */
    private InboundResponse fail(Incoming in, Agreement agreement, int statusWithoutMdn, As2FailureCode code,
                                 DispositionModifier modifier, String message, String fileName, Path body,
                                 InboundMessage decoded) {
        SentMdn mdn = modifier != null && in.receipt != null && in.receipt.wanted()
                ? buildMdn(in, agreement, decoded == null ? null : decoded.mic(), Disposition.error(modifier))
                : null;
        LOG.info("server {}: message {} from {} failed: {} {}", settings.serverId(), in.messageId, in.as2From, code,
                message);
        deliverFailure(in, agreement, code, message, fileName, body, mdn, decoded);
        return respond(in, mdn, statusWithoutMdn, code + ": " + message);
    }

    private void deliverFailure(Incoming in, Agreement agreement, As2FailureCode code, String message,
                                String fileName, Path body, SentMdn mdn) {
        deliverFailure(in, agreement, code, message, fileName, body, mdn, null);
    }

    private void deliverFailure(Incoming in, Agreement agreement, As2FailureCode code, String message,
                                String fileName, Path body, SentMdn mdn, InboundMessage decoded) {
        Landing landing = agreement == null || in.messageId == null ? null
                : Landing.of(agreement, fileName, in.messageId, true, decoded != null);
        StatusDocument status = status(in, agreement, mdn).statusCode(StatusCode.FAILED)
                .failureCode(code.name()).failureMessage(message)
                .filePath(landing == null ? null : landing.filePath());
        if (decoded != null) {
            status.requesterFileName(fileName).requesterContentType(decoded.contentType())
                    .transferSize(decoded.payloadSize());
        }
        InboundDelivery delivery = new InboundDelivery(InboundDelivery.Type.PAYLOAD, StatusCode.FAILED,
                settings.serverId(), agreement == null ? null : agreement.getAgreementId(), in.as2From, in.as2To,
                in.messageIdStripped(), in.subject(), decoded == null ? null : decoded.contentType(), fileName,
                in.origin.clientIp(), decoded != null && decoded.signed(), decoded != null && decoded.encrypted(),
                decoded != null && decoded.compressed(), decoded == null ? null : decoded.mic().toFieldValue(),
                decoded == null ? -1 : decoded.payloadSize(), code, message, landing, status,
                mdn == null ? null : mdn.mdn(), mdn == null ? null : mdn.messageId(), body, null,
                mdn == null || in.receipt == null ? null : in.receipt.receiptDeliveryOption());
        deliverQuietly(delivery);
    }

    private InboundResponse headerFailure(Incoming in, String problem) {
        deliverFailure(in, null, As2FailureCode.INVALID_REQUEST, problem, null, null, null);
        return InboundResponse.text(400, As2FailureCode.INVALID_REQUEST + ": " + problem, Map.of());
    }

    private void deliverQuietly(InboundDelivery delivery) {
        try {
            route.deliver(delivery);
        } catch (Exception e) {
            LOG.warn("server {}: the route failed on {}: {}", settings.serverId(), delivery, describe(e));
        }
    }

    // ---- async MDNs for our own connectors ---------------------------------------------------------------------

    private InboundResponse receiveMdn(Incoming in) {
        Path file;
        try {
            file = in.tempFile("mdn-");
            BodyStreams.spoolSmall(in.open(), file, MdnReader.MAX_MDN_BYTES);
        } catch (BodyStreams.MessageTooLargeException e) {
            return InboundResponse.text(413, "INVALID_REQUEST: an MDN may not exceed "
                    + MdnReader.MAX_MDN_BYTES + " bytes", Map.of());
        } catch (IOException e) {
            return InboundResponse.text(400, "INVALID_REQUEST: the MDN could not be read: " + e.getMessage(),
                    Map.of());
        }
        String contentType = RequestOrigin.header(in.headers, "Content-Type");
        Optional<OutboundResult> result;
        AsyncMdnReceiver receiver = asyncMdnReceiver.get();
        try {
            result = receiver.receive(new AsyncMdn(settings.serverId(), in.origin.clientIp(),
                    Map.copyOf(in.headers), contentType, file));
        } catch (As2Exception e) {
            LOG.info("server {}: async MDN from {} refused: {}", settings.serverId(), in.as2From, e.toString());
            return InboundResponse.text(400, e.failureCode() + ": " + e.getMessage(), Map.of());
        } catch (AsyncMdnBusyException e) {
            LOG.info("server {}: async MDN from {}: {}; answered 503", settings.serverId(), in.as2From,
                    e.getMessage());
            return asyncMdnNotStored();
        }
        if (result.isEmpty()) {
            LOG.info("server {}: async MDN from {} matches no pending ASYNC transfer", settings.serverId(),
                    in.as2From);
            return InboundResponse.text(400, "INVALID_REQUEST: no pending ASYNC transfer on this server waits for"
                    + " this MDN", Map.of());
        }
        OutboundResult r = result.get();
        // the route stores the status JSON first; only then is the send finished (its pending record removed), so a
        // crash or a failed route leaves it pending and the partner's next copy of the MDN finishes it
        try {
            route.deliver(new InboundDelivery(InboundDelivery.Type.MDN, r.statusCode(), settings.serverId(), null,
                    in.as2From, in.as2To, r.messageId(), in.subject(), contentType, null, in.origin.clientIp(), false,
                    false, false, r.mic(), r.transferSize(), r.failureCode(), r.failureMessage(), null, r.status(),
                    null, in.messageIdStripped(), file, r, null));
        } catch (Exception e) {
            LOG.warn("server {}: the route failed on the async MDN for transfer {} (message {}); it stays pending and"
                    + " the MDN is refused with 503 so the partner sends it again: {}", settings.serverId(),
                    r.transferId(), r.messageId(), describe(e));
            releaseQuietly(receiver, r);
            return asyncMdnNotStored();
        }
        try {
            receiver.complete(r);
        } catch (RuntimeException e) {
            LOG.warn("server {}: cannot finish transfer {} (message {}) after its async MDN was stored; refused with"
                    + " 503 so the partner sends it again: {}", settings.serverId(), r.transferId(), r.messageId(),
                    e.toString());
            releaseQuietly(receiver, r);
            return asyncMdnNotStored();
        }
        return InboundResponse.empty(200);
    }

    /** The store just failed; the claim then expires by itself if it cannot be given back either. */
    private void releaseQuietly(AsyncMdnReceiver receiver, OutboundResult r) {
        try {
            receiver.release(r);
        } catch (RuntimeException e) {
            LOG.debug("server {}: cannot release the claim on transfer {}: {}", settings.serverId(), r.transferId(),
                    e.toString());
        }
    }

    private static InboundResponse asyncMdnNotStored() {
        return InboundResponse.text(503, "The MDN could not be stored; send it again later",
                Map.of("Retry-After", String.valueOf(RequestGate.RETRY_AFTER_SECONDS)));
    }

    // ---- MDNs and responses ------------------------------------------------------------------------------------

    /** An MDN we built and its Message-ID (without angle brackets). */
    private record SentMdn(Mdn mdn, String messageId, Map<String, String> headers) {
    }

    private SentMdn buildMdn(Incoming in, Agreement agreement, Mic mic, Disposition disposition) {
        MdnRequest.Builder b = MdnRequest.builder()
                .reportingUa("camel-transfer-as2; server " + settings.serverId())
                .originalRecipient(in.as2To).finalRecipient(in.as2To)
                .originalMessageId(in.messageIdStripped())
                .receivedContentMic(mic)
                .disposition(disposition);
        DispositionNotificationOptions options = in.receipt.options();
        if (options.signedReceiptRequested()) {
            Optional<KeyMaterial> key = certificates.signingKey(agreement.getLocalProfileId());
            if (key.isPresent()) {
                Optional<DispositionNotificationOptions.Requested> requested = options.preferredMicAlgorithm();
                MicAlgorithm algorithm = requested.map(DispositionNotificationOptions.Requested::algorithm)
                        .orElse(MicAlgorithm.SHA256);
                boolean legacy = requested.map(r -> !r.spelling().contains("-")).orElse(false);
                b.signedWith(key.get(), algorithm).signatureScheme(agreement.mdnSignatureScheme())
                        .algorithmNameStyle(legacy ? AlgorithmNameStyle.LEGACY : AlgorithmNameStyle.RFC5751);
            } else {
                LOG.warn("server {}: partner {} asked for a signed receipt but the MDN is unsigned ({}): {}",
                        settings.serverId(), in.as2From, As2FailureCode.SIGNING_FAILED,
                        certificates.whyNoSigningKey(agreement.getLocalProfileId()));
            }
        }
        Mdn mdn = mdnBuilder.build(b.build());
        String id = UUID.randomUUID() + "@" + settings.serverId();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("AS2-Version", "1.2");
        headers.put("AS2-From", As2Names.format(in.as2To));
        headers.put("AS2-To", As2Names.format(in.as2From));
        headers.put("Message-ID", "<" + id + ">");
        headers.put("Subject", MDN_SUBJECT);
        headers.put("MIME-Version", "1.0");
        return new SentMdn(mdn, id, headers);
    }

    private InboundResponse respond(Incoming in, SentMdn mdn, int statusWithoutMdn, String text) {
        if (mdn == null) {
            return text.isEmpty() ? InboundResponse.empty(statusWithoutMdn)
                    : InboundResponse.text(statusWithoutMdn, text, Map.of());
        }
        if (in.receipt.async()) {
            AsyncMdnSender.Outgoing outgoing = new AsyncMdnSender.Outgoing(in.mdnUrl, mdn.headers(),
                    mdn.mdn().body(), mdn.mdn().contentType(), in.messageIdStripped());
            mdnSender.send(outgoing).thenAccept(mdnDeliveries);
            return InboundResponse.empty(200);
        }
        return new InboundResponse(200, mdn.headers(), mdn.mdn().body(), mdn.mdn().contentType());
    }

    private StatusDocument status(Incoming in, Agreement agreement, SentMdn mdn) {
        StatusDocument doc = new StatusDocument()
                .agreementId(agreement == null ? null : agreement.getAgreementId())
                .serverId(settings.serverId())
                .as2From(in.as2From).as2To(in.as2To)
                .as2MessageId(in.messageIdStripped())
                .clientIp(in.origin.clientIp())
                .messageSubject(in.subject());
        if (mdn != null) {
            doc.disposition(mdn.mdn().disposition().toFieldValue()).mdnSubject(MDN_SUBJECT)
                    .mdnMessageId(mdn.messageId());
        }
        return doc.timestamp(clock.instant());
    }

    private static boolean isPkcs7Mime(String mediaType) {
        return mediaType.equals("application/pkcs7-mime") || mediaType.equals("application/x-pkcs7-mime");
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    // ---- one request -------------------------------------------------------------------------------------------

    /** The state of one request: its headers, the body streams opened on demand, and temp files to delete. */
    private final class Incoming {
        final InboundHttpRequest request;
        final RequestOrigin origin;
        final Map<String, String> headers;
        final String as2From;
        final String as2To;
        final String messageId;
        Receipt receipt;
        java.net.URI mdnUrl;
        BodyStreams.Bounded bounded;
        BodyStreams.Spooling spool;
        BufferedInputStream body;
        final List<Path> tempFiles = new ArrayList<>();

        Incoming(InboundHttpRequest request, RequestOrigin origin) {
            this.request = request;
            this.origin = origin;
            this.headers = request.headers();
            this.as2From = As2Names.parse(RequestOrigin.header(headers, "AS2-From"));
            this.as2To = As2Names.parse(RequestOrigin.header(headers, "AS2-To"));
            String id = RequestOrigin.header(headers, "Message-ID");
            this.messageId = id == null || id.isBlank() ? null : id.strip();
        }

        String headerProblem() {
            if (as2From == null) {
                return "the AS2-From header is missing";
            }
            if (as2To == null) {
                return "the AS2-To header is missing";
            }
            if (!sane(as2From, MAX_AS2_ID) || !sane(as2To, MAX_AS2_ID)) {
                return "AS2-From and AS2-To must be 1 to " + MAX_AS2_ID + " printable characters";
            }
            try {
                // the MDN writes them back, under the one rule of RFC 4130 6.2
                As2Names.format(as2From);
                As2Names.format(as2To);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            if (messageId != null && (!sane(messageId, MAX_MESSAGE_ID) || messageIdStripped().isEmpty())) {
                return "the Message-ID must be 1 to " + MAX_MESSAGE_ID + " printable characters";
            }
            return null;
        }

        String messageIdStripped() {
            return messageId == null ? null : FileNames.stripAngles(messageId);
        }

        String subject() {
            String s = RequestOrigin.header(headers, "Subject");
            if (s == null) {
                return null;
            }
            String clean = s.replaceAll("\\p{Cntrl}", " ").strip();
            return clean.length() > 1024 ? clean.substring(0, 1024) : clean;
        }

        String mediaType() {
            String ct = RequestOrigin.header(headers, "Content-Type");
            if (ct == null) {
                return "";
            }
            int semi = ct.indexOf(';');
            return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        }

        long contentLength() {
            String v = RequestOrigin.header(headers, "Content-Length");
            try {
                return v == null ? -1 : Long.parseLong(v.strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        BufferedInputStream open() throws IOException {
            if (body == null) {
                InputStream raw = request.openBody();
                bounded = new BodyStreams.Bounded(raw, settings.maxMessageSize());
                spool = new BodyStreams.Spooling(bounded, tempFile("raw-"), settings.rawMessageSpoolLimit());
                body = new BufferedInputStream(spool, 64 * 1024);
            }
            return body;
        }

        /** Reads what the parser left after the message (trailing bytes), so the connection can be reused. */
        void drain() {
            if (body == null) {
                return;
            }
            try {
                byte[] buf = new byte[8192];
                long left = 64 * 1024;
                int n;
                while (left > 0 && (n = body.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                    left -= n;
                }
            } catch (IOException e) {
                // the connection is closed after the response when the body was not read to its end
            }
        }

        /** The raw message read so far, for the failed/ directory; null when it passed the spool limit. */
        Path rawMessage() {
            if (spool == null) {
                return null;
            }
            drain();
            return spool.finish();
        }

        Path tempFile(String prefix) throws IOException {
            Files.createDirectories(settings.tempDirectory());
            Path file = Files.createTempFile(settings.tempDirectory(), "transfer-as2-" + prefix, ".tmp");
            tempFiles.add(file);
            return file;
        }

        void cleanup() {
            if (spool != null) {
                spool.discard();
            }
            for (Path p : tempFiles) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}", p, e);
                }
            }
        }
    }

    private static boolean sane(String value, int max) {
        return !value.isEmpty() && value.length() <= max && value.chars().allMatch(c -> c >= 32 && c != 127);
    }

}
