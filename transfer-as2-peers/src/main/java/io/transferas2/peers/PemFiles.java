package io.transferas2.peers;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * Reads and writes unencrypted PEM keys and certificates, so identities generated in one JVM can be handed to a
 * peer {@code main} in another. Key files are written owner-only.
 */
public final class PemFiles {

    private PemFiles() {
    }

    public static void writeCertificate(Path file, X509Certificate certificate) throws IOException {
        Files.writeString(file, toPem(certificate), StandardCharsets.US_ASCII);
    }

    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, toPem(key), StandardCharsets.US_ASCII);
    }

    /** Writes {@code <dir>/<as2Id>.key} and {@code <dir>/<as2Id>.crt}. */
    public static void writeIdentity(Path dir, PeerIdentity identity) throws IOException {
        Files.createDirectories(dir);
        writePrivateKey(dir.resolve(identity.as2Id() + ".key"), identity.privateKey());
        writeCertificate(dir.resolve(identity.as2Id() + ".crt"), identity.certificate());
    }

    public static PeerIdentity readIdentity(String as2Id, Path keyFile, Path certificateFile) throws IOException {
        return new PeerIdentity(as2Id, readPrivateKey(keyFile), readCertificate(certificateFile));
    }

    public static X509Certificate readCertificate(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            if (!(object instanceof X509CertificateHolder holder)) {
                throw new IOException("no PEM certificate in " + file);
            }
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new IOException("bad certificate in " + file, e);
        }
    }

    public static PrivateKey readPrivateKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            // never echo the file content: it is a secret
            throw new IOException("no unencrypted PEM private key in " + file);
        }
    }

    static String toPem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
