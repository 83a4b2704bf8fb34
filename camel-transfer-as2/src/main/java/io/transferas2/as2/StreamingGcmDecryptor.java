package io.transferas2.as2;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.operator.InputAEADDecryptor;

/**
 * AES-GCM decryption of AuthEnvelopedData content (RFC 5084) in constant memory. The JDK's GCM cipher returns nothing
 * until {@code doFinal}, holding the whole ciphertext; BouncyCastle's lightweight GCM releases plaintext as it goes and
 * keeps only the last tag-length bytes back. BouncyCastle's parser appends the MAC from the structure to the content
 * stream, so the tag is checked when the stream ends: a wrong tag surfaces as
 * {@link StreamingKeyTransRecipient.DecryptionException} there, after the plaintext went to a temp file that is then
 * discarded, so unauthenticated plaintext is never accepted.
 */
final class StreamingGcmDecryptor implements InputAEADDecryptor {
    private static final int WINDOW = 64 * 1024;

    private final AlgorithmIdentifier algorithm;
    private final GCMModeCipher cipher;
    private byte[] mac;

    StreamingGcmDecryptor(AlgorithmIdentifier algorithm, byte[] key) throws CMSException {
        this.algorithm = algorithm;
        GCMParameters params;
        try {
            params = GCMParameters.getInstance(algorithm.getParameters());
        } catch (RuntimeException e) {
            throw new CMSException("AES-GCM parameters are malformed: " + e.getMessage(), e);
        }
        int tagBits = params.getIcvLen() * 8;
        if (tagBits < 96 || tagBits > 128 || params.getNonce().length < 1) {
            throw new CMSException("AES-GCM with a " + params.getIcvLen() + "-byte tag and a "
                    + params.getNonce().length + "-byte nonce is not accepted (RFC 5084: 12 to 16 byte tags)");
        }
        this.cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
        try {
            cipher.init(false, new AEADParameters(new KeyParameter(key), tagBits, params.getNonce()));
        } catch (IllegalArgumentException e) {
            throw new CMSException("cannot initialise AES-GCM decryption: " + e.getMessage(), e);
        }
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    @Override
    public InputStream getInputStream(InputStream in) {
        return new Decrypting(in);
    }

    @Override
    public OutputStream getAADStream() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                cipher.processAADByte((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                cipher.processAADBytes(b, off, len);
            }
        };
    }

    @Override
    public byte[] getMAC() {
        return mac == null ? null : mac.clone();
    }

    /** The plaintext of the ciphertext-and-tag stream, in windows. */
    private final class Decrypting extends FilterInputStream {
        private final byte[] window = new byte[WINDOW];
        private byte[] out = new byte[WINDOW + 32];
        private int outPos;
        private int outLim;
        private boolean done;

        Decrypting(InputStream source) {
            super(source);
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
                fill();
            }
            int n = Math.min(len, outLim - outPos);
            System.arraycopy(out, outPos, b, off, n);
            outPos += n;
            return n;
        }

        private void fill() throws IOException {
            int n = super.in.read(window, 0, window.length);
            outPos = 0;
            try {
                if (n < 0) {
                    done = true;
                    outLim = cipher.doFinal(out, 0);
                    mac = cipher.getMac();
                } else {
                    outLim = cipher.processBytes(window, 0, n, out, 0);
                }
            } catch (InvalidCipherTextException | RuntimeException e) {
                throw new StreamingKeyTransRecipient.DecryptionException("AES-GCM authentication failed (wrong key,"
                        + " or the content or its tag was altered): " + e.getMessage(), e);
            }
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
}
