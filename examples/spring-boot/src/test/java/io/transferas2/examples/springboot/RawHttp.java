package io.transferas2.examples.springboot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * HTTP/1.1 written by hand on a socket, to see what no client library shows: whether and when {@code 100 Continue}
 * comes, and the exact first response.
 */
final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;

    RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
    }

    /** AS2 request headers from {@code as2From} to MYCOMPANY with a fresh Message-ID. */
    static Map<String, String> as2Headers(String as2From, long contentLength) {
        return Map.of("AS2-Version", "1.2", "AS2-From", as2From, "AS2-To", Stations.MYCOMPANY,
                "Message-ID", "<" + UUID.randomUUID() + "@test>", "Content-Type",
                "application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m",
                "Content-Length", String.valueOf(contentLength), "Expect", "100-continue",
                "Disposition-Notification-To", "partner@example.com");
    }

    /** Sends the request line and headers, no body. */
    void sendHead(String method, String path, Map<String, String> headers) throws IOException {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    void sendBody(byte[] body) throws IOException {
        socket.getOutputStream().write(body);
        socket.getOutputStream().flush();
    }

    /** Reads one response head: status line and headers, up to the empty line. */
    String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
