package io.transferas2.as2.interop;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.transferas2.as2.As2Exception;
import io.transferas2.as2.As2MdnBuilder;
import io.transferas2.as2.As2MessageParser;
import io.transferas2.as2.Disposition;
import io.transferas2.as2.DispositionNotificationOptions;
import io.transferas2.as2.InboundMessage;
import io.transferas2.as2.InboundMessageRequest;
import io.transferas2.as2.Mdn;
import io.transferas2.as2.MdnRequest;
import io.transferas2.as2.Mic;
import io.transferas2.as2.MicAlgorithm;
import io.transferas2.certs.KeyMaterial;

/**
 * A minimal AS2 receiver on 127.0.0.1 built from our engine only (JDK HTTP server): parses the request, keeps what it
 * saw for the test to assert, and answers with our MDN, signed when the sender asked for a signed receipt.
 */
final class OurLoopbackReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<KeyMaterial> decryptionKeys;
    private final List<X509Certificate> partnerCertificates;
    private final KeyMaterial mdnKey;
    private final boolean requireEncryption;

    volatile Received last;

    /** What one request carried and what our parser made of it. */
    record Received(Map<String, String> headers, byte[] body, byte[] payload, String filename, Mic mic,
                    String summary, As2Exception failure) {
    }

    OurLoopbackReceiver(List<KeyMaterial> decryptionKeys, List<X509Certificate> partnerCertificates,
                        KeyMaterial mdnKey, boolean requireEncryption) throws IOException {
        this.decryptionKeys = decryptionKeys;
        this.partnerCertificates = partnerCertificates;
        this.mdnKey = mdnKey;
        this.requireEncryption = requireEncryption;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port() + "/as2";
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(", ", v)));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        InboundMessageRequest request = InboundMessageRequest.builder()
                .headers(headers)
                .body(new ByteArrayInputStream(body))
                .decryptionKeys(decryptionKeys)
                .partnerSigningCertificates(partnerCertificates)
                .requireEncryption(requireEncryption)
                .build();
        Disposition disposition;
        Mic mic = null;
        byte[] payload = null;
        String filename = null;
        String summary = null;
        As2Exception failure = null;
        try (InboundMessage message = new As2MessageParser().parse(request)) {
            payload = Files.readAllBytes(message.payload());
            filename = message.filename().orElse(null);
            mic = message.mic();
            summary = (message.signed() ? "signed " : "") + (message.encrypted() ? "encrypted " : "")
                    + (message.compressed() ? "compressed" + message.compressionOrder().map(o -> "-" + o)
                    .orElse("") : "");
            disposition = Disposition.processed();
        } catch (As2Exception e) {
            failure = e;
            disposition = Disposition.error(e.modifier());
        }
        last = new Received(headers, body, payload, filename, mic, summary, failure);
        if (header(headers, "Disposition-Notification-To") == null) {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            return;
        }
        DispositionNotificationOptions dno = request.notificationOptions();
        MdnRequest.Builder mdn = MdnRequest.builder()
                .reportingUa("our-loopback-receiver")
                .originalRecipient(header(headers, "AS2-To"))
                .originalMessageId(header(headers, "Message-ID"))
                .receivedContentMic(mic)
                .disposition(disposition);
        if (dno.signedReceiptRequested()) {
            MicAlgorithm alg = dno.preferredMicAlgorithm().map(DispositionNotificationOptions.Requested::algorithm)
                    .orElse(MicAlgorithm.SHA256);
            mdn.signedWith(mdnKey, alg);
        }
        Mdn built = new As2MdnBuilder().build(mdn.build());
        exchange.getResponseHeaders().add("Content-Type", built.contentType());
        exchange.getResponseHeaders().add("AS2-From", header(headers, "AS2-To"));
        exchange.getResponseHeaders().add("AS2-To", header(headers, "AS2-From"));
        exchange.getResponseHeaders().add("AS2-Version", "1.2");
        exchange.getResponseHeaders().add("Mime-Version", "1.0");
        exchange.getResponseHeaders().add("Message-ID", "<mdn-" + System.nanoTime() + "@our-loopback>");
        exchange.sendResponseHeaders(200, built.length());
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(built.body());
        }
    }

    static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
