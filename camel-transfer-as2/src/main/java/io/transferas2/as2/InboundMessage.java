package io.transferas2.as2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.Optional;

import io.transferas2.model.As2Algorithm;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.SigningAlg;

/**
 * A parsed, decrypted and verified inbound AS2 message. Owns the payload temp file: {@link #close()} deletes it unless
 * it was moved with {@link #movePayloadTo(Path)}.
 */
public final class InboundMessage implements AutoCloseable {
    private Path payload;
    private final long payloadSize;
    private final String filename;
    private final String contentType;
    private final String subject;
    private final As2Algorithm contentEncryption;
    private final As2Algorithm keyTransport;
    private final As2Algorithm signatureScheme;
    private final MicAlgorithm signatureAlgorithm;
    private final CompressionOrder compressionOrder;
    private final boolean compressed;
    private final Mic mic;
    private final X509Certificate signerCertificate;

    InboundMessage(Path payload, long payloadSize, String filename, String contentType, String subject,
                   Algorithms algorithms, MicAlgorithm signatureAlgorithm, boolean compressed,
                   CompressionOrder compressionOrder, Mic mic, X509Certificate signerCertificate) {
        this.payload = payload;
        this.payloadSize = payloadSize;
        this.filename = filename;
        this.contentType = contentType;
        this.subject = subject;
        this.contentEncryption = algorithms.contentEncryption;
        this.keyTransport = algorithms.keyTransport;
        this.signatureScheme = algorithms.signatureScheme;
        this.signatureAlgorithm = signatureAlgorithm;
        this.compressed = compressed;
        this.compressionOrder = compressionOrder;
        this.mic = mic;
        this.signerCertificate = signerCertificate;
    }

    /** The decoded payload file; valid until {@link #close()}. */
    public Path payload() {
        if (payload == null) {
            throw new IllegalStateException("payload was moved or deleted");
        }
        return payload;
    }

    public long payloadSize() {
        return payloadSize;
    }

    public InputStream openPayload() throws IOException {
        return Files.newInputStream(payload());
    }

    /** Moves the payload to {@code target} (replacing it); the message no longer deletes it. */
    public Path movePayloadTo(Path target) {
        try {
            Path moved = Files.move(payload(), target, StandardCopyOption.REPLACE_EXISTING);
            payload = null;
            return moved;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The filename from the innermost Content-Disposition, else from the HTTP Content-Disposition header. */
    public Optional<String> filename() {
        return Optional.ofNullable(filename);
    }

    /** The payload's Content-Type as sent, e.g. {@code application/edi-x12}. */
    public String contentType() {
        return contentType;
    }

    /** The HTTP Subject header. */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    public boolean encrypted() {
        return contentEncryption != null;
    }

    public boolean signed() {
        return signatureAlgorithm != null;
    }

    public boolean compressed() {
        return compressed;
    }

    /** The content encryption as an AWS EncryptionAlg, if the message was encrypted with one AWS offers. */
    public Optional<EncryptionAlg> encryptionAlgorithm() {
        return Optional.ofNullable(contentEncryption == null ? null : contentEncryption.awsEncryption());
    }

    /** The content encryption (the CBC modes or AES-GCM), if the message was encrypted. */
    public Optional<As2Algorithm> contentEncryption() {
        return Optional.ofNullable(contentEncryption);
    }

    /** The key transport (RSAES_PKCS1_V1_5 or RSAES_OAEP), if the message was encrypted. */
    public Optional<As2Algorithm> keyTransport() {
        return Optional.ofNullable(keyTransport);
    }

    /** The signature scheme (RSASSA_PKCS1_V1_5 or RSASSA_PSS), if the message was signed. */
    public Optional<As2Algorithm> signatureScheme() {
        return Optional.ofNullable(signatureScheme);
    }

    /** The signature's digest algorithm, if signed. */
    public Optional<MicAlgorithm> signatureAlgorithm() {
        return Optional.ofNullable(signatureAlgorithm);
    }

    /** The signature's digest as an AWS SigningAlg (NONE when unsigned). */
    public SigningAlg signingAlg() {
        return signatureAlgorithm == null ? SigningAlg.NONE : SigningAlg.valueOf(signatureAlgorithm.name());
    }

    /** Where compression sat relative to the signature; empty when not both compressed and signed. */
    public Optional<CompressionOrder> compressionOrder() {
        return Optional.ofNullable(compressionOrder);
    }

    /** The MIC to return in the MDN's Received-Content-MIC (see {@link As2MessageParser} for the rules). */
    public Mic mic() {
        return mic;
    }

    /** The partner certificate that verified the signature. */
    public Optional<X509Certificate> signerCertificate() {
        return Optional.ofNullable(signerCertificate);
    }

    @Override
    public void close() {
        TempFiles.deleteQuietly(payload);
        payload = null;
    }

    @Override
    public String toString() {
        return "InboundMessage[filename=" + filename + ", contentType=" + contentType + ", size=" + payloadSize
                + ", encrypted=" + contentEncryption + "/" + keyTransport + ", signed=" + signatureAlgorithm + "/"
                + signatureScheme + ", compressed="
                + compressed + ", mic=" + mic + "]";
    }

    /** The algorithms the message was found to use; null members for the layers it does not have. */
    static final class Algorithms {
        As2Algorithm contentEncryption;
        As2Algorithm keyTransport;
        As2Algorithm signatureScheme;
    }
}
