package io.transferas2.peers;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.Header;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;

import com.helger.as2lib.cert.AbstractCertificateFactory;
import com.helger.as2lib.cert.CertificateFactory;
import com.helger.as2lib.disposition.DispositionType;
import com.helger.as2lib.exception.AS2Exception;
import com.helger.as2lib.message.AS2Message;
import com.helger.as2lib.message.AS2MessageMDN;
import com.helger.as2lib.message.IMessage;
import com.helger.as2lib.partner.AbstractPartnershipFactory;
import com.helger.as2lib.partner.Partnership;
import com.helger.as2lib.processor.DefaultMessageProcessor;
import com.helger.as2lib.processor.module.AbstractProcessorModule;
import com.helger.as2lib.processor.receiver.AS2ReceiverModule;
import com.helger.as2lib.processor.receiver.net.AS2ReceiverHandler;
import com.helger.as2lib.processor.sender.AsynchMDNSenderModule;
import com.helger.as2lib.processor.storage.IProcessorStorageModule;
import com.helger.as2lib.session.AS2Session;
import com.helger.as2lib.util.AS2ResourceHelper;
import com.helger.as2lib.util.http.HTTPHelper;
import com.helger.as2lib.util.http.IAS2HttpResponseHandler;
import com.helger.commons.state.ESuccess;
import com.helger.commons.collection.attr.StringMap;

/**
 * as2-lib 5.1.5's socket receiver: an {@link AS2ReceiverModule} whose {@link AS2ReceiverHandler} reads the HTTP
 * request ({@code HTTPHelper}), decrypts, decompresses, verifies against the partnership's sender certificate and
 * answers the MDN (sync, or async through {@link AsynchMDNSenderModule}).
 * <p>
 * Harness changes: the listening socket is the harness's own (bound to 127.0.0.1, port 0 possible, TLS possible;
 * as2-lib's module can do neither), each accepted socket still goes to as2-lib's connection thread and handler; a
 * storage module records the payload; the handler subclass records requests and applies the fault behaviours.
 * Keys live in as2-lib's PKCS12 {@link CertificateFactory}, built once in memory.
 */
public final class As2LibReceiver implements As2PeerServer {

    /** The peer and version this class runs. */
    public static final String PEER = "as2-lib 5.1.5";

    static final String LOCAL_ALIAS = "local";
    static final String PARTNER_ALIAS = "partner";
    static final String KEYSTORE_PASSWORD = "in-memory";

    private final ServerOptions options;
    private final ServerRecorder recorder = new ServerRecorder();
    private final HarnessModule module;
    private final ServerSocket serverSocket;
    private final Thread acceptor;
    private final URI url;

    private As2LibReceiver(ServerOptions options) throws IOException {
        BouncyCastle.register();
        this.options = options;
        try {
            AS2Session session = new AS2Session();
            session.setCertificateFactory(certificates(session, options.local(), options.partner(),
                    SelfSignedCertificates.rsaKeyPair(2048).getPrivate()));
            session.setPartnershipFactory(partnerships(session, options));
            DefaultMessageProcessor processor = new DefaultMessageProcessor();
            processor.initDynamicComponent(session, null);
            session.setMessageProcessor(processor);
            module = new HarnessModule();
            module.initDynamicComponent(session, null);
            processor.addModule(module);
            StorageModule storage = new StorageModule();
            storage.initDynamicComponent(session, null);
            processor.addModule(storage);
            AsynchMDNSenderModule asyncMdn = new AsynchMDNSenderModule();
            asyncMdn.initDynamicComponent(session, null);
            processor.addModule(asyncMdn);
        } catch (AS2Exception e) {
            throw new IOException("cannot configure as2-lib", e);
        }
        serverSocket = options.tls()
                ? Tls.serverContext(options.local()).getServerSocketFactory().createServerSocket()
                : new ServerSocket();
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()));
        url = URI.create((options.tls() ? "https" : "http") + "://127.0.0.1:" + serverSocket.getLocalPort()
                         + options.path());
        acceptor = new Thread(this::accept, "as2lib-peer-accept-" + serverSocket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a receiver; it listens until {@link #close()}. */
    public static As2LibReceiver start(ServerOptions options) throws IOException {
        return new As2LibReceiver(options);
    }

    /** as2-lib's PKCS12 certificate factory holding our key and the partner's certificate. */
    static CertificateFactory certificates(AS2Session session, PeerIdentity local, PartnerIdentity partner,
            PrivateKey wrongKey) throws AS2Exception {
        StringMap params = new StringMap();
        params.putIn(AbstractCertificateFactory.ATTR_TYPE, "PKCS12");
        WrongKeyCertificateFactory factory = new WrongKeyCertificateFactory(wrongKey);
        factory.initDynamicComponent(session, params);
        factory.setPassword(KEYSTORE_PASSWORD);
        factory.setSaveChangesToFile(false);
        factory.load(new java.io.ByteArrayInputStream(pkcs12(local, partner, KEYSTORE_PASSWORD)),
                KEYSTORE_PASSWORD.toCharArray());
        return factory;
    }

    /** A PKCS12 keystore as keytool writes it: our key under "local", the partner's certificate under "partner". */
    static byte[] pkcs12(PeerIdentity local, PartnerIdentity partner, String password) {
        try {
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(LOCAL_ALIAS, local.privateKey(), password.toCharArray(),
                    new java.security.cert.Certificate[] { local.certificate() });
            ks.setCertificateEntry(PARTNER_ALIAS, partner.certificate());
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            ks.store(out, password.toCharArray());
            return out.toByteArray();
        } catch (java.security.GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the as2-lib keystore", e);
        }
    }

    private static AbstractPartnershipFactory partnerships(AS2Session session, ServerOptions options)
            throws AS2Exception {
        AbstractPartnershipFactory factory = new AbstractPartnershipFactory() {
        };
        factory.initDynamicComponent(session, null);
        Partnership p = new Partnership(options.partner().as2Id() + "-" + options.local().as2Id());
        p.setSenderAS2ID(options.partner().as2Id());
        p.setSenderX509Alias(PARTNER_ALIAS);
        p.setReceiverAS2ID(options.local().as2Id());
        p.setReceiverX509Alias(LOCAL_ALIAS);
        // as2-lib's receiver includes MIME headers in the MIC only if the partnership names an algorithm
        p.setSigningAlgorithm(options.mdnSigning().enabled() ? options.mdnSigning().micalg() : "sha-256");
        p.setForceVerify(options.requireSigned());
        p.setForceDecrypt(options.requireEncrypted());
        factory.addPartnership(p);
        return factory;
    }

    private void accept() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                socket.setSoLinger(true, 60); // as as2-lib's own accept loop
                module.connection(socket);
            } catch (IOException e) {
                if (!serverSocket.isClosed()) {
                    org.slf4j.LoggerFactory.getLogger(As2LibReceiver.class).warn("accept failed: {}", e.toString());
                }
            }
        }
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
        if (behaviour.camelOnly()) {
            throw new UnsupportedOperationException(behaviour + " is played by the camel-as2 server only");
        }
        recorder.behaviour(behaviour);
    }

    @Override
    public void clear() {
        recorder.clear();
    }

    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** What the storage module and the handler learn about the message in progress on this thread. */
    private static final class Progress {
        static final ThreadLocal<Progress> CURRENT = new ThreadLocal<>();
        PayloadDigest payload;
        String fileName;
        String contentType;
        Verification signature = Verification.NOT_CHECKED;
        String disposition;
        String mic;
    }

    /** as2-lib's receiver module, fed by the harness's accept loop. */
    private final class HarnessModule extends AS2ReceiverModule {

        void connection(Socket socket) {
            new ConnectionThread(this, socket).start();
        }

        @Override
        public void doStart() {
            // the harness owns the listening socket
        }

        @Override
        public void doStop() {
            // the harness owns the listening socket
        }

        @Override
        public AS2ReceiverHandler createHandler() {
            return new HarnessHandler(this);
        }
    }

    /** as2-lib's handler with recording and the fault behaviours. */
    private final class HarnessHandler extends AS2ReceiverHandler {

        HarnessHandler(AS2ReceiverModule module) {
            super(module);
        }

        @Override
        public void handleIncomingMessage(String clientInfo, DataSource data, AS2Message msg,
                IAS2HttpResponseHandler responseHandler) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            msg.headers().getAllHeaders().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
            recorder.request(new RecordedRequest(msg.attrs().getAsString(HTTPHelper.MA_HTTP_REQ_TYPE, "POST"),
                    msg.attrs().getAsString(HTTPHelper.MA_HTTP_REQ_URL, ""), headers, Instant.now()));
            ServerBehaviour behaviour = recorder.behaviour();
            if (behaviour == ServerBehaviour.HANG) {
                ServerRecorder.hang(options.hangTime());
            }
            if (behaviour == ServerBehaviour.HTTP_500) {
                try {
                    HTTPHelper.sendSimpleHTTPResponse(responseHandler, 500);
                } catch (IOException e) {
                    // the client went away
                }
                return;
            }
            Progress progress = new Progress();
            Progress.CURRENT.set(progress);
            try {
                super.handleIncomingMessage(clientInfo, data, msg, responseHandler);
            } finally {
                Progress.CURRENT.remove();
            }
            boolean signed = msg.attrs().getAsBoolean(AS2Message.ATTRIBUTE_RECEIVED_SIGNED, false);
            String error = progress.payload == null ? "not processed: " + progress.disposition : null;
            recorder.message(new ReceivedMessage(MdnInspector.stripBrackets(nonNull(msg.getMessageID())),
                    nonNull(msg.getAS2From()), nonNull(msg.getAS2To()), msg.getSubject(), progress.contentType,
                    progress.fileName, headers,
                    msg.attrs().getAsBoolean(AS2Message.ATTRIBUTE_RECEIVED_ENCRYPTED, false), signed,
                    msg.attrs().getAsBoolean(AS2Message.ATTRIBUTE_RECEIVED_COMPRESSED, false),
                    signed ? Verification.VALID : progress.signature, progress.payload, progress.disposition,
                    progress.mic, error, Instant.now()));
        }

        @Override
        protected void verify(IMessage msg, AS2ResourceHelper resources) throws AS2Exception {
            Progress progress = Progress.CURRENT.get();
            boolean claimsSignature;
            try {
                claimsSignature = com.helger.as2lib.util.AS2Helper.getCryptoHelper().isSigned(msg.getData());
            } catch (Exception e) {
                claimsSignature = false;
            }
            try {
                super.verify(msg, resources);
                if (progress != null) {
                    progress.signature = claimsSignature ? Verification.VALID : Verification.UNSIGNED;
                }
            } catch (AS2Exception | RuntimeException e) {
                if (progress != null) {
                    progress.signature = claimsSignature ? Verification.INVALID : Verification.UNSIGNED;
                }
                throw e;
            }
        }

        @Override
        protected void sendMDN(String clientInfo, IAS2HttpResponseHandler responseHandler, AS2Message msg,
                DispositionType disposition, String text, ESuccess success) {
            ServerBehaviour behaviour = recorder.behaviour();
            if (behaviour == ServerBehaviour.WRONG_MIC && success.isSuccess()) {
                msg.setData(tampered(msg.getData()));
            }
            WrongKeyCertificateFactory.SIGN_WITH_WRONG_KEY.set(behaviour == ServerBehaviour.WRONG_MDN_KEY);
            try {
                super.sendMDN(clientInfo, responseHandler, msg, disposition, text, success);
            } finally {
                WrongKeyCertificateFactory.SIGN_WITH_WRONG_KEY.remove();
            }
            Progress progress = Progress.CURRENT.get();
            if (progress != null) {
                String type = disposition.getAsString();
                progress.disposition = type.substring(type.indexOf(';') + 1).trim();
                progress.mic = msg.getMDN() == null ? null : msg.getMDN().attrs().getAsString(AS2MessageMDN.MDNA_MIC);
            }
        }

        /** The same MIME headers over other bytes, so as2-lib computes a MIC that cannot match. */
        private MimeBodyPart tampered(MimeBodyPart original) {
            try {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(
                        "not the payload that was sent".getBytes(StandardCharsets.US_ASCII),
                        original.getContentType())));
                Enumeration<Header> all = original.getAllHeaders();
                while (all.hasMoreElements()) {
                    Header h = all.nextElement();
                    part.setHeader(h.getName(), h.getValue());
                }
                return part;
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException("cannot build the tampered part", e);
            }
        }
    }

    /** Records the payload as2-lib hands to storage after decrypting, decompressing and verifying. */
    private final class StorageModule extends AbstractProcessorModule implements IProcessorStorageModule {

        @Override
        public boolean canHandle(String action, IMessage msg, Map<String, Object> options) {
            return DO_STORE.equals(action) && msg instanceof AS2Message;
        }

        @Override
        public void handle(String action, IMessage msg, Map<String, Object> handleOptions) throws AS2Exception {
            Progress progress = Progress.CURRENT.get();
            if (progress == null) {
                return;
            }
            try (InputStream in = msg.getData().getInputStream()) {
                progress.payload = PayloadDigest.of(in, options.retainLimit());
                progress.contentType = msg.getData().getContentType();
                progress.fileName = msg.getData().getFileName();
            } catch (IOException | jakarta.mail.MessagingException e) {
                throw new AS2Exception("cannot record the payload", e);
            }
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** as2-lib's PKCS12 factory, which can be told to hand out a key that does not match when signing an MDN. */
    static final class WrongKeyCertificateFactory extends CertificateFactory {
        static final ThreadLocal<Boolean> SIGN_WITH_WRONG_KEY = new ThreadLocal<>();
        private final PrivateKey wrongKey;

        WrongKeyCertificateFactory(PrivateKey wrongKey) {
            this.wrongKey = wrongKey;
        }

        @Override
        public PrivateKey getPrivateKey(X509Certificate certificate) throws AS2Exception {
            if (Boolean.TRUE.equals(SIGN_WITH_WRONG_KEY.get())) {
                return wrongKey;
            }
            return super.getPrivateKey(certificate);
        }
    }
}
