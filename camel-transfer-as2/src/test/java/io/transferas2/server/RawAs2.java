package io.transferas2.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.transferas2.as2.As2MessageBuilder;
import io.transferas2.as2.DispositionNotificationOptions;
import io.transferas2.as2.MdnReader;
import io.transferas2.as2.MicAlgorithm;
import io.transferas2.as2.OutboundMessage;
import io.transferas2.as2.OutboundMessageRequest;
import io.transferas2.as2.ReceivedMdn;
import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.SigningAlg;

/**
 * Hand-made AS2 requests for the server tests: messages built with our engine (or raw bytes), sent over a plain socket
 * so that every header and byte is under the test's control (including the local address, to act as a proxy).
 */
final class RawAs2 {
    private final ServerHarness server;

    RawAs2(ServerHarness server) {
        this.server = server;
    }

    /** An HTTP response as read off the socket. */
    record Reply(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.get(name);
        }

        ReceivedMdn mdn(KeyMaterial signer) {
            return new MdnReader().read(headers.get("Content-Type"), new ByteArrayInputStream(body),
                    List.of(signer.certificate()));
        }
    }

    /** Builds a message from PARTNER to MYCOMPANY; the caller closes it. */
    OutboundMessage build(byte[] payload, String fileName, SigningAlg signing, EncryptionAlg encryption,
                          CompressionEnum compression, KeyMaterial signer) {
        OutboundMessageRequest.Builder b = OutboundMessageRequest.builder()
                .payload(new ByteArrayInputStream(payload)).contentType("application/edi-x12")
                .signingAlgorithm(signing).encryptionAlgorithm(encryption).compression(compression)
                .micAlgorithm(MicAlgorithm.SHA256).tempDirectory(server.tempDir);
        if (fileName != null) {
            b.filename(fileName);
        }
        if (signing != SigningAlg.NONE) {
            b.signingKey(signer);
        }
        if (encryption != EncryptionAlg.NONE) {
            b.encryptionCertificate(server.localKey);
        }
        return new As2MessageBuilder().build(b.build());
    }

    OutboundMessage build(byte[] payload, String fileName) {
        return build(payload, fileName, SigningAlg.SHA256, EncryptionAlg.AES256_CBC, CompressionEnum.DISABLED,
                server.partnerKey);
    }

    /** AS2 headers asking for a signed sync MDN. */
    static Map<String, String> as2Headers(String from, String to, String messageId) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("AS2-Version", "1.2");
        h.put("AS2-From", from);
        h.put("AS2-To", to);
        h.put("Message-ID", "<" + messageId + ">");
        h.put("Subject", "test message");
        h.put("Disposition-Notification-To", "as2@partner.example");
        h.put("Disposition-Notification-Options",
                DispositionNotificationOptions.signedReceipt(MicAlgorithm.SHA256).toHeaderValue());
        return h;
    }

    static String newMessageId() {
        return UUID.randomUUID() + "@partner.example";
    }

    /** POSTs a built message with the AS2 headers plus the message's own headers. */
    Reply post(OutboundMessage message, Map<String, String> as2Headers) throws IOException {
        Map<String, String> h = new LinkedHashMap<>(as2Headers);
        h.putAll(message.headers());
        try (InputStream body = message.openBody()) {
            return send(null, "POST", h, body, message.length());
        }
    }

    Reply post(Map<String, String> headers, byte[] body) throws IOException {
        return send(null, "POST", headers, new ByteArrayInputStream(body), body.length);
    }

    /** Sends one request with {@code Connection: close} and reads the whole response. */
    Reply send(String localAddress, String method, Map<String, String> headers, InputStream body, long length)
            throws IOException {
        try (Socket socket = new Socket()) {
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            }
            socket.connect(new InetSocketAddress("127.0.0.1", server.port), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method + " /as2 HTTP/1.1\r\nHost: 127.0.0.1:" + server.port
                    + "\r\nConnection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (length >= 0) {
                head.append("Content-Length: ").append(length).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                body.transferTo(out);
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /** Reads a response until the server closes the connection (requests say Connection: close). */
    static Reply read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            in.transferTo(all);
        } catch (IOException e) {
            if (all.size() == 0) {
                throw e;
            }
        }
        byte[] bytes = all.toByteArray();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no HTTP response head in " + bytes.length + " bytes: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        String te = headers.getOrDefault("Transfer-Encoding", "").toLowerCase(Locale.ROOT);
        if (te.contains("chunked")) {
            body = dechunk(body);
        }
        return new Reply(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < chunked.length) {
            int eol = indexOf(chunked, pos);
            int size = Integer.parseInt(new String(chunked, pos, eol - pos, StandardCharsets.US_ASCII).split(";")[0]
                    .strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, eol + 2, size);
            pos = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length - 1; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return b.length;
    }

    static byte[] read(Path file) throws IOException {
        return Files.readAllBytes(file);
    }
}
