package io.transferas2.peers;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import org.apache.camel.component.as2.api.AS2AsyncMDNServerConnection;
import org.apache.camel.component.as2.api.AS2ClientConnection;
import org.apache.camel.component.as2.api.AS2ClientManager;
import org.apache.camel.component.as2.api.AS2CompressionAlgorithm;
import org.apache.camel.component.as2.api.AS2Header;
import org.apache.camel.component.as2.api.entity.AS2MessageDispositionNotificationEntity;
import org.apache.camel.component.as2.api.entity.ApplicationEntity;
import org.apache.camel.component.as2.api.protocol.RequestAS2;
import org.apache.camel.component.as2.api.protocol.RequestMDN;
import org.apache.camel.component.as2.api.util.EntityUtils;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.http.protocol.HttpProcessor;
import org.apache.hc.core5.http.protocol.HttpProcessorBuilder;
import org.apache.hc.core5.http.protocol.RequestConnControl;
import org.apache.hc.core5.http.protocol.RequestContent;
import org.apache.hc.core5.http.protocol.RequestDate;
import org.apache.hc.core5.http.protocol.RequestExpectContinue;
import org.apache.hc.core5.http.protocol.RequestTargetHost;
import org.apache.hc.core5.http.protocol.RequestUserAgent;

/**
 * camel-as2 4.17.0's AS2 client: {@link AS2ClientManager#send} over a pooled {@link AS2ClientConnection} per target,
 * as the {@code as2:client/send} producer uses it.
 * <p>
 * camel's client does not verify MDNs, so every sync and async MDN is checked here with {@link MdnInspector}
 * against the MIC of the payload entity camel signed (camel computes none itself). Two changes to stock camel, both
 * by replacing the connection's protocol processor: {@code Expect: 100-continue} can be switched off (camel always
 * sends it), and {@link SendRequest#headers()} are added (camel's API has no parameter for them).
 */
public final class CamelAs2Client implements As2PeerClient {

    /** The peer and version this class runs. */
    public static final String PEER = CamelAs2Server.PEER;

    private static final String EXTRA_HEADERS = "peers.headers";

    private final Map<String, AS2ClientConnection> connections = new ConcurrentHashMap<>();
    private final AsyncMdnBox asyncMdns = new AsyncMdnBox();
    private final String transferEncoding;
    private int asyncMdnPort;
    private AS2AsyncMDNServerConnection asyncServer;
    private URI asyncUrl;

    private CamelAs2Client(String transferEncoding) {
        BouncyCastle.register();
        this.transferEncoding = transferEncoding;
    }

    /** A client that sends the payload part without Content-Transfer-Encoding, camel's default. */
    public static CamelAs2Client create() {
        return new CamelAs2Client(null);
    }

    /**
     * A client whose asynchronous MDN listener takes this port (instead of any free one), for stations that allow
     * ASYNC MDN URLs only on listed ports (asyncMdnAllowedPorts).
     */
    public static CamelAs2Client withAsyncMdnPort(int port) {
        CamelAs2Client client = new CamelAs2Client(null);
        client.asyncMdnPort = port;
        return client;
    }

    /** A client that sends the payload part with the given Content-Transfer-Encoding (e.g. binary, base64). */
    public static CamelAs2Client withTransferEncoding(String transferEncoding) {
        return new CamelAs2Client(transferEncoding);
    }

    @Override
    public String peerName() {
        return PEER;
    }

    @Override
    public SendResult send(SendRequest r, Path payload) {
        long start = System.nanoTime();
        String messageId = null;
        Mic expectedMic = null;
        try {
            AS2ClientConnection connection = connection(r);
            String contentType = r.contentType();
            String charset = "US-ASCII";
            ApplicationEntity entityForMic;
            try (InputStream in = Files.newInputStream(payload)) {
                // camel reads the whole payload into memory anyway (AS2ClientManager.send readAllBytes)
                byte[] bytes = in.readAllBytes();
                entityForMic = EntityUtils.createEDIEntity(bytes, ContentType.create(contentType, charset),
                        transferEncoding, false, r.fileName());
                expectedMic = expectedMic(r, entityForMic);
                if (r.mdn() == MdnMode.ASYNC) {
                    asyncMdnUrl();
                }
                RawResponseCapture.begin();
                HttpCoreContext context;
                RawResponseCapture.Response raw;
                try {
                    context = send(r, connection, new java.io.ByteArrayInputStream(bytes), charset);
                } finally {
                    raw = RawResponseCapture.end();
                }
                ClassicHttpRequest request = (ClassicHttpRequest) context.getRequest();
                messageId = MdnInspector.stripBrackets(request.getFirstHeader(AS2Header.MESSAGE_ID).getValue());
                if (r.mdn() == MdnMode.ASYNC) {
                    asyncMdns.expect(messageId, r.receiver().certificate(), expectedMic);
                }
                HttpResponse response = context.getResponse();
                MdnCheck check = null;
                if (r.mdn() == MdnMode.SYNC && response instanceof ClassicHttpResponse classic
                    && classic.getEntity() != null && response.getFirstHeader(AS2Header.CONTENT_TYPE) != null) {
                    // the bytes from the socket where possible (plain HTTP), else camel's re-serialised entity
                    boolean exact = raw != null && raw.contentType() != null;
                    check = MdnInspector.inspect(exact ? raw.contentType()
                                    : response.getFirstHeader(AS2Header.CONTENT_TYPE).getValue(),
                            exact ? raw.body() : CamelMdns.bytes(classic.getEntity()), r.receiver().certificate(),
                            expectedMic, messageId);
                }
                return new SendResult(messageId, response.getCode(), expectedMic, check, null, elapsed(start));
            }
        } catch (Exception e) {
            return new SendResult(messageId, -1, expectedMic, null, describe(e), elapsed(start));
        }
    }

    private HttpCoreContext send(SendRequest r, AS2ClientConnection connection, InputStream payload, String charset)
            throws Exception {
        String from = "as2@" + r.sender().as2Id();
        Certificate[] senderChain = { r.sender().certificate() };
        Certificate[] receiverChain = { r.receiver().certificate() };
        boolean sign = r.signing().enabled();
        boolean encrypt = r.encryption().enabled();
        boolean mdn = r.mdn() != MdnMode.NONE;
        ExtraHeaders.CURRENT.set(r.headers());
        try {
            return new AS2ClientManager(connection).send(payload, r.url().getRawPath(), r.subject(), from,
                    r.sender().as2Id(), r.receiver().as2Id(), CamelAlgorithms.structure(r), r.contentType(), charset,
                    transferEncoding, sign ? CamelAlgorithms.signature(r.signing()) : null, sign ? senderChain : null,
                    sign ? r.sender().privateKey() : null,
                    r.compression().enabled() ? AS2CompressionAlgorithm.ZLIB : null, mdn ? from : null,
                    mdn && r.mdnSigning().enabled() ? r.mdnSigning().micalg() : null,
                    encrypt ? CamelAlgorithms.encryption(r.encryption()) : null, encrypt ? receiverChain : null,
                    r.fileName(), r.mdn() == MdnMode.ASYNC ? asyncUrl.toString() : null, r.basicAuthUser(),
                    r.basicAuthPassword(), null);
        } finally {
            ExtraHeaders.CURRENT.remove();
        }
    }

    /**
     * What the receiver should report: RFC 4130 §7.3.1 MIC over the payload MIME part with headers when the message
     * is signed or encrypted, over the content alone when it is neither; algorithm = first requested micalg, else
     * SHA-1 (camel-as2's server default).
     */
    private static Mic expectedMic(SendRequest r, ApplicationEntity entity) throws IOException {
        if (r.mdn() == MdnMode.NONE) {
            return null;
        }
        Signing algorithm = r.mdnSigning().enabled() ? r.mdnSigning() : Signing.SHA1;
        boolean withHeaders = r.signing().enabled() || r.encryption().enabled();
        entity.setMainBody(!withHeaders);
        return Mic.of(CamelMdns.bytes(entity), algorithm);
    }

    private AS2ClientConnection connection(SendRequest r) throws IOException {
        String key = r.url().getScheme() + "://" + r.url().getHost() + ":" + port(r.url()) + " expect="
                     + r.expectContinue() + " trust=" + (r.tlsTrust() == null ? "-" : r.tlsTrust().hashCode())
                     + " timeout=" + r.readTimeout().toMillis();
        AS2ClientConnection existing = connections.get(key);
        if (existing != null) {
            return existing;
        }
        synchronized (connections) {
            existing = connections.get(key);
            if (existing != null) {
                return existing;
            }
            SSLContext ssl = "https".equalsIgnoreCase(r.url().getScheme())
                    ? Tls.clientContext(r.tlsTrust()) : null;
            AS2ClientConnection connection = new AS2ClientConnection("1.1", "camel-as2-peer", "localhost",
                    r.url().getHost(), port(r.url()), r.readTimeout(), r.connectTimeout(), 5, Duration.ofMinutes(15),
                    ssl, ssl == null ? null : (host, session) -> true);
            replaceProtocol(connection, r.expectContinue());
            if (ssl == null) {
                RawResponseCapture.install(connection, r.readTimeout(), r.connectTimeout());
            }
            connections.put(key, connection);
            return connection;
        }
    }

    /** camel's own interceptors in camel's order, optionally without Expect, plus the extra headers. */
    private static void replaceProtocol(AS2ClientConnection connection, boolean expectContinue) {
        HttpProcessorBuilder builder = HttpProcessorBuilder.create()
                .add(new RequestAS2(connection.getAs2Version(), connection.getClientFqdn()))
                .add(new RequestMDN())
                .add(new RequestTargetHost())
                .add(new RequestUserAgent(connection.getUserAgent()))
                .add(new RequestDate())
                .add(new RequestContent(true))
                .add(new RequestConnControl());
        if (expectContinue) {
            builder.add(new RequestExpectContinue());
        }
        builder.add(new ExtraHeaders());
        try {
            Field field = AS2ClientConnection.class.getDeclaredField("httpProcessor");
            field.setAccessible(true);
            field.set(connection, builder.build());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot adjust camel-as2's client protocol", e);
        }
    }

    private static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    @Override
    public synchronized URI asyncMdnUrl() {
        if (asyncUrl == null) {
            try {
                asyncServer = new AS2AsyncMDNServerConnection(asyncMdnPort, null);
                asyncServer.receive("/mdn", (request, response, context) -> {
                    HttpEntity entity = request.getEntity();
                    Header type = request.getFirstHeader(AS2Header.CONTENT_TYPE);
                    if (entity != null && type != null) {
                        AS2MessageDispositionNotificationEntity notification = CamelMdns.notification(entity);
                        String original = notification == null || notification.getOriginalMessageId() == null
                                ? "" : MdnInspector.stripBrackets(notification.getOriginalMessageId());
                        asyncMdns.arrived(original, type.getValue(), CamelMdns.bytes(entity));
                    }
                    response.setCode(200);
                });
                asyncUrl = URI.create("http://127.0.0.1:" + asyncPort(asyncServer) + "/mdn");
            } catch (IOException e) {
                throw new IllegalStateException("cannot start camel-as2's async MDN listener", e);
            }
        }
        return asyncUrl;
    }

    private static int asyncPort(AS2AsyncMDNServerConnection server) {
        try {
            Field thread = AS2AsyncMDNServerConnection.class.getDeclaredField("listenerThread");
            thread.setAccessible(true);
            Object listener = thread.get(server);
            Field socket = listener.getClass().getDeclaredField("serverSocket");
            socket.setAccessible(true);
            return ((ServerSocket) socket.get(listener)).getLocalPort();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read camel-as2's async MDN port", e);
        }
    }

    @Override
    public MdnCheck awaitAsyncMdn(String messageId, Duration timeout) throws InterruptedException {
        return asyncMdns.await(messageId, timeout);
    }

    @Override
    public synchronized void close() {
        connections.clear();
        if (asyncServer != null) {
            asyncServer.close();
            asyncServer = null;
        }
    }

    static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.toString());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append(" <- ").append(c);
        }
        return sb.toString();
    }

    /** Adds {@link SendRequest#headers()} of the send running on this thread. */
    private static final class ExtraHeaders implements HttpRequestInterceptor {
        static final ThreadLocal<Map<String, String>> CURRENT = new ThreadLocal<>();

        @Override
        public void process(org.apache.hc.core5.http.HttpRequest request,
                org.apache.hc.core5.http.EntityDetails entity, org.apache.hc.core5.http.protocol.HttpContext context) {
            Map<String, String> headers = CURRENT.get();
            if (headers != null) {
                headers.forEach(request::setHeader);
            }
        }
    }
}
