package io.transferas2.certs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMDecryptorProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Reads and writes PEM certificates and private keys: PKCS#1 ({@code RSA PRIVATE KEY}, optionally with OpenSSL
 * encryption), PKCS#8 ({@code PRIVATE KEY}) and encrypted PKCS#8 ({@code ENCRYPTED PRIVATE KEY}). Keys come out as JDK
 * key objects so the JDK's fast RSA is used. Messages never contain key bytes or passwords.
 */
public final class PemCodec {
    /** BC is used only to decrypt keys (PBES2 variants the JDK lacks); it is not registered globally. */
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private PemCodec() {
    }

    /**
     * All certificates in a PEM text, in order; the first is the leaf. A private key block among them (a combined
     * PEM of certificate, chain and key, as Mendelson, OpenSSL and most CAs export it) is skipped unread: keys come
     * from {@code PrivateKey} only.
     */
    public static List<X509Certificate> readCertificates(String field, String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            PemObject block;
            while ((block = parser.readPemObject()) != null) {
                if (block.getType().endsWith("PRIVATE KEY")) {
                    continue;
                }
                Object object = new PEMParser(new StringReader(toPemText(block))).readObject();
                if (!(object instanceof X509CertificateHolder holder)) {
                    throw new KeyImportException(field + ": expected PEM CERTIFICATE blocks, found "
                            + (object == null ? block.getType() : object.getClass().getSimpleName()));
                }
                certificates.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(holder.getEncoded())));
            }
        } catch (IOException | CertificateException | org.bouncycastle.util.encoders.DecoderException e) {
            throw new KeyImportException(field + ": not a valid PEM certificate (" + e.getMessage() + ")");
        }
        if (certificates.isEmpty()) {
            throw new KeyImportException(field + ": no PEM certificate found (expected -----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }

    /**
     * The private key in a PEM text; {@code password} is needed for encrypted forms. Certificate blocks before it (a
     * combined PEM) are skipped.
     */
    public static PrivateKey readPrivateKey(String field, String pem, char[] password) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            while (object instanceof X509CertificateHolder) {
                object = parser.readObject();
            }
            if (object == null) {
                throw new KeyImportException(field + ": no PEM private key found");
            }
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                requirePassword(field, password);
                InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC)
                        .build(password);
                return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(decryptor));
            }
            if (object instanceof PEMEncryptedKeyPair encrypted) {
                requirePassword(field, password);
                PEMDecryptorProvider decryptor = new JcePEMDecryptorProviderBuilder().setProvider(BC).build(password);
                return converter.getPrivateKey(encrypted.decryptKeyPair(decryptor).getPrivateKeyInfo());
            }
            throw new KeyImportException(field + ": expected a PEM private key, found "
                    + object.getClass().getSimpleName());
        } catch (PKCSException | OperatorCreationException e) {
            throw new KeyImportException(field + ": cannot decrypt the private key (wrong password?)");
        } catch (PEMException e) {
            throw new KeyImportException(field + ": cannot decrypt or decode the private key (wrong password?)");
        } catch (IOException | org.bouncycastle.util.encoders.DecoderException e) {
            // the decoder's message may quote key bytes, so it is not passed on
            throw new KeyImportException(field + ": not a valid PEM private key");
        }
    }

    private static String toPemText(PemObject block) throws IOException {
        java.io.StringWriter text = new java.io.StringWriter();
        try (org.bouncycastle.util.io.pem.PemWriter writer = new org.bouncycastle.util.io.pem.PemWriter(text)) {
            writer.writeObject(block);
        }
        return text.toString();
    }

    /** True when the PEM holds an encrypted key (safe to keep in a configuration file). */
    public static boolean isEncryptedKey(String pem) {
        return pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") || pem.contains("Proc-Type: 4,ENCRYPTED");
    }

    /** True when the text looks like a PEM private key block. */
    public static boolean looksLikePrivateKey(String text) {
        return text != null && text.contains("-----BEGIN") && text.contains("PRIVATE KEY-----");
    }

    public static String toPem(List<X509Certificate> certificates) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode certificate", e);
        }
        return out.toString();
    }

    /** PKCS#8 PEM, encrypted with AES-256-CBC/PBKDF2 when a password is given. */
    public static String privateKeyToPem(PrivateKey key, char[] password) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            if (password == null) {
                writer.writeObject(new PemObject("PRIVATE KEY", key.getEncoded()));
            } else {
                var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(
                        org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_aes256_CBC)
                        .setProvider(BC).setRandom(new SecureRandom()).setPassword(password).build();
                writer.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, encryptor));
            }
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot encode private key", e);
        }
        return out.toString();
    }

    private static void requirePassword(String field, char[] password) {
        if (password == null) {
            throw new KeyImportException(field + ": the private key is encrypted; give PrivateKeyPassword as a"
                    + " placeholder such as {{env:AS2_KEY_PASSWORD}}");
        }
    }
}
