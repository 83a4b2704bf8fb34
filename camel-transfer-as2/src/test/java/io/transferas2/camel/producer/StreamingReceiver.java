package io.transferas2.camel.producer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import io.transferas2.as2.As2MdnBuilder;
import io.transferas2.as2.As2MessageParser;
import io.transferas2.as2.Disposition;
import io.transferas2.as2.InboundMessage;
import io.transferas2.as2.InboundMessageRequest;
import io.transferas2.as2.Mdn;
import io.transferas2.as2.MdnRequest;
import io.transferas2.as2.MicAlgorithm;
import io.transferas2.certs.KeyMaterial;

/**
 * An AS2 receiver built from our streaming engine on the JDK HTTP server, for payloads the peers cannot take (both
 * buffer whole messages): parses the request as it arrives, keeps only the payload's size and SHA-256, and answers a
 * signed MDN. Plays the partner identity of {@link ProducerFixture}.
 */
final class StreamingReceiver implements AutoCloseable {
    private final HttpServer server;
    volatile long payloadSize;
    volatile String payloadSha256;
    volatile String error;

    StreamingReceiver(Path tempDir) throws IOException {
        KeyMaterial partnerKey = new KeyMaterial("partner", ProducerFixture.PARTNER.certificate(),
                List.of(), ProducerFixture.PARTNER.privateKey());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/as2", exchange -> {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(", ", v)));
            Mdn mdn;
            try (InputStream body = exchange.getRequestBody()) {
                InboundMessageRequest request = InboundMessageRequest.builder().headers(headers).body(body)
                        .decryptionKeys(List.of(partnerKey))
                        .partnerSigningCertificates(List.of(ProducerFixture.US.certificate()))
                        .tempDirectory(tempDir)
                        .build();
                try (InboundMessage message = new As2MessageParser().parse(request)) {
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    try (InputStream in = new DigestInputStream(message.openPayload(), sha)) {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                    payloadSize = message.payloadSize();
                    payloadSha256 = HexFormat.of().formatHex(sha.digest());
                    mdn = new As2MdnBuilder().build(MdnRequest.builder()
                            .reportingUa("streaming-receiver")
                            .originalRecipient(headers.get("As2-to"))
                            .originalMessageId(headers.get("Message-id"))
                            .receivedContentMic(message.mic())
                            .disposition(Disposition.processed())
                            .signedWith(partnerKey, MicAlgorithm.SHA256)
                            .build());
                }
            } catch (Exception e) {
                error = e.toString();
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", mdn.contentType());
            exchange.getResponseHeaders().add("Message-ID", "<mdn-" + System.nanoTime() + "@streaming>");
            exchange.sendResponseHeaders(200, mdn.length());
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(mdn.body());
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/as2";
    }


    @Override
    public void close() {
        server.stop(0);
    }
}
