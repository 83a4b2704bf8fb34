package io.transferas2.as2.bench;

import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Locale;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Single-thread AES-256-CBC and SHA-256 throughput with BouncyCastle's and the JDK's providers: why the engine asks
 * BouncyCastle only for the CMS structures and the JDK for the bulk primitives.
 *
 * <pre>java -cp ... io.transferas2.as2.bench.CryptoCeilings</pre>
 */
public final class CryptoCeilings {
    private CryptoCeilings() {
    }

    public static void main(String[] args) throws Exception {
        Provider bc = new BouncyCastleProvider();
        byte[] data = new byte[64 * 1024];
        new SecureRandom().nextBytes(data);
        for (int round = 0; round < 2; round++) {
            boolean print = round == 1;
            double bcAes = aes(bc, data);
            double jdkAes = aes(null, data);
            double bcSha = sha(bc, data);
            double jdkSha = sha(null, data);
            if (print) {
                System.out.printf(Locale.ROOT, "AES-256-CBC encrypt: BC %.0f MB/s, JDK %.0f MB/s%n", bcAes, jdkAes);
                System.out.printf(Locale.ROOT, "SHA-256: BC %.0f MB/s, JDK %.0f MB/s%n", bcSha, jdkSha);
            }
        }
    }

    private static double aes(Provider p, byte[] data) throws Exception {
        Cipher c = p == null ? Cipher.getInstance("AES/CBC/PKCS5Padding")
                : Cipher.getInstance("AES/CBC/PKCS5Padding", p);
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[32], "AES"), new IvParameterSpec(new byte[16]));
        byte[] out = new byte[data.length + 32];
        long bytes = 0;
        long t = System.nanoTime();
        while (System.nanoTime() - t < 2_000_000_000L) {
            c.update(data, 0, data.length, out, 0);
            bytes += data.length;
        }
        return bytes / 1e6 / ((System.nanoTime() - t) / 1e9);
    }

    private static double sha(Provider p, byte[] data) throws Exception {
        MessageDigest d = p == null ? MessageDigest.getInstance("SHA-256") : MessageDigest.getInstance("SHA-256", p);
        long bytes = 0;
        long t = System.nanoTime();
        while (System.nanoTime() - t < 2_000_000_000L) {
            d.update(data);
            bytes += data.length;
        }
        d.digest();
        return bytes / 1e6 / ((System.nanoTime() - t) / 1e9);
    }
}
