package io.transferas2.console;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Console passwords as PBKDF2-HMAC-SHA256 hashes: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}, salt and hash in
 * unpadded base64url (so a hash can sit in an endpoint URI or a property unchanged). Only hashes are configured; run
 * {@code java -cp camel-transfer-as2.jar io.transferas2.console.PasswordHashes} to make one (it reads the password
 * from the console, or from standard input).
 */
public final class PasswordHashes {
    static final String PREFIX = "pbkdf2-sha256";
    static final int ITERATIONS = 210_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHashes() {
    }

    /** A new salted hash of the password. */
    public static String hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return PREFIX + "$" + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(password, salt, ITERATIONS));
    }

    /** Whether the password matches the hash; false for a malformed hash. */
    public static boolean verify(String hash, char[] password) {
        String[] p = hash == null ? new String[0] : hash.split("\\$");
        if (p.length != 4 || !PREFIX.equals(p[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(p[1]);
            byte[] salt = Base64.getUrlDecoder().decode(p[2]);
            byte[] expected = Base64.getUrlDecoder().decode(p[3]);
            if (iterations < 1000 || iterations > 10_000_000 || expected.length != 32) {
                return false;
            }
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the text has the shape of a hash this class makes. */
    static boolean isHash(String value) {
        return value != null && value.startsWith(PREFIX + "$") && value.split("\\$").length == 4;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available: " + e.getMessage(), e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Prints the hash of a password read from the console (not echoed) or from the first line of standard input. */
    public static void main(String[] args) throws java.io.IOException {
        char[] password;
        if (System.console() != null) {
            password = System.console().readPassword("console password: ");
        } else {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password == null || password.length < 8) {
            System.err.println("a console password has at least 8 characters");
            System.exit(2);
        }
        System.out.println(hash(password));
    }
}
