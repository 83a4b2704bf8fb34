package io.transferas2.outbound;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.transferas2.as2.As2Exception;
import io.transferas2.as2.As2FailureCode;
import io.transferas2.as2.As2Names;
import io.transferas2.as2.As2MessageBuilder;
import io.transferas2.as2.DispositionNotificationOptions;
import io.transferas2.as2.MdnReader;
import io.transferas2.as2.MicAlgorithm;
import io.transferas2.as2.OutboundMessage;
import io.transferas2.as2.OutboundMessageRequest;
import io.transferas2.certs.CertificateStore;
import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.As2ConnectorConfig;
import io.transferas2.model.Connector;
import io.transferas2.model.CustomHttpHeader;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.MdnResponse;
import io.transferas2.model.Profile;
import io.transferas2.model.SigningAlg;
import io.transferas2.registry.FileTransferRules;
import io.transferas2.registry.ResourceNotFoundException;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.transfer.OutboundResult;
import io.transferas2.transfer.StatusCode;

/**
 * Sends one file through an AS2 connector the way AWS Transfer Family does, Camel-free. The connector, its profiles
 * and certificates are read from the registry on every send, so UpdateConnector and certificate rotation apply at
 * once. The payload is streamed: engine (compress, sign, encrypt) into a spool file, then POSTed with
 * Content-Length (or chunked) from that file.
 *
 * <p>Outcome:
 * <ul>
 * <li>returns COMPLETED (SYNC MDN verified, or NONE with a 2xx answer), PROCESSING (ASYNC: recorded in the
 * {@link PendingTransferStore} until the MDN arrives), or FAILED for a business failure: an MDN that is negative,
 * unverifiable or carries another MIC;</li>
 * <li>throws {@link TransportFailureException} when the partner cannot be reached, does not answer in time or answers
 * HTTP 5xx, and {@link OutboundTransferException} for every other failure (connector or profile missing, URL scheme,
 * keys, unreadable source file, HTTP 4xx).</li>
 * </ul>
 * Thread-safe; at most {@link SendOptions#maxInFlight()} sends per connector run at once, the rest wait.
 */
public final class ConnectorSender {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorSender.class);

    private final TransferRegistry registry;
    private final CertificateStore certificates;
    private final PartnerHttpClients clients;
    private final PendingTransferStore pending;
    private final BasicAuthResolver basicAuth;
    private final MdnEvaluator mdnEvaluator;
    private final As2MessageBuilder builder = new As2MessageBuilder();
    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();

    public ConnectorSender(TransferRegistry registry, CertificateStore certificates, PartnerHttpClients clients,
                           PendingTransferStore pending, BasicAuthResolver basicAuth) {
        this.registry = registry;
        this.certificates = certificates;
        this.clients = clients;
        this.pending = pending;
        this.basicAuth = basicAuth;
        this.mdnEvaluator = new MdnEvaluator(certificates);
    }

    /**
     * Sends a file.
     *
     * @return COMPLETED, PROCESSING (ASYNC) or FAILED (negative or unverifiable MDN)
     * @throws TransportFailureException                       partner unreachable, read timeout, HTTP 5xx
     * @throws OutboundTransferException                       any other failure, with its AWS failure code
     * @throws io.transferas2.registry.InvalidRequestException custom HTTP headers break AWS's rules
     */
    public OutboundResult send(String connectorId, OutboundFile file, SendOptions options) {
        FileTransferRules.checkCustomHttpHeaders(file.customHeaders());
        Instant started = certificates.now();
        String transferId = file.transferId() != null ? file.transferId() : UUID.randomUUID().toString();
        String messageId = file.messageId() != null ? MessageIds.bare(file.messageId())
                : MessageIds.next(options.messageIdDomain(), connectorId);
        String filename = file.filename();
        PendingTransfer t = new PendingTransfer(transferId, messageId, connectorId, null, null, null, null, null,
                null, filename, null, file.sourcePath() == null ? null : file.sourcePath().toString(), 0, null,
                false, started, null);

        Prepared p = prepare(t, file.contentType(), file.sourceContentType());
        t = p.transfer();
        As2ConnectorConfig config = p.config();

        Semaphore permits = inFlight.computeIfAbsent(connectorId + "/" + options.maxInFlight(),
                k -> new Semaphore(options.maxInFlight(), true));
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(t, As2FailureCode.UNABLE_TO_CONNECT_TO_REMOTE_HOST_OR_IP, "Interrupted while waiting to"
                    + " send message with ID " + messageId, e);
        }
        try {
            OutboundMessageRequest.Builder request = OutboundMessageRequest.builder()
                    .filename(filename)
                    .contentType(t.contentType())
                    .config(config)
                    .transferEncoding(options.transferEncoding())
                    .algorithmProtection(options.algorithmProtection())
                    .compressionOrder(options.compressionOrder())
                    .tempDirectory(options.tempDirectory());
            p.signingKey().ifPresent(request::signingKey);
            p.encryptionCertificate().ifPresent(request::encryptionCertificate);
            if (t.signedReceiptRequested()) {
                request.micAlgorithm(MicAlgorithm.of(p.mdnSigning()).orElseThrow());
            }
            try (InputStream source = open(t, file);
                 CountingInputStream counted = new CountingInputStream(source);
                 OutboundMessage message = build(t, request.payload(counted), config)) {
                t = t.withMessage(counted.count, message.mic().toFieldValue());
                return post(t, p.url(), message, config, options, p.trust(), p.credentials(),
                        file.customHeaders(), p.mdnResponse(), p.mdnSigning());
            } catch (IOException e) {
                // closing the source or the spool file; the send itself is decided
                throw failure(t, As2FailureCode.SEND_FILE_NOT_FOUND, "Cannot read the file to send: "
                        + e.getMessage(), e);
            }
        } finally {
            permits.release();
        }
    }

    /**
     * Checks that a connector could send now, without sending: it exists, its profiles exist, its URL is usable and
     * the signing key, the partner's encryption certificate and the Basic auth secret it needs are available. Nothing
     * goes over the network (AWS has no AS2 connection test either).
     *
     * @throws OutboundTransferException with the failure code a send would get
     */
    public void checkReady(String connectorId) {
        PendingTransfer t = new PendingTransfer("readiness-check", "readiness-check", connectorId, null, null, null,
                null, null, null, null, null, null, 0, null, false, certificates.now(), null);
        prepare(t, null, null);
    }

    /** Everything a send needs from the registry, read once per send. */
    private record Prepared(PendingTransfer transfer, As2ConnectorConfig config, URI url,
                            Optional<KeyMaterial> signingKey, Optional<KeyMaterial> encryptionCertificate,
                            BasicCredentials credentials, PartnerTrust trust, MdnResponse mdnResponse,
                            SigningAlg mdnSigning) {
    }

    private Prepared prepare(PendingTransfer draft, String explicitType, String sourceType) {
        PendingTransfer t = draft;
        Connector connector = connector(t);
        As2ConnectorConfig config = connector.getAs2Config();
        Profile local = profile(t, config.getLocalProfileId());
        Profile partner = profile(t, config.getPartnerProfileId());
        MdnResponse mdnResponse = config.effectiveMdnResponse();
        SigningAlg mdnSigning = config.effectiveMdnSigningAlgorithm();
        boolean signedReceipt = mdnResponse != MdnResponse.NONE && mdnSigning != SigningAlg.NONE;
        String contentType = ContentTypes.resolve(explicitType, sourceType, config.effectivePreserveContentType(),
                t.filename());
        String subject = config.getMessageSubject() != null ? config.getMessageSubject()
                : defaultSubject(t.filename(), local.getAs2Id(), partner.getAs2Id());
        t = new PendingTransfer(t.transferId(), t.messageId(), t.connectorId(), local.getProfileId(),
                partner.getProfileId(), local.getAs2Id(), partner.getAs2Id(), connector.getUrl(), subject,
                t.filename(), contentType, t.sourcePath(), 0, null, signedReceipt, t.sentAt(), null);

        URI url = url(t, connector, config);
        Optional<KeyMaterial> signingKey = Optional.empty();
        if (config.effectiveSigningAlgorithm() != SigningAlg.NONE) {
            signingKey = certificates.signingKey(local.getProfileId());
            if (signingKey.isEmpty()) {
                throw failure(t, As2FailureCode.SIGNING_FAILED, "No usable SIGNING certificate with a private key: "
                        + certificates.whyNoSigningKey(local.getProfileId()), null);
            }
        }
        Optional<KeyMaterial> encryptionCert = Optional.empty();
        if (config.effectiveEncryptionAlgorithm() != EncryptionAlg.NONE) {
            encryptionCert = certificates.encryptionCertificate(partner.getProfileId());
            if (encryptionCert.isEmpty()) {
                throw failure(t, As2FailureCode.ENCRYPTION_FAILED, "No usable ENCRYPTION certificate: "
                        + certificates.whyNoEncryptionCertificate(partner.getProfileId()), null);
            }
        }
        BasicCredentials credentials = null;
        if (config.hasBasicAuth()) {
            try {
                credentials = basicAuth.resolve(config.getBasicAuthSecretId());
            } catch (RuntimeException e) {
                throw failure(t, As2FailureCode.ACCESS_DENIED, "Cannot read BasicAuthSecretId "
                        + config.getBasicAuthSecretId() + ": " + e.getMessage(), null);
            }
        }
        PartnerTrust trust = new PartnerTrust(!"https".equals(url.getScheme()) ? List.of()
                : certificates.tlsCertificates(partner.getProfileId()).stream().map(KeyMaterial::certificate)
                        .toList());

        return new Prepared(t, config, url, signingKey, encryptionCert, credentials, trust, mdnResponse, mdnSigning);
    }

    /** Connection pool figures for a connector, for monitoring and tests; null before its first send. */
    public PartnerHttpClients.Stats stats(String connectorId) {
        return clients.stats(connectorId);
    }

    private OutboundResult post(PendingTransfer t, URI url, OutboundMessage message, As2ConnectorConfig config,
                                SendOptions options, PartnerTrust trust, BasicCredentials credentials,
                                List<CustomHttpHeader> customHeaders, MdnResponse mdnResponse,
                                SigningAlg mdnSigning) {
        HttpPost post = new HttpPost(url);
        post.addHeader("AS2-Version", "1.2");
        post.addHeader("AS2-From", As2Names.format(t.as2From()));
        post.addHeader("AS2-To", As2Names.format(t.as2To()));
        post.addHeader("Message-ID", "<" + t.messageId() + ">");
        post.addHeader("Subject", t.messageSubject());
        post.addHeader("Date", HttpDates.format(t.sentAt()));
        post.addHeader("MIME-Version", "1.0");
        message.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Disposition") || t.filename() == null) {
                post.addHeader(name, value);
            }
        });
        if (t.filename() != null) {
            post.addHeader("Content-Disposition", ContentDisposition.attachment(t.filename()));
        }
        if (mdnResponse != MdnResponse.NONE) {
            post.addHeader("Disposition-Notification-To", t.as2From());
            MicAlgorithm.of(mdnSigning).ifPresent(alg -> post.addHeader("Disposition-Notification-Options",
                    DispositionNotificationOptions.signedReceipt(alg).toHeaderValue()));
        }
        if (mdnResponse == MdnResponse.ASYNC) {
            post.addHeader("Receipt-Delivery-Option", config.getAsyncMdnConfig().getUrl());
        }
        if (credentials != null) {
            post.addHeader("Authorization", credentials.headerValue());
        }
        for (CustomHttpHeader h : customHeaders) {
            post.addHeader(h.getKey(), h.getValue());
        }
        post.setEntity(new SpooledEntity(message.file(), message.length(), options.chunked()));

        boolean async = mdnResponse == MdnResponse.ASYNC;
        if (async) {
            // recorded before the POST: a fast partner may deliver the MDN before the response arrives here
            pending.put(t.withExpiry(certificates.now().plus(options.asyncMdnTimeout())));
        }
        Answer answer;
        try (PartnerHttpClients.Lease lease = clients.lease(t.connectorId(), trust, options)) {
            post.setConfig(lease.requestConfig());
            if (lease.closeConnection()) {
                post.setHeader("Connection", "close");
            }
            LOG.debug("Sending message {} ({} bytes) of transfer {} to {}", t.messageId(), message.length(),
                    t.transferId(), url);
            answer = lease.client().execute(post, response -> Answer.read(response, mdnResponse == MdnResponse.NONE));
        } catch (IOException e) {
            if (async) {
                pending.remove(t.messageId());
            }
            TransportFailures.Failure f = TransportFailures.of(e, url, t.messageId(), options.readTimeout(),
                    t.partnerProfileId());
            throw new TransportFailureException(OutboundResults.of(t, StatusCode.FAILED, f.code(), f.message(),
                    certificates.now()), e);
        } catch (RuntimeException e) {
            if (async) {
                pending.remove(t.messageId());
            }
            throw e;
        }

        if (answer.status < 200 || answer.status > 299) {
            if (async) {
                pending.remove(t.messageId());
            }
            OutboundResult failed = OutboundResults.of(t, StatusCode.FAILED,
                    As2FailureCode.HTTP_ERROR_RESPONSE_FROM_PARTNER, url + " returned status " + answer.status
                            + " for message with ID " + t.messageId(), certificates.now());
            throw answer.status >= 500 ? new TransportFailureException(failed, null)
                    : new OutboundTransferException(failed, null);
        }
        switch (mdnResponse) {
            case NONE:
                return OutboundResults.of(t, StatusCode.COMPLETED, null, null, certificates.now());
            case ASYNC:
                if (!answer.looksLikeMdn()) {
                    return OutboundResults.of(t, StatusCode.PROCESSING, null, null, certificates.now());
                }
                // the partner answered synchronously after all (some do for errors): judge that MDN now
                pending.remove(t.messageId());
                return mdnEvaluator.evaluate(t, answer.contentType, answer.body, answer.messageId, answer.subject,
                        certificates.now());
            default:
                return mdnEvaluator.evaluate(t, answer.contentType, answer.body, answer.messageId, answer.subject,
                        certificates.now());
        }
    }

    private Connector connector(PendingTransfer t) {
        Connector connector;
        try {
            connector = registry.describeConnector(t.connectorId());
        } catch (ResourceNotFoundException e) {
            throw failure(t, As2FailureCode.CONNECTOR_NOT_FOUND, "Connector " + t.connectorId() + " not found", e);
        }
        if (connector.getAs2Config() == null) {
            throw failure(t, As2FailureCode.CONNECTOR_NOT_FOUND, "Connector " + t.connectorId() + " has no As2Config",
                    null);
        }
        return connector;
    }

    private Profile profile(PendingTransfer t, String profileId) {
        try {
            return registry.describeProfile(profileId);
        } catch (ResourceNotFoundException e) {
            throw failure(t, As2FailureCode.CONNECTOR_NOT_FOUND, "Connector " + t.connectorId() + " references"
                    + " profile " + profileId + ", which does not exist", e);
        }
    }

    private URI url(PendingTransfer t, Connector connector, As2ConnectorConfig config) {
        try {
            return checkUrl(connector.getUrl(), config.effectiveEncryptionAlgorithm());
        } catch (IllegalArgumentException e) {
            throw failure(t, As2FailureCode.INVALID_ENDPOINT_PROTOCOL, e.getMessage(), null);
        }
    }

    /**
     * The connector URL as AWS accepts it: http or https with a host, and https when messages go unencrypted.
     *
     * @throws IllegalArgumentException saying why not (reported as INVALID_ENDPOINT_PROTOCOL)
     */
    static URI checkUrl(String value, EncryptionAlg encryption) {
        URI url;
        try {
            url = new URI(value);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("Connector Url '" + value + "' is not a valid URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("Connector Url '" + value + "' must be an http or https URL with a"
                    + " host");
        }
        if (encryption == EncryptionAlg.NONE && !scheme.equals("https")) {
            throw new IllegalArgumentException("EncryptionAlgorithm NONE is allowed only over https, so that nothing"
                    + " travels in clear text; connector Url is " + value);
        }
        return url;
    }

    private InputStream open(PendingTransfer t, OutboundFile file) {
        try {
            return file.open();
        } catch (NoSuchFileException e) {
            throw failure(t, As2FailureCode.SEND_FILE_NOT_FOUND, "File " + e.getMessage() + " not found", e);
        } catch (IOException e) {
            throw failure(t, As2FailureCode.SEND_FILE_NOT_FOUND, "Cannot open the file to send: " + e.getMessage(),
                    e);
        }
    }

    private OutboundMessage build(PendingTransfer t, OutboundMessageRequest.Builder request,
                                  As2ConnectorConfig config) {
        try {
            return builder.build(request.build());
        } catch (As2Exception e) {
            As2FailureCode code = e.failureCode();
            if (code != As2FailureCode.SIGNING_FAILED && code != As2FailureCode.ENCRYPTION_FAILED) {
                code = e.getCause() instanceof IOException ? As2FailureCode.SEND_FILE_NOT_FOUND
                        : config.effectiveSigningAlgorithm() != SigningAlg.NONE ? As2FailureCode.SIGNING_FAILED
                        : As2FailureCode.ENCRYPTION_FAILED;
            }
            throw failure(t, code, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw failure(t, As2FailureCode.SIGNING_FAILED, e.getMessage(), e);
        }
    }

    private OutboundTransferException failure(PendingTransfer t, As2FailureCode code, String message,
                                              Throwable cause) {
        return new OutboundTransferException(OutboundResults.of(t, StatusCode.FAILED, code, message,
                certificates.now()), cause);
    }

    static String defaultSubject(String filename, String from, String to) {
        String name = filename == null ? "" : " " + filename.replaceAll("[^\\x20-\\x7e]", "_");
        return "File" + name + " from " + from + " to " + to;
    }

    /** What the partner answered: status, and the body when it may be an MDN (bounded). */
    private record Answer(int status, String contentType, byte[] body, String messageId, String subject) {

        static Answer read(ClassicHttpResponse response, boolean ignoreBody) throws IOException {
            HttpEntity entity = response.getEntity();
            byte[] body = null;
            int code = response.getCode();
            if (entity != null) {
                if (ignoreBody || code < 200 || code > 299) {
                    EntityUtils.consume(entity);
                } else {
                    body = readBounded(entity);
                }
            }
            return new Answer(code, header(response, "Content-Type"), body, header(response, "Message-ID"),
                    header(response, "Subject"));
        }

        boolean looksLikeMdn() {
            String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            return body != null && body.length > 0
                    && (ct.startsWith("multipart/report") || ct.startsWith("multipart/signed"));
        }

        private static String header(ClassicHttpResponse response, String name) {
            Header h = response.getFirstHeader(name);
            return h == null ? null : h.getValue();
        }

        private static byte[] readBounded(HttpEntity entity) throws IOException {
            try (InputStream in = entity.getContent()) {
                byte[] data = in.readNBytes(MdnReader.MAX_MDN_BYTES + 1);
                if (data.length > MdnReader.MAX_MDN_BYTES) {
                    throw new IOException("the partner's answer is larger than " + MdnReader.MAX_MDN_BYTES
                            + " bytes, so it is not an MDN");
                }
                return data;
            }
        }
    }

    /** Counts payload bytes for AWS's transfer-size. */
    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
