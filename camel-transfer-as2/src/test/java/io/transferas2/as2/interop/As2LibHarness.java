package io.transferas2.as2.interop;

import java.io.ByteArrayOutputStream;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.Certificate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.helger.as2lib.cert.PredefinedCertificateFactory;
import com.helger.as2lib.crypto.ECompressionType;
import com.helger.as2lib.crypto.ECryptoAlgorithmCrypt;
import com.helger.as2lib.crypto.ECryptoAlgorithmSign;
import com.helger.as2lib.crypto.IMICMatchingHandler;
import com.helger.as2lib.exception.AS2Exception;
import com.helger.as2lib.message.IMessage;
import com.helger.as2lib.partner.Partnership;
import com.helger.as2lib.partner.SelfFillingPartnershipFactory;
import com.helger.as2lib.processor.DefaultMessageProcessor;
import com.helger.as2lib.processor.module.AbstractProcessorModule;
import com.helger.as2lib.processor.receiver.AS2ReceiverModule;
import com.helger.as2lib.processor.receiver.net.AS2ReceiverHandler;
import com.helger.as2lib.processor.storage.IProcessorStorageModule;
import com.helger.as2lib.session.AS2Session;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import io.transferas2.certs.KeyMaterial;

/** as2-lib 5.1.5 set up in-process: keystores, a receiver handler without sockets, a strict MIC handler. */
final class As2LibHarness {
    static final String PASSWORD = "interop";

    private As2LibHarness() {
    }

    static void registerBouncyCastle() {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    /** A PKCS#12 keystore with {@code own} as a key entry and {@code partner} as a trusted certificate. */
    static KeyStore keyStore(String ownAlias, KeyMaterial own, String partnerAlias, KeyMaterial partner)
            throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ownAlias, own.privateKey().orElseThrow(), PASSWORD.toCharArray(),
                new Certificate[] {own.certificate()});
        ks.setCertificateEntry(partnerAlias, partner.certificate());
        return ks;
    }

    static byte[] keyStoreBytes(String ownAlias, KeyMaterial own, String partnerAlias, KeyMaterial partner)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        keyStore(ownAlias, own, partnerAlias, partner).store(out, PASSWORD.toCharArray());
        return out.toByteArray();
    }

    /** as2-lib's receiver logic for one partnership, fed directly (no socket), storing payloads in memory. */
    static final class Receiver {
        final AS2ReceiverHandler handler;
        final AtomicReference<byte[]> stored = new AtomicReference<>();

        Receiver(String senderId, String senderAlias, String receiverId, String receiverAlias, KeyStore keys,
                 ECryptoAlgorithmSign sign, ECryptoAlgorithmCrypt crypt, boolean compressed) throws Exception {
            AS2Session session = new AS2Session();
            PredefinedCertificateFactory certificates = new PredefinedCertificateFactory(keys);
            certificates.setPassword(PASSWORD);
            certificates.initDynamicComponent(session, null);
            session.setCertificateFactory(certificates);
            SelfFillingPartnershipFactory partnerships = new SelfFillingPartnershipFactory();
            partnerships.initDynamicComponent(session, null);
            Partnership p = new Partnership(senderId + "-" + receiverId);
            p.setSenderAS2ID(senderId);
            p.setSenderX509Alias(senderAlias);
            p.setReceiverAS2ID(receiverId);
            p.setReceiverX509Alias(receiverAlias);
            // as2-lib includes MIME headers in the MIC only when the partnership names these algorithms
            p.setSigningAlgorithm(sign);
            p.setEncryptAlgorithm(crypt);
            if (compressed) {
                p.setCompressionType(ECompressionType.ZLIB);
            }
            partnerships.addPartnership(p);
            session.setPartnershipFactory(partnerships);
            DefaultMessageProcessor processor = new DefaultMessageProcessor();
            processor.initDynamicComponent(session, null);
            processor.addModule(new CapturingStore(stored));
            session.setMessageProcessor(processor);
            AS2ReceiverModule module = new AS2ReceiverModule();
            module.initDynamicComponent(session, null);
            handler = new AS2ReceiverHandler(module);
        }
    }

    /** Keeps the decrypted, verified, decompressed payload of the last message. */
    static final class CapturingStore extends AbstractProcessorModule implements IProcessorStorageModule {
        private final AtomicReference<byte[]> target;

        CapturingStore(AtomicReference<byte[]> target) {
            this.target = target;
        }

        @Override
        public boolean canHandle(String action, IMessage msg, Map<String, Object> options) {
            return IProcessorStorageModule.DO_STORE.equals(action);
        }

        @Override
        public void handle(String action, IMessage msg, Map<String, Object> options) throws AS2Exception {
            try {
                target.set(msg.getData().getInputStream().readAllBytes());
            } catch (Exception e) {
                throw new AS2Exception("cannot read payload", e);
            }
        }
    }

    /** as2-lib's default MIC handler only logs a mismatch; this one records both outcomes and fails on mismatch. */
    static final class StrictMicHandler implements IMICMatchingHandler {
        volatile String matched;
        volatile String mismatch;

        @Override
        public void onMICMatch(IMessage msg, String mic) {
            matched = mic;
        }

        @Override
        public void onMICMismatch(IMessage msg, String original, String received) throws AS2Exception {
            mismatch = original + " != " + received;
            throw new AS2Exception("MIC mismatch: sent " + original + ", MDN returned " + received);
        }
    }
}
