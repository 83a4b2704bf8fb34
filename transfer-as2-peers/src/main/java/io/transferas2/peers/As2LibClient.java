package io.transferas2.peers;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import com.helger.as2lib.cert.CertificateFactory;
import com.helger.as2lib.client.AS2Client;
import com.helger.as2lib.client.AS2ClientRequest;
import com.helger.as2lib.client.AS2ClientResponse;
import com.helger.as2lib.client.AS2ClientSettings;
import com.helger.as2lib.crypto.ECompressionType;
import com.helger.as2lib.crypto.ECryptoAlgorithmCrypt;
import com.helger.as2lib.crypto.ECryptoAlgorithmSign;
import com.helger.as2lib.crypto.IMICMatchingHandler;
import com.helger.as2lib.crypto.MIC;
import com.helger.as2lib.disposition.DispositionOptions;
import com.helger.as2lib.exception.AS2Exception;
import com.helger.as2lib.message.AS2Message;
import com.helger.as2lib.message.IBaseMessage;
import com.helger.as2lib.message.IMessage;
import com.helger.as2lib.processor.sender.AS2SenderModule;
import com.helger.as2lib.session.AS2Session;
import com.helger.as2lib.util.dump.IHTTPIncomingDumper;
import com.helger.security.keystore.EKeyStoreType;
import com.sun.net.httpserver.HttpServer;
import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import org.apache.hc.core5.util.Timeout;

/**
 * as2-lib 5.1.5's {@link AS2Client#sendSynchronous} with {@link AS2ClientSettings}, as its users call it.
 * <p>
 * By default the client is stock, including its known cost of re-reading the PKCS12 keystore (PBKDF2, JDK default
 * protection) on every send; {@link #withCachedKeyStore()} loads it once per thread through as2-lib's
 * {@code initCertificateFactory} hook. Harness additions, none of which changes the bytes on the wire: the raw MDN is
 * captured through as2-lib's incoming dumper and checked with {@link MdnInspector} against the MIC as2-lib computed
 * (as2-lib's own MIC check only logs a mismatch); the HTTP status comes from its outgoing callback; https trusts only
 * {@link SendRequest#tlsTrust()} (as2-lib trusts every certificate by default). Basic auth and
 * {@code Expect: 100-continue} are plain custom headers, as as2-lib has no setting for either. as2-lib's
 * {@code AS2Client} cannot receive async MDNs; they arrive at a small JDK HTTP listener of the harness.
 */
public final class As2LibClient implements As2PeerClient {

    /** The peer and version this class runs. */
    public static final String PEER = As2LibReceiver.PEER;

    private static final String PASSWORD = "peers-keystore";

    private final boolean cacheKeyStore;
    private final Map<String, byte[]> keyStores = new ConcurrentHashMap<>();
    private final ThreadLocal<Map<String, CertificateFactory>> cachedFactories =
            ThreadLocal.withInitial(java.util.HashMap::new);
    private final AsyncMdnBox asyncMdns = new AsyncMdnBox();
    private HttpServer asyncServer;
    private URI asyncUrl;

    private As2LibClient(boolean cacheKeyStore) {
        BouncyCastle.register();
        this.cacheKeyStore = cacheKeyStore;
    }

    /** The stock client: keystore parsed on every send. */
    public static As2LibClient create() {
        return new As2LibClient(false);
    }

    /** The client with the keystore loaded once per thread (the baseline's {@code as2lib-cachedks} variant). */
    public static As2LibClient withCachedKeyStore() {
        return new As2LibClient(true);
    }

    @Override
    public String peerName() {
        return PEER + (cacheKeyStore ? " (keystore cached)" : "");
    }

    @Override
    public SendResult send(SendRequest r, Path payload) {
        long start = System.nanoTime();
        Capture capture = new Capture();
        try {
            AS2ClientSettings settings = settings(r, capture);
            // a DataHandler streams the file; setData(File) would read it into one byte[] (OOM at 1 GB in 256 MB)
            AS2ClientRequest request = new AS2ClientRequest(r.subject())
                    .setData(new DataHandler(new FileDataSource(payload.toFile())))
                    .setFilename(payload.getFileName().toString())
                    .setContentType(r.contentType());
            if (r.fileName() != null) {
                request.setFilename(r.fileName());
            }
            AS2ClientResponse response = new HarnessClient(r, capture).sendSynchronous(settings, request);
            String messageId = MdnInspector.stripBrackets(response.getOriginalMessageID());
            Mic expected = capture.originalMic;
            if (r.mdn() == MdnMode.ASYNC) {
                asyncMdns.expect(messageId, r.receiver().certificate(), expected);
            }
            MdnCheck check = null;
            if (r.mdn() == MdnMode.SYNC && capture.mdnBody != null) {
                check = MdnInspector.inspect(capture.mdnContentType, capture.mdnBody, r.receiver().certificate(),
                        expected, messageId);
            }
            String error = response.hasException() ? CamelAs2Client.describe(response.getException()) : null;
            return new SendResult(messageId, capture.httpStatus, expected, check, error,
                    CamelAs2Client.elapsed(start));
        } catch (Exception e) {
            return new SendResult(null, capture.httpStatus, capture.originalMic, null, CamelAs2Client.describe(e),
                    CamelAs2Client.elapsed(start));
        }
    }

    private AS2ClientSettings settings(SendRequest r, Capture capture) {
        AS2ClientSettings s = new AS2ClientSettings();
        s.setKeyStore(EKeyStoreType.PKCS12, keyStore(r), PASSWORD);
        s.setSenderData(r.sender().as2Id(), "as2@" + r.sender().as2Id(), As2LibReceiver.LOCAL_ALIAS);
        s.setReceiverData(r.receiver().as2Id(), As2LibReceiver.PARTNER_ALIAS, r.url().toString());
        s.setPartnershipName(r.sender().as2Id() + "-" + r.receiver().as2Id());
        s.setEncryptAndSign(crypt(r.encryption()), sign(r.signing()));
        if (r.compression().enabled()) {
            s.setCompress(ECompressionType.ZLIB, r.compressBeforeSigning());
        }
        s.setMDNRequested(r.mdn() != MdnMode.NONE);
        if (r.mdn() != MdnMode.NONE) {
            s.setMDNOptions(r.mdnSigning().enabled()
                    ? new DispositionOptions().setProtocolImportance(DispositionOptions.IMPORTANCE_OPTIONAL)
                            .setProtocol(DispositionOptions.PROTOCOL_PKCS7_SIGNATURE)
                            .setMICAlgImportance(DispositionOptions.IMPORTANCE_OPTIONAL)
                            .setMICAlg(sign(r.mdnSigning())).getAsString()
                    : null);
        }
        if (r.mdn() == MdnMode.ASYNC) {
            s.setAsyncMDNUrl(asyncMdnUrl().toString());
        }
        s.setConnectTimeout(Timeout.ofMilliseconds(r.connectTimeout().toMillis()));
        s.setResponseTimeout(Timeout.ofMilliseconds(r.readTimeout().toMillis()));
        s.setHttpIncomingDumper(capture);
        s.setMICMatchingHandler(capture);
        r.headers().forEach((name, value) -> s.customHeaders().setHeader(name, value));
        if (r.basicAuthUser() != null) {
            String token = r.basicAuthUser() + ":" + r.basicAuthPassword();
            s.customHeaders().setHeader("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
        }
        if (r.expectContinue()) {
            s.customHeaders().setHeader("Expect", "100-continue");
        }
        return s;
    }

    private byte[] keyStore(SendRequest r) {
        String key = r.sender().as2Id() + "|" + r.sender().certificate().hashCode() + "|"
                     + r.receiver().certificate().hashCode();
        return keyStores.computeIfAbsent(key, k -> As2LibReceiver.pkcs12(r.sender(), r.receiver(), PASSWORD));
    }

    static ECryptoAlgorithmSign sign(Signing signing) {
        switch (signing) {
            case SHA1:
                return ECryptoAlgorithmSign.DIGEST_SHA_1;
            case SHA256:
                return ECryptoAlgorithmSign.DIGEST_SHA_256;
            case SHA384:
                return ECryptoAlgorithmSign.DIGEST_SHA_384;
            case SHA512:
                return ECryptoAlgorithmSign.DIGEST_SHA_512;
            default:
                return null;
        }
    }

    static ECryptoAlgorithmCrypt crypt(Encryption encryption) {
        switch (encryption) {
            case AES128_CBC:
                return ECryptoAlgorithmCrypt.CRYPT_AES128_CBC;
            case AES192_CBC:
                return ECryptoAlgorithmCrypt.CRYPT_AES192_CBC;
            case AES256_CBC:
                return ECryptoAlgorithmCrypt.CRYPT_AES256_CBC;
            case DES_EDE3_CBC:
                return ECryptoAlgorithmCrypt.CRYPT_3DES;
            default:
                return null;
        }
    }

    @Override
    public synchronized URI asyncMdnUrl() {
        if (asyncUrl == null) {
            try {
                asyncServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
                asyncServer.createContext("/mdn", exchange -> {
                    byte[] body = exchange.getRequestBody().readAllBytes(); // an MDN: small and bounded
                    String type = exchange.getRequestHeaders().getFirst("Content-Type");
                    MdnCheck peek = MdnInspector.inspect(type == null ? "text/plain" : type, body, null, null, null);
                    String original = peek.originalMessageId() == null ? ""
                            : MdnInspector.stripBrackets(peek.originalMessageId());
                    asyncMdns.arrived(original, type == null ? "text/plain" : type, body);
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
                asyncServer.start();
                asyncUrl = URI.create("http://127.0.0.1:" + asyncServer.getAddress().getPort() + "/mdn");
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the async MDN listener", e);
            }
        }
        return asyncUrl;
    }

    @Override
    public MdnCheck awaitAsyncMdn(String messageId, Duration timeout) throws InterruptedException {
        return asyncMdns.await(messageId, timeout);
    }

    @Override
    public synchronized void close() {
        if (asyncServer != null) {
            asyncServer.stop(0);
            asyncServer = null;
        }
    }

    /** What as2-lib reports about one send through its hooks. */
    private static final class Capture implements IHTTPIncomingDumper, IMICMatchingHandler {
        volatile int httpStatus = -1;
        volatile Mic originalMic;
        volatile String mdnContentType;
        volatile byte[] mdnBody;

        @Override
        public void dumpIncomingRequest(List<String> headerLines, byte[] payload, IBaseMessage msg) {
            for (String line : headerLines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Type")) {
                    mdnContentType = line.substring(colon + 1).trim();
                }
            }
            mdnBody = payload.clone();
        }

        @Override
        public void onMICMatch(IMessage msg, String mic) {
            // the harness compares itself
        }

        @Override
        public void onMICMismatch(IMessage msg, String originalMic, String receivedMic) {
            // the harness compares itself; as2-lib's default only logs this
        }

        void original(MIC mic) {
            if (mic != null) {
                originalMic = Mic.parse(mic.getAsAS2String());
            }
        }
    }

    /** {@link AS2Client} with the harness's sender module and, optionally, the keystore cache. */
    private final class HarnessClient extends AS2Client {
        private final SendRequest request;

        HarnessClient(SendRequest request, Capture capture) {
            this.request = request;
            setAS2SenderModuleFactory(() -> new HarnessSender(request, capture));
        }

        @Override
        protected void initCertificateFactory(AS2ClientSettings settings, AS2Session session) throws AS2Exception {
            if (!cacheKeyStore) {
                super.initCertificateFactory(settings, session);
                return;
            }
            String key = settings.getSenderAS2ID() + "|" + request.receiver().certificate().hashCode();
            CertificateFactory cached = cachedFactories.get().get(key);
            if (cached == null) {
                super.initCertificateFactory(settings, session);
                cachedFactories.get().put(key, (CertificateFactory) session.getCertificateFactory());
            } else {
                session.setCertificateFactory(cached);
            }
        }
    }

    /** as2-lib's sender module reporting status and MIC, and trusting only the configured TLS certificate. */
    private final class HarnessSender extends AS2SenderModule {
        private final SendRequest request;
        private final Capture capture;

        HarnessSender(SendRequest request, Capture capture) {
            this.request = request;
            this.capture = capture;
            setOutgoingHttpCallback((isMessage, from, to, messageId, mic, cte, url, status) -> {
                capture.httpStatus = status;
                capture.original(mic);
            });
        }

        @Override
        public SSLContext createSSLContext() throws GeneralSecurityException {
            if (request.tlsTrust() == null) {
                return super.createSSLContext();
            }
            return Tls.clientContext(request.tlsTrust());
        }

        @Override
        protected void storePendingInfo(AS2Message msg, MIC mic) {
            // async MDN: as2-lib would write pending-info files; the harness keeps the MIC in memory
            capture.original(mic);
        }
    }
}
