package io.transferas2.as2;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSCompressedDataStreamGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.operator.OutputCompressor;

import io.transferas2.model.CompressionEnum;
import io.transferas2.model.SigningAlg;

/**
 * Builds an outbound AS2 message in one streaming pass into a temp file: payload entity, then optional ZLIB
 * compression (before or after signing), the {@code multipart/signed} entity whose first part is digested as it is
 * written (one digest pass serves the signature and the MIC; the small detached signature is appended afterwards),
 * and CMS encryption with the JDK cipher. Memory stays constant whatever the payload size.
 *
 * <p>The MIC follows RFC 4130 section 7.3.1 and RFC 5402, the same rules as {@link As2MessageParser}: for a signed
 * message the signed MIME part (headers and body; the compressed entity under compress-before-sign); unsigned but
 * compressed, the uncompressed payload entity; unsigned but encrypted, the MIME entity that is encrypted; neither,
 * the body as sent. Its algorithm is {@link OutboundMessageRequest#micAlgorithm()}.
 *
 * <p>Thread-safe and stateless.
 */
public final class As2MessageBuilder {
    private static final int CHUNK = 64 * 1024;

    /** Builds the message; the caller closes the result to delete its file. */
    public OutboundMessage build(OutboundMessageRequest request) {
        Path file = null;
        try {
            file = TempFiles.create(request.tempDirectory(), "as2-out-");
            Plan plan = new Plan(request);
            long length;
            try (OutputStream fileOut = new BufferedOutputStream(Files.newOutputStream(file), CHUNK)) {
                CountingOutputStream counted = new CountingOutputStream(fileOut);
                OutputStream body = counted;
                Digests topTap = null;
                if (!plan.signed && !plan.encrypted && !plan.compressed) {
                    topTap = new Digests(List.of(request.micAlgorithm()));
                    body = topTap.tap(counted);
                }
                plan.outer.writeBody(body);
                body.flush();
                length = counted.count;
                if (topTap != null) {
                    plan.mic = mic(request, topTap);
                }
            }
            Map<String, String> headers = new LinkedHashMap<>();
            plan.outer.headers().forEach((k, v) -> {
                if (!k.equalsIgnoreCase("Content-Transfer-Encoding") || !v.equals("binary")) {
                    headers.put(k, v);
                }
            });
            return new OutboundMessage(file, length, headers, plan.mic, plan.signed, plan.encrypted,
                    plan.compressed);
        } catch (As2Exception e) {
            TempFiles.deleteQuietly(file);
            throw e;
        } catch (IOException | CMSException | RuntimeException e) {
            TempFiles.deleteQuietly(file);
            As2FailureCode code = e instanceof EncryptionException ? As2FailureCode.ENCRYPTION_FAILED
                    : As2FailureCode.INVALID_REQUEST;
            throw new As2Exception(code, DispositionModifier.UNEXPECTED_PROCESSING_ERROR,
                    "cannot build the AS2 message: " + e.getMessage(), e);
        }
    }

    private static Mic mic(OutboundMessageRequest request, Digests digests) {
        MicAlgorithm a = request.micAlgorithm();
        return new Mic(a, digests.results().get(a), a.name(request.algorithmNameStyle()));
    }

    /** The layers of one message, outermost first, and the MIC once written. */
    private static final class Plan {
        final Entity outer;
        final boolean signed;
        final boolean encrypted;
        final boolean compressed;
        Mic mic;

        Plan(OutboundMessageRequest r) {
            signed = r.signingAlgorithm() != SigningAlg.NONE;
            encrypted = r.contentEncryption().isPresent();
            compressed = r.compression() == CompressionEnum.ZLIB;
            // the outermost entity travels as the HTTP body, which is always binary (RFC 4130 section 5.2)
            boolean payloadOutermost = !signed && !encrypted && !compressed;
            Entity e = new PayloadEntity(r, payloadOutermost ? TransferEncoding.BINARY : r.transferEncoding());
            boolean compressedFirst = compressed
                    && (!signed || r.compressionOrder() == CompressionOrder.BEFORE_SIGNING);
            if (compressedFirst) {
                e = new CompressedEntity(e, r, this, !signed && !encrypted ? TransferEncoding.BINARY
                        : r.transferEncoding());
            }
            if (signed) {
                e = new SignedEntity(e, r, this);
            }
            if (compressed && signed && r.compressionOrder() == CompressionOrder.AFTER_SIGNING) {
                e = new CompressedEntity(e, r, this, encrypted ? r.transferEncoding() : TransferEncoding.BINARY);
            }
            if (encrypted) {
                e = new EnvelopedEntity(e, r, this);
            }
            outer = e;
        }
    }

    /** A MIME entity that can write its headers and its body. */
    private abstract static class Entity {
        abstract Map<String, String> headers();

        abstract void writeBody(OutputStream out) throws IOException, CMSException;

        final void write(OutputStream out) throws IOException, CMSException {
            MimeWriter.writeHeaders(out, headers());
            writeBody(out);
        }
    }

    private static final class PayloadEntity extends Entity {
        private final OutboundMessageRequest r;
        private final TransferEncoding cte;

        PayloadEntity(OutboundMessageRequest r, TransferEncoding cte) {
            this.r = r;
            this.cte = cte;
        }

        @Override
        Map<String, String> headers() {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Content-Type", r.contentType());
            h.put("Content-Transfer-Encoding", cte.token());
            r.filename().ifPresent(f -> h.put("Content-Disposition", MimeWriter.dispositionFilename(f)));
            return h;
        }

        @Override
        void writeBody(OutputStream out) throws IOException {
            if (cte == TransferEncoding.BASE64) {
                try (OutputStream b64 = MimeWriter.base64(out)) {
                    OutputStreams.copy(r.payload(), b64);
                }
            } else {
                OutputStreams.copy(r.payload(), out);
            }
        }
    }

    private static final class CompressedEntity extends Entity {
        private final Entity inner;
        private final OutboundMessageRequest r;
        private final Plan plan;
        private final TransferEncoding cte;

        CompressedEntity(Entity inner, OutboundMessageRequest r, Plan plan, TransferEncoding cte) {
            this.inner = inner;
            this.r = r;
            this.plan = plan;
            this.cte = cte;
        }

        @Override
        Map<String, String> headers() {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Content-Type", "application/pkcs7-mime; smime-type=compressed-data; name=smime.p7z");
            h.put("Content-Transfer-Encoding", cte.token());
            h.put("Content-Disposition", "attachment; filename=smime.p7z");
            return h;
        }

        @Override
        void writeBody(OutputStream out) throws IOException, CMSException {
            boolean b64 = cte == TransferEncoding.BASE64;
            OutputStream target = b64 ? MimeWriter.base64(out) : OutputStreams.nonClosing(out);
            CMSCompressedDataStreamGenerator gen = new CMSCompressedDataStreamGenerator();
            gen.setBufferSize(CHUNK);
            Digests tap = null;
            try (OutputStream zOut = gen.open(target, new ZlibCompressor(r.compressionLevel()))) {
                OutputStream entityOut = zOut;
                if (!plan.signed) {
                    // unsigned and compressed: the MIC covers the uncompressed payload entity (RFC 5402)
                    tap = new Digests(List.of(r.micAlgorithm()));
                    entityOut = tap.tap(zOut);
                }
                inner.write(entityOut);
                entityOut.flush();
            }
            target.close();
            if (tap != null) {
                plan.mic = mic(r, tap);
            }
        }
    }

    private static final class SignedEntity extends Entity {
        private final Entity inner;
        private final OutboundMessageRequest r;
        private final Plan plan;
        private final String boundary = MimeWriter.newBoundary();
        private final MicAlgorithm signDigest;

        SignedEntity(Entity inner, OutboundMessageRequest r, Plan plan) {
            this.inner = inner;
            this.r = r;
            this.plan = plan;
            this.signDigest = MicAlgorithm.of(r.signingAlgorithm()).orElseThrow();
        }

        @Override
        Map<String, String> headers() {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Content-Type", "multipart/signed; protocol=\"application/pkcs7-signature\"; micalg="
                    + signDigest.name(r.algorithmNameStyle()) + "; boundary=\"" + boundary + "\"");
            return h;
        }

        @Override
        void writeBody(OutputStream out) throws IOException, CMSException {
            MimeWriter.writeAscii(out, "--" + boundary + "\r\n");
            Digests digests = new Digests(List.of(signDigest, r.micAlgorithm()));
            OutputStream signedPart = digests.tap(out);
            inner.write(signedPart);
            signedPart.flush();
            byte[] signature = DetachedSigner.sign(r.signatureScheme(), signDigest,
                    digests.results().get(signDigest), r.signingKey(), r.signingChain(), r.algorithmProtection());
            plan.mic = mic(r, digests);
            MimeWriter.writeAscii(out, "\r\n--" + boundary + "\r\n"
                    + "Content-Type: application/pkcs7-signature; name=smime.p7s; smime-type=signed-data\r\n"
                    + "Content-Transfer-Encoding: base64\r\n"
                    + "Content-Disposition: attachment; filename=\"smime.p7s\"\r\n"
                    + "Content-Description: S/MIME Cryptographic Signature\r\n\r\n"
                    + MimeWriter.base64Lines(signature)
                    + "--" + boundary + "--\r\n");
        }
    }

    private static final class EnvelopedEntity extends Entity {
        private final Entity inner;
        private final OutboundMessageRequest r;
        private final Plan plan;
        private final ContentEncryption enc;

        EnvelopedEntity(Entity inner, OutboundMessageRequest r, Plan plan) {
            this.inner = inner;
            this.r = r;
            this.plan = plan;
            this.enc = ContentEncryption.of(r.contentEncryption().orElseThrow()).orElseThrow();
        }

        @Override
        Map<String, String> headers() {
            Map<String, String> h = new LinkedHashMap<>();
            // RFC 8551 section 3.2.2 names AuthEnvelopedData authEnveloped-data
            h.put("Content-Type", "application/pkcs7-mime; smime-type="
                    + (enc.authenticated() ? "authEnveloped-data" : "enveloped-data") + "; name=smime.p7m");
            h.put("Content-Disposition", "attachment; filename=smime.p7m");
            return h;
        }

        @Override
        void writeBody(OutputStream out) throws IOException, CMSException {
            OutputStream cOut;
            try {
                cOut = Envelopes.open(OutputStreams.nonClosing(out), enc, r.keyTransport(),
                        r.encryptionCertificate().orElseThrow(), CHUNK);
            } catch (CertificateEncodingException | CMSException | RuntimeException e) {
                throw new EncryptionException("cannot set up " + enc.algorithm() + " " + r.keyTransport()
                        + " encryption for the partner certificate: " + e.getMessage(), e);
            }
            Digests tap = null;
            OutputStream entityOut = cOut;
            if (!plan.signed && !plan.compressed) {
                tap = new Digests(List.of(r.micAlgorithm()));
                entityOut = tap.tap(cOut);
            }
            inner.write(entityOut);
            entityOut.flush();
            cOut.close();
            if (tap != null) {
                plan.mic = mic(r, tap);
            }
        }
    }

    /** ZLIB (RFC 5402) with a chosen level, releasing the native deflater on close. */
    private static final class ZlibCompressor implements OutputCompressor {
        private final int level;

        ZlibCompressor(int level) {
            this.level = level;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return new AlgorithmIdentifier(CMSObjectIdentifiers.zlibCompress);
        }

        @Override
        public OutputStream getOutputStream(OutputStream out) {
            Deflater deflater = new Deflater(level);
            return new DeflaterOutputStream(out, deflater, CHUNK) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        deflater.end();
                    }
                }
            };
        }
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Encryption set-up failures, reported as ENCRYPTION_FAILED. */
    private static final class EncryptionException extends IOException {
        private static final long serialVersionUID = 1L;

        EncryptionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
