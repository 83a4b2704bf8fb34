package io.transferas2.bench;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Single-thread ceilings of the three primitives an exchange is made of, through the JDK's providers (SunRsaSign,
 * SunJCE, SUN) and BouncyCastle's: RSA-2048 SHA256withRSA signatures per second, AES-256-CBC encryption and
 * SHA-256 in MB/s (64 KiB updates). Each figure: a warm-up of a third of the time, then the measured time.
 */
final class CryptoCeilings {
    private final double seconds;
    private final Provider bc = new BouncyCastleProvider();
    private final byte[] data = new byte[64 * 1024];

    CryptoCeilings(double seconds) {
        this.seconds = seconds;
        new SecureRandom().nextBytes(data);
    }

    /** Figures keyed {@code rsaSignsPerSec.jdk}, {@code aesMBps.bc}, ... */
    Map<String, Double> measure() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        Map<String, Double> r = new LinkedHashMap<>();
        r.put("rsaSignsPerSec.jdk", twice(s -> rsa(null, pair, s)));
        r.put("rsaSignsPerSec.bc", twice(s -> rsa(bc, pair, s)));
        r.put("aesMBps.jdk", twice(s -> aes(null, s)));
        r.put("aesMBps.bc", twice(s -> aes(bc, s)));
        r.put("sha256MBps.jdk", twice(s -> sha(null, s)));
        r.put("sha256MBps.bc", twice(s -> sha(bc, s)));
        return r;
    }

    private interface Figure {
        double run(double forSeconds) throws Exception;
    }

    private double twice(Figure f) throws Exception {
        f.run(seconds / 3);
        return Math.round(f.run(seconds) * 10) / 10.0;
    }

    private double rsa(Provider p, KeyPair pair, double s) throws Exception {
        Signature sig = p == null ? Signature.getInstance("SHA256withRSA", "SunRsaSign")
                : Signature.getInstance("SHA256withRSA", p);
        long n = 0;
        long t = System.nanoTime();
        long end = t + (long) (s * 1e9);
        while (System.nanoTime() < end) {
            sig.initSign(pair.getPrivate());
            sig.update(data, 0, 64);
            sig.sign();
            n++;
        }
        return n / ((System.nanoTime() - t) / 1e9);
    }

    private double aes(Provider p, double s) throws Exception {
        Cipher c = p == null ? Cipher.getInstance("AES/CBC/PKCS5Padding", "SunJCE")
                : Cipher.getInstance("AES/CBC/PKCS5Padding", p);
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[32], "AES"), new IvParameterSpec(new byte[16]));
        byte[] out = new byte[data.length + 32];
        long bytes = 0;
        long t = System.nanoTime();
        long end = t + (long) (s * 1e9);
        while (System.nanoTime() < end) {
            c.update(data, 0, data.length, out, 0);
            bytes += data.length;
        }
        return bytes / 1e6 / ((System.nanoTime() - t) / 1e9);
    }

    private double sha(Provider p, double s) throws Exception {
        MessageDigest d = p == null ? MessageDigest.getInstance("SHA-256", "SUN")
                : MessageDigest.getInstance("SHA-256", p);
        long bytes = 0;
        long t = System.nanoTime();
        long end = t + (long) (s * 1e9);
        while (System.nanoTime() < end) {
            d.update(data);
            bytes += data.length;
        }
        d.digest();
        return bytes / 1e6 / ((System.nanoTime() - t) / 1e9);
    }
}
