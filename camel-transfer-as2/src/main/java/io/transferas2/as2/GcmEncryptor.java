package io.transferas2.as2;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.operator.OutputAEADEncryptor;

/**
 * AES-GCM content encryption for AuthEnvelopedData (RFC 5084) with the JDK's cipher, whose encryption streams: a fresh
 * key and a random 12-byte nonce per message, a 16-byte tag. The cipher appends the tag to its last output; this
 * stream keeps it out of the content and hands it to BouncyCastle's generator, which writes it as the {@code mac}.
 */
final class GcmEncryptor implements OutputAEADEncryptor {
    static final int TAG_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AlgorithmIdentifier algorithm;
    private final byte[] key;
    private final Cipher cipher;
    private byte[] tag;

    GcmEncryptor(ContentEncryption enc) throws GeneralSecurityException {
        key = new byte[enc.keyBytes()];
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(key);
        RANDOM.nextBytes(nonce);
        cipher = JdkProviders.CIPHER != null ? Cipher.getInstance("AES/GCM/NoPadding", JdkProviders.CIPHER)
                : Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
        algorithm = new AlgorithmIdentifier(enc.oid(), new GCMParameters(nonce, TAG_BYTES));
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    @Override
    public GenericKey getKey() {
        return new GenericKey(algorithm, key);
    }

    @Override
    public OutputStream getAADStream() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                cipher.updateAAD(new byte[] { (byte) b });
            }

            @Override
            public void write(byte[] b, int off, int len) {
                cipher.updateAAD(b, off, len);
            }
        };
    }

    @Override
    public byte[] getMAC() {
        if (tag == null) {
            throw new IllegalStateException("the GCM tag exists once the content stream is closed");
        }
        return tag.clone();
    }

    @Override
    public OutputStream getOutputStream(OutputStream out) {
        return new FilterOutputStream(out) {
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] { (byte) b }, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                byte[] c = cipher.update(b, off, len);
                if (c != null && c.length > 0) {
                    out.write(c);
                }
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                byte[] last;
                try {
                    last = cipher.doFinal();
                } catch (GeneralSecurityException e) {
                    throw new IOException("AES-GCM encryption failed: " + e.getMessage(), e);
                }
                out.write(last, 0, last.length - TAG_BYTES);
                tag = Arrays.copyOfRange(last, last.length - TAG_BYTES, last.length);
                // BouncyCastle's generator closes the octet stream itself; closing it twice writes it twice
                out.flush();
            }
        };
    }
}
