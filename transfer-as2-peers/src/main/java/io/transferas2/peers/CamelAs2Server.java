package io.transferas2.peers;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.component.as2.api.AS2Header;
import org.apache.camel.component.as2.api.AS2ServerConnection;
import org.apache.camel.component.as2.api.AS2ServerManager;
import org.apache.camel.component.as2.api.AS2SignatureAlgorithm;
import org.apache.camel.component.as2.api.entity.ApplicationEntity;
import org.apache.camel.component.as2.api.entity.ApplicationPkcs7MimeCompressedDataEntity;
import org.apache.camel.component.as2.api.entity.ApplicationPkcs7MimeEnvelopedDataEntity;
import org.apache.camel.component.as2.api.entity.EntityParser;
import org.apache.camel.component.as2.api.entity.MimeEntity;
import org.apache.camel.component.as2.api.entity.MultipartSignedEntity;
import org.apache.camel.component.as2.api.exception.AS2AuthenticationException;
import org.apache.camel.component.as2.api.exception.AS2ErrorDispositionException;
import org.apache.camel.component.as2.api.exception.AS2InsufficientSecurityException;
import org.apache.camel.component.as2.api.protocol.ResponseMDN;
import org.apache.camel.component.as2.api.util.SigningUtils;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpProcessor;
import org.bouncycastle.cms.jcajce.ZlibExpanderProvider;

/**
 * camel-as2 4.17.0's AS2 server ({@link AS2ServerConnection}: its own socket listener, HttpCore5 {@code HttpService},
 * {@code ResponseMDN} interceptor) with a request handler that does what {@code as2:server/listen}'s consumer does
 * and records each message.
 * <p>
 * The handler unwraps the message with camel's own entity classes ({@code getEncryptedEntity},
 * {@code getCompressedEntity}, {@code SigningUtils.isValid}) so it can record what was signed, encrypted and
 * compressed; camel's {@code ResponseMDN} then builds the MDN and its MIC exactly as in the component (including its
 * second decryption of the message). Camel's listener binds all interfaces; the URL it reports is loopback.
 */
public final class CamelAs2Server implements As2PeerServer {

    /** The peer and version this class runs. */
    public static final String PEER = "camel-as2 4.17.0";

    private static final String BEHAVIOUR = "peers.behaviour";
    private static final String MESSAGE = "peers.message";
    private static final ThreadLocal<CamelAs2Server> CONSTRUCTING = new ThreadLocal<>();

    private final ServerOptions options;
    private final ServerRecorder recorder = new ServerRecorder();
    private final PrivateKey wrongKey;
    /** Signs {@link ServerBehaviour#STRANGER_MDN_KEY} MDNs: a valid signature by a certificate nobody expects. */
    private final PeerIdentity stranger = PeerIdentity.generate("STRANGER");
    private final HarnessConnection connection;
    private final URI url;

    private CamelAs2Server(ServerOptions options) throws IOException {
        BouncyCastle.register();
        this.options = options;
        this.wrongKey = SelfSignedCertificates.rsaKeyPair(2048).getPrivate();
        AS2SignatureAlgorithm mdnAlgorithm = CamelAlgorithms.signature(options.mdnSigning());
        Certificate[] chain = { options.local().certificate() };
        Certificate[] partnerChain = { options.partner().certificate() };
        CONSTRUCTING.set(this);
        try {
            connection = new HarnessConnection(options.port(), mdnAlgorithm,
                    mdnAlgorithm == null ? null : chain, mdnAlgorithm == null ? null : options.local().privateKey(),
                    options.local().privateKey(), partnerChain,
                    options.tls() ? Tls.serverContext(options.local()) : null);
        } finally {
            CONSTRUCTING.remove();
        }
        // what as2:server/listen does for its requestUriPattern
        connection.registerConsumerConfiguration(options.path(), new AS2ServerConnection.AS2ConsumerConfiguration(
                mdnAlgorithm, mdnAlgorithm == null ? null : chain,
                mdnAlgorithm == null ? null : options.local().privateKey(), options.local().privateKey(), partnerChain));
        connection.listen(options.path(), new Handler());
        url = URI.create((options.tls() ? "https" : "http") + "://127.0.0.1:" + boundPort(connection) + options.path());
    }

    /** Starts a server; it listens until {@link #close()}. */
    public static CamelAs2Server start(ServerOptions options) throws IOException {
        return new CamelAs2Server(options);
    }

    @Override
    public String peerName() {
        return PEER;
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public List<ReceivedMessage> received() {
        return recorder.messages();
    }

    @Override
    public List<ReceivedMessage> awaitReceived(int count, Duration timeout) throws InterruptedException {
        return recorder.await(count, timeout);
    }

    @Override
    public List<RecordedRequest> requests() {
        return recorder.requests();
    }

    @Override
    public void behaviour(ServerBehaviour behaviour) {
        recorder.behaviour(behaviour);
    }

    @Override
    public void clear() {
        recorder.clear();
    }

    @Override
    public void close() {
        connection.close();
    }

    /** camel's listener offers no port getter; port 0 needs the bound socket. */
    private static int boundPort(AS2ServerConnection connection) {
        try {
            Field field = AS2ServerConnection.class.getDeclaredField("serversocket");
            field.setAccessible(true);
            return ((ServerSocket) field.get(connection)).getLocalPort();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read camel-as2's server port", e);
        }
    }

    /** camel's connection with the harness's interceptors around camel's own protocol processor. */
    private static final class HarnessConnection extends AS2ServerConnection {
        HarnessConnection(int port, AS2SignatureAlgorithm mdnAlgorithm, Certificate[] chain, PrivateKey signingKey,
                          PrivateKey decryptingKey, Certificate[] partnerChain, javax.net.ssl.SSLContext ssl)
                throws IOException {
            super("1.1", "camel-as2-peer", "localhost", port, mdnAlgorithm, chain, signingKey, decryptingKey, null,
                  partnerChain, ssl, null, null, null);
        }

        @Override
        protected HttpProcessor initProtocolProcessor(
                String as2Version, String originServer, String serverFqdn, String mdnMessageTemplate) {
            // called from camel's constructor, before this subclass's fields exist
            return CONSTRUCTING.get().new RecordingProcessor(
                    super.initProtocolProcessor(as2Version, originServer, serverFqdn, mdnMessageTemplate));
        }
    }

    /** Records each request, applies the fault behaviours and records camel's answer. */
    private final class RecordingProcessor implements HttpProcessor {
        private final HttpProcessor camel;

        RecordingProcessor(HttpProcessor camel) {
            this.camel = camel;
        }

        @Override
        public void process(HttpRequest request, EntityDetails entity, HttpContext context)
                throws HttpException, IOException {
            camel.process(request, entity, context);
            ServerBehaviour behaviour = recorder.behaviour();
            context.setAttribute(BEHAVIOUR, behaviour);
            context.removeAttribute(MESSAGE);
            recorder.request(new RecordedRequest(request.getMethod(), request.getPath(), headers(request.getHeaders()),
                    Instant.now()));
            if (behaviour == ServerBehaviour.OTHER_MICALG) {
                // camel's ResponseMDN reads the requested micalg from the request when it builds the MDN
                Header options = request.getFirstHeader(AS2Header.DISPOSITION_NOTIFICATION_OPTIONS);
                if (options != null) {
                    request.setHeader(AS2Header.DISPOSITION_NOTIFICATION_OPTIONS, options.getValue()
                            .replaceAll("signed-receipt-micalg\\s*=\\s*(optional|required)\\s*,.*$",
                                    "signed-receipt-micalg=$1, sha-512"));
                }
            }
            if (behaviour == ServerBehaviour.WRONG_MDN_KEY) {
                context.setAttribute(AS2ServerConnection.AS2_SIGNING_PRIVATE_KEY, wrongKey);
            }
        }

        @Override
        public void process(HttpResponse response, EntityDetails entity, HttpContext context)
                throws HttpException, IOException {
            camel.process(response, entity, context);
            ServerBehaviour behaviour = (ServerBehaviour) context.getAttribute(BEHAVIOUR);
            CamelMdns.Change change = behaviour == null ? null : CamelMdns.Change.of(behaviour, stranger);
            if (change != null) {
                CamelMdns.rebuild(response, context, change);
            }
            if (behaviour == ServerBehaviour.EMPTY_200 && response instanceof BasicClassicHttpResponse classic) {
                classic.setEntity(null);
                response.removeHeaders(AS2Header.CONTENT_TYPE);
                response.setHeader("Content-Length", "0");
            }
            Object message = context.getAttribute(MESSAGE);
            if (message instanceof ReceivedMessage received) {
                CamelMdns.Answer answer = CamelMdns.answer(response);
                recorder.message(received.withAnswer(answer.disposition(), answer.mic()));
            }
        }
    }

    /** What {@code AS2Consumer.handle} does, plus recording. */
    private final class Handler implements HttpRequestHandler {

        @Override
        public void handle(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context)
                throws HttpException, IOException {
            ServerBehaviour behaviour = (ServerBehaviour) context.getAttribute(BEHAVIOUR);
            if (behaviour == ServerBehaviour.HANG) {
                ServerRecorder.hang(options.hangTime());
            }
            if (behaviour == ServerBehaviour.HTTP_500) {
                response.setCode(500);
                response.setEntity(new StringEntity("simulated failure", StandardCharsets.US_ASCII));
                return;
            }
            Unwrapped u = new Unwrapped();
            try {
                EntityParser.parseAS2MessageEntity(request);
                new AS2ServerManager(connection).handleMDNResponse(context, null, "as2@" + options.local().as2Id());
                unwrap((MimeEntity) request.getEntity(), u);
                if (options.requireSigned() && !u.signed) {
                    throw new AS2InsufficientSecurityException("Failed to validate the signature");
                }
                if (options.requireEncrypted() && !u.encrypted) {
                    throw new AS2InsufficientSecurityException("Expected to be encrypted");
                }
                // camel's ResponseMDN re-extracts the payload for the MIC with the keys in the context; its
                // strict checks would reject what this server accepted, so hand it only the keys that apply
                if (!u.signed) {
                    context.setAttribute(AS2ServerConnection.AS2_VALIDATE_SIGNING_CERTIFICATE_CHAIN, null);
                }
                if (!u.encrypted) {
                    context.setAttribute(AS2ServerConnection.AS2_DECRYPTING_PRIVATE_KEY, null);
                }
                context.setAttribute(MESSAGE, record(request, u, payload(u.payload), null));
            } catch (AS2ErrorDispositionException e) {
                context.setAttribute(ResponseMDN.DISPOSITION_MODIFIER, e.getDispositionModifier());
                context.setAttribute(MESSAGE, record(request, u, null, e.getMessage()));
            } catch (HttpException | IOException | RuntimeException e) {
                // AS2Consumer turns any other failure into an HttpException: HTTP 500, no MDN
                recorder.message(record(request, u, null, e.toString()));
                throw e instanceof HttpException he ? he : new HttpException("Failed to process AS2 message", e);
            }
        }

        private void unwrap(MimeEntity entity, Unwrapped u) throws HttpException {
            MimeEntity current = entity;
            while (true) {
                if (current instanceof ApplicationPkcs7MimeEnvelopedDataEntity enveloped && !u.encrypted) {
                    u.encrypted = true;
                    current = enveloped.getEncryptedEntity(options.local().privateKey());
                } else if (current instanceof ApplicationPkcs7MimeCompressedDataEntity compressed && !u.compressed) {
                    u.compressed = true;
                    current = compressed.getCompressedEntity(new ZlibExpanderProvider());
                } else if (current instanceof MultipartSignedEntity signed && !u.signed) {
                    u.signed = true;
                    if (!SigningUtils.isValid(signed, new Certificate[] { options.partner().certificate() })) {
                        u.signature = Verification.INVALID;
                        throw new AS2AuthenticationException("Failed to validate the signature");
                    }
                    u.signature = Verification.VALID;
                    current = signed.getSignedDataEntity();
                } else if (current instanceof ApplicationEntity application) {
                    if (!u.signed) {
                        u.signature = Verification.UNSIGNED;
                    }
                    u.payload = application;
                    return;
                } else {
                    throw new HttpException("Failed to extract EDI payload: unexpected entity "
                                            + (current == null ? "null" : current.getContentType()));
                }
            }
        }

        private PayloadDigest payload(ApplicationEntity entity) throws IOException {
            Object message = entity.getEdiMessage();
            if (message instanceof InputStream in) {
                return PayloadDigest.of(in, options.retainLimit());
            }
            String charsetName = org.apache.hc.core5.http.ContentType.parse(entity.getContentType()).getCharset() == null
                    ? "US-ASCII"
                    : org.apache.hc.core5.http.ContentType.parse(entity.getContentType()).getCharset().name();
            byte[] bytes = ((String) message).getBytes(Charset.forName(charsetName));
            return PayloadDigest.of(new java.io.ByteArrayInputStream(bytes), options.retainLimit());
        }

        private ReceivedMessage record(ClassicHttpRequest request, Unwrapped u, PayloadDigest payload, String error) {
            String fileName = null;
            String contentType = null;
            if (u.payload != null) {
                contentType = u.payload.getContentType();
                Header disposition = u.payload.getFirstHeader(AS2Header.CONTENT_DISPOSITION);
                fileName = disposition == null ? null : MimeParts.parameter(disposition.getValue(), "filename");
            }
            if (fileName == null && request.getFirstHeader(AS2Header.CONTENT_DISPOSITION) != null) {
                fileName = MimeParts.parameter(request.getFirstHeader(AS2Header.CONTENT_DISPOSITION).getValue(),
                        "filename");
            }
            return new ReceivedMessage(MdnInspector.stripBrackets(value(request, AS2Header.MESSAGE_ID)),
                    value(request, AS2Header.AS2_FROM), value(request, AS2Header.AS2_TO),
                    value(request, AS2Header.SUBJECT), contentType, fileName, headers(request.getHeaders()),
                    u.encrypted, u.signed, u.compressed, u.signature, payload, null, null, error, Instant.now());
        }

        private String value(HttpRequest request, String name) {
            Header header = request.getFirstHeader(name);
            return header == null ? "" : header.getValue();
        }
    }

    private static Map<String, List<String>> headers(Header[] headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Header h : headers) {
            map.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
        }
        return map;
    }

    /** What unwrapping found so far (also when it stopped with an error). */
    private static final class Unwrapped {
        boolean encrypted;
        boolean signed;
        boolean compressed;
        Verification signature = Verification.NOT_CHECKED;
        ApplicationEntity payload;
    }
}
