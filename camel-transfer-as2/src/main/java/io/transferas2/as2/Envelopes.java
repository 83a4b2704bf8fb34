package io.transferas2.as2;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.spec.MGF1ParameterSpec;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAuthEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;

import io.transferas2.model.As2Algorithm;

/**
 * Opens the streaming CMS encryption of one message: EnvelopedData for the CBC modes, AuthEnvelopedData (RFC 5083)
 * for AES-GCM (RFC 5084: 12-byte nonce, 16-byte tag), with an RSA key-transport RecipientInfo in PKCS #1 v1.5 or
 * RSAES-OAEP (SHA-256, MGF1-SHA-256, empty label; RFC 8017, parameters as RFC 4055 writes them). The JDK's ciphers do
 * the bulk work; its GCM encryption streams (only its decryption buffers), see {@link GcmEncryptor}.
 */
final class Envelopes {
    private Envelopes() {
    }

    static OutputStream open(OutputStream out, ContentEncryption enc, As2Algorithm keyTransport,
                             X509Certificate partner, int bufferSize)
            throws CertificateEncodingException, CMSException, IOException {
        JceKeyTransRecipientInfoGenerator recipient = keyTransport == As2Algorithm.RSAES_OAEP
                ? new JceKeyTransRecipientInfoGenerator(partner, oaepSha256())
                : new JceKeyTransRecipientInfoGenerator(partner);
        if (JdkProviders.CIPHER != null) {
            recipient.setProvider(JdkProviders.CIPHER);
        }
        if (enc.authenticated()) {
            CMSAuthEnvelopedDataStreamGenerator gen = new CMSAuthEnvelopedDataStreamGenerator();
            gen.setBufferSize(bufferSize);
            gen.addRecipientInfoGenerator(recipient);
            try {
                return gen.open(out, new GcmEncryptor(enc));
            } catch (GeneralSecurityException e) {
                throw new CMSException("cannot set up " + enc.algorithm() + ": " + e.getMessage(), e);
            }
        }
        JceCMSContentEncryptorBuilder eb = new JceCMSContentEncryptorBuilder(enc.oid());
        if (JdkProviders.CIPHER != null) {
            eb.setProvider(JdkProviders.CIPHER);
        }
        OutputEncryptor encryptor = eb.build();
        CMSEnvelopedDataStreamGenerator gen = new CMSEnvelopedDataStreamGenerator();
        gen.setBufferSize(bufferSize);
        gen.addRecipientInfoGenerator(recipient);
        return gen.open(out, encryptor);
    }

    /** id-RSAES-OAEP with SHA-256 and MGF1-SHA-256, the parameters written in full. */
    static AlgorithmIdentifier oaepSha256() {
        try {
            return new JcaAlgorithmParametersConverter().getAlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP,
                    new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("OAEP parameters", e);
        }
    }
}
