package io.transferas2.as2;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipient;
import org.bouncycastle.operator.InputDecryptor;

/**
 * RSA key-transport recipient (PKCS #1 v1.5 or OAEP, as the RecipientInfo says) that decrypts the content with the
 * JDK's cipher through a 64 KiB window. BouncyCastle's own recipient feeds the cipher 512 bytes at a time, which costs
 * a third of the AES throughput on large messages. AES-GCM content (AuthEnvelopedData) goes through
 * {@link StreamingGcmDecryptor}, since the JDK's GCM decryption holds the whole ciphertext in memory; so does AES-GCM
 * in plain EnvelopedData, as BouncyCastle-based senders (camel-as2, as2-lib) write it.
 */
final class StreamingKeyTransRecipient extends JceKeyTransRecipient {

    private final boolean authEnveloped;

    /** {@code authEnveloped}: the structure is AuthEnvelopedData, whose parser hands the tag over separately. */
    StreamingKeyTransRecipient(PrivateKey key, boolean authEnveloped) {
        super(key);
        this.authEnveloped = authEnveloped;
        if (JdkProviders.CIPHER != null) {
            setProvider(JdkProviders.CIPHER);
        }
    }

    @Override
    public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryptionAlgorithm,
                                                  AlgorithmIdentifier contentEncryptionAlgorithm,
                                                  byte[] encryptedContentEncryptionKey) throws CMSException {
        ContentEncryption enc = ContentEncryption.of(contentEncryptionAlgorithm.getAlgorithm())
                .orElseThrow(() -> new CMSException("unsupported content encryption "
                        + contentEncryptionAlgorithm.getAlgorithm()));
        Key unwrapped = extractSecretKey(keyEncryptionAlgorithm, contentEncryptionAlgorithm,
                encryptedContentEncryptionKey);
        byte[] keyBytes = unwrapped.getEncoded();
        if (keyBytes == null || keyBytes.length != enc.keyBytes()) {
            throw new CMSException("unwrapped content key has the wrong length for " + enc.alg());
        }
        if (enc.authenticated()) {
            StreamingGcmDecryptor gcm = new StreamingGcmDecryptor(contentEncryptionAlgorithm, keyBytes);
            if (authEnveloped) {
                return new RecipientOperator(gcm);
            }
            // GCM in plain EnvelopedData: the tag ends the ciphertext, and the decryptor checks it at the end
            return new RecipientOperator(new InputDecryptor() {
                @Override
                public AlgorithmIdentifier getAlgorithmIdentifier() {
                    return contentEncryptionAlgorithm;
                }

                @Override
                public InputStream getInputStream(InputStream in) {
                    return gcm.getInputStream(in);
                }
            });
        }
        Cipher cipher;
        try {
            byte[] iv = ASN1OctetString.getInstance(contentEncryptionAlgorithm.getParameters()).getOctets();
            cipher = JdkProviders.CIPHER != null
                    ? Cipher.getInstance(enc.transformation(), JdkProviders.CIPHER)
                    : Cipher.getInstance(enc.transformation());
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keyBytes, enc.keyAlgorithm()), new IvParameterSpec(iv));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CMSException("cannot initialise " + enc.alg() + " decryption: " + e.getMessage(), e);
        }
        Cipher c = cipher;
        return new RecipientOperator(new InputDecryptor() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return contentEncryptionAlgorithm;
            }

            @Override
            public InputStream getInputStream(InputStream in) {
                return new DecryptingInputStream(in, c);
            }
        });
    }

    /** Cipher input stream with a large window; a bad final block surfaces as {@link DecryptionException}. */
    static final class DecryptingInputStream extends FilterInputStream {
        private final Cipher cipher;
        private final byte[] in = new byte[64 * 1024];
        private byte[] out = new byte[0];
        private int outPos;
        private int outLim;
        private boolean done;

        DecryptingInputStream(InputStream source, Cipher cipher) {
            super(source);
            this.cipher = cipher;
        }

        @Override
        public int read() throws IOException {
            return ReadByRange.readOne(this);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (outPos >= outLim) {
                if (done) {
                    return -1;
                }
                fillOut();
            }
            int n = Math.min(len, outLim - outPos);
            System.arraycopy(out, outPos, b, off, n);
            outPos += n;
            return n;
        }

        private void fillOut() throws IOException {
            int n = super.in.read(in, 0, in.length);
            try {
                if (n < 0) {
                    done = true;
                    out = cipher.doFinal();
                } else {
                    int size = cipher.getOutputSize(n);
                    if (out.length < size) {
                        out = new byte[Math.max(size, in.length + 64)];
                    }
                    outLim = cipher.update(in, 0, n, out, 0);
                    outPos = 0;
                    return;
                }
            } catch (GeneralSecurityException e) {
                throw new DecryptionException("content decryption failed (wrong key or corrupt data): "
                        + e.getMessage(), e);
            }
            outPos = 0;
            outLim = out.length;
        }

        @Override
        public long skip(long n) throws IOException {
            return ReadByRange.skip(this, n);
        }

        @Override
        public int available() {
            return outLim - outPos;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** Padding or block errors at the end of the encrypted content. */
    static final class DecryptionException extends IOException {
        private static final long serialVersionUID = 1L;

        DecryptionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
