package io.transferas2.as2;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.transferas2.certs.KeyMaterial;

/**
 * The engine's fuzz targets, shared by the short ({@link EngineFuzzTest}) and long ({@link EngineFuzzHeavyTest})
 * runs. A defect is any exception other than {@link As2Exception} (and a hang or unbounded memory, which Jazzer and
 * the heap limit catch), or an As2Exception whose cause is a programming error thrown by our own code.
 */
final class EngineFuzzTargets {
    /** Programming errors: a parser of ours throwing one of these is a defect even when it is wrapped. */
    private static final Set<Class<?>> BUGS = Set.of(NullPointerException.class,
            ArrayIndexOutOfBoundsException.class, StringIndexOutOfBoundsException.class,
            IndexOutOfBoundsException.class, ClassCastException.class, ArithmeticException.class,
            NegativeArraySizeException.class, IllegalStateException.class);
    private static final String[] CONTENT_TYPES = {
        "application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m",
        "application/pkcs7-mime; smime-type=compressed-data",
        "application/pkcs7-mime",
        "multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=b",
        "multipart/signed; micalg=sha1; boundary=\"----=_Part_1\"",
        "application/edi-x12",
    };
    private static final As2MessageParser PARSER = new As2MessageParser();
    private static final MdnReader MDN_READER = new MdnReader();
    private static volatile Path tempDir;

    private EngineFuzzTargets() {
    }

    /** The multipart reader: every part read to its end, boundary from the first line of the input. */
    static void multipart(byte[] data) {
        int nl = indexOf(data, (byte) '\n');
        String boundary = new String(data, 0, Math.max(nl, 0), StandardCharsets.ISO_8859_1).strip();
        byte[] body = Arrays.copyOfRange(data, nl + 1, data.length);
        expectDefined(() -> {
            MultipartReader parts = new MultipartReader(new MimeInput(new ByteArrayInputStream(body), 512),
                    boundary.isEmpty() ? "b" : boundary, 4096);
            InputStream part;
            int count = 0;
            while ((part = parts.nextPart()) != null && count++ < 1000) {
                part.transferTo(OutputStreams.NULL);
            }
        });
    }

    /** The header reader and header value parser. */
    static void headers(byte[] data) {
        expectDefined(() -> {
            MimeInput in = new MimeInput(new ByteArrayInputStream(data), 256);
            if (HeaderReader.startsWithHeaders(in)) {
                MimeHeaders h = HeaderReader.read(in, As2Limits.defaults());
                HeaderValue ct = h.contentType();
                if (ct != null) {
                    ct.param("boundary");
                    ct.lowerValue();
                }
                h.dispositionFilename();
                h.transferEncoding();
            }
            HeaderValue.parse(new String(data, StandardCharsets.ISO_8859_1)).param("name");
        });
    }

    /**
     * The whole inbound front end: CMS sniffing and parsing (enveloped, compressed), multipart/signed and the
     * signature block, under one of a few Content-Types chosen by the first byte.
     */
    static void message(byte[] data) {
        if (data.length == 0) {
            return;
        }
        String contentType = CONTENT_TYPES[(data[0] & 0xff) % CONTENT_TYPES.length];
        byte[] body = Arrays.copyOfRange(data, 1, data.length);
        InboundMessageRequest request = InboundMessageRequest.builder()
                .header("Content-Type", contentType)
                .header("Disposition-Notification-Options", "signed-receipt-protocol=optional, pkcs7-signature;"
                        + " signed-receipt-micalg=optional, sha-256")
                .body(new ByteArrayInputStream(body))
                .decryptionKeys(List.of(FuzzKeys.RECEIVER))
                .partnerSigningMaterial(List.of(FuzzKeys.SENDER))
                .requireEncryption(false)
                .tempDirectory(tempDirectory())
                .build();
        expectDefined(() -> {
            try (InboundMessage m = PARSER.parse(request)) {
                m.payloadSize();
            }
        });
    }

    /** The MDN reader, with the Content-Type on the first line. */
    static void mdn(byte[] data) {
        int nl = indexOf(data, (byte) '\n');
        String contentType = new String(data, 0, Math.max(nl, 0), StandardCharsets.ISO_8859_1);
        byte[] body = Arrays.copyOfRange(data, nl + 1, data.length);
        List<X509Certificate> certs = List.of(FuzzKeys.SENDER.certificate());
        expectDefined(() -> {
            ReceivedMdn mdn = MDN_READER.read(contentType, new ByteArrayInputStream(body), certs);
            mdn.disposition().toFieldValue();
            mdn.receivedContentMic();
        });
    }

    /** The Disposition-Notification-Options parser: never fails, whatever the value. */
    static void dispositionOptions(byte[] data) {
        DispositionNotificationOptions options = DispositionNotificationOptions.parse(
                new String(data, StandardCharsets.ISO_8859_1));
        options.preferredMicAlgorithm();
        options.signedReceiptRequested();
        DispositionNotificationOptions.parse(options.toHeaderValue());
    }

    interface Action {
        void run() throws IOException;
    }

    static void expectDefined(Action action) {
        try {
            action.run();
        } catch (As2Exception e) {
            Throwable bug = ourBug(e.getCause());
            if (bug != null) {
                throw new AssertionError("a programming error in our code, wrapped as " + e.failureCode(), bug);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("an IOException escaped (byte-array input cannot fail)", e);
        }
    }

    /** The first throwable in the chain that is a programming error thrown from io.transferas2 code, or null. */
    static Throwable ourBug(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (BUGS.contains(c.getClass()) && c.getStackTrace().length > 0
                    && c.getStackTrace()[0].getClassName().startsWith("io.transferas2.")) {
                return c;
            }
        }
        return null;
    }

    private static int indexOf(byte[] data, byte b) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static Path tempDirectory() {
        if (tempDir == null) {
            try {
                tempDir = Files.createTempDirectory("as2-fuzz");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tempDir;
    }

    /** Fixed keys (the captured vectors' own), so seeds made from captured traffic reach the decryption. */
    static final class FuzzKeys {
        static final KeyMaterial RECEIVER;
        static final KeyMaterial SENDER;

        static {
            try {
                RECEIVER = InteropVectors.serverKey();
                SENDER = new KeyMaterial("client", InteropVectors.clientCertificate(), List.of(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private FuzzKeys() {
        }
    }
}
