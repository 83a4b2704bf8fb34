package io.transferas2.peers;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import org.apache.camel.component.as2.api.AS2ClientConnection;
import org.apache.camel.component.as2.api.io.AS2BHttpClientConnection;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Keeps the raw bytes of camel-as2 client responses. camel parses the MDN into its entity model as it reads it and
 * writing that model back out is not byte-exact for MDNs other peers sign (as2-lib's folded Content-Type, for one),
 * so a signature check needs the bytes from the socket. Plain HTTP only: on TLS the harness falls back to camel's
 * re-serialised entity.
 */
final class RawResponseCapture {

    private static final ThreadLocal<ByteArrayOutputStream> CURRENT = new ThreadLocal<>();

    private RawResponseCapture() {
    }

    /** Replaces camel's plain-HTTP connection pool with an identical one whose sockets copy what they read. */
    static void install(AS2ClientConnection connection, Duration socketTimeout, Duration connectTimeout) {
        ManagedHttpClientConnectionFactory connections = new ManagedHttpClientConnectionFactory(
                Http1Config.custom().setBufferSize(8 * 1024).build(), null, null) {
            @Override
            public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
                return new AS2BHttpClientConnection(super.createConnection(socket));
            }
        };
        // httpclient5 5.5 creates sockets through a DetachedSocketFactory; ours copies what it reads
        org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator operator =
                new org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator(
                        proxy -> new CopyingSocket(), null, null,
                        RegistryBuilder.<org.apache.hc.client5.http.ssl.TlsSocketStrategy> create().build());
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(operator,
                org.apache.hc.core5.pool.PoolConcurrencyPolicy.STRICT, org.apache.hc.core5.pool.PoolReusePolicy.LIFO,
                org.apache.hc.core5.util.TimeValue.NEG_ONE_MILLISECOND, connections);
        pool.setMaxTotal(5);
        pool.setDefaultSocketConfig(SocketConfig.copy(SocketConfig.DEFAULT)
                .setSoTimeout(Timeout.ofSeconds(socketTimeout.getSeconds())).build());
        pool.setDefaultConnectionConfig(org.apache.hc.client5.http.config.ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(connectTimeout.toMillis())).build());
        try {
            Field field = AS2ClientConnection.class.getDeclaredField("connectionPoolManager");
            field.setAccessible(true);
            field.set(connection, pool);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot adjust camel-as2's connection pool", e);
        }
    }

    /** Starts copying for the send on this thread. */
    static void begin() {
        CURRENT.set(new ByteArrayOutputStream());
    }

    /** The final response's head and body read since {@link #begin()}, or {@code null}. */
    static Response end() {
        ByteArrayOutputStream out = CURRENT.get();
        CURRENT.remove();
        return out == null || out.size() == 0 ? null : Response.parse(out.toByteArray());
    }

    /** A raw HTTP response: its Content-Type and de-chunked body. */
    record Response(String contentType, byte[] body) {

        static Response parse(byte[] raw) {
            int start = 0;
            while (true) {
                int headEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
                if (headEnd < 0) {
                    return null;
                }
                String head = new String(raw, start, headEnd - start, StandardCharsets.ISO_8859_1);
                int bodyStart = headEnd + 4;
                if (head.startsWith("HTTP/1.1 1") || head.startsWith("HTTP/1.0 1")) {
                    start = bodyStart; // 100 Continue
                    continue;
                }
                java.util.Map<String, String> fields = MimeParts.parseFields(head.substring(head.indexOf('\n') + 1));
                byte[] body = java.util.Arrays.copyOfRange(raw, bodyStart, raw.length);
                String te = fields.get("transfer-encoding");
                if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
                    body = dechunk(body);
                } else if (fields.get("content-length") != null) {
                    int length = Integer.parseInt(fields.get("content-length").trim());
                    body = java.util.Arrays.copyOf(body, Math.min(length, body.length));
                }
                return new Response(fields.get("content-type"), body);
            }
        }

        private static byte[] dechunk(byte[] data) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = 0;
            while (at < data.length) {
                int lineEnd = indexOf(data, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
                if (lineEnd < 0) {
                    break;
                }
                String sizeText = new String(data, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
                int size = Integer.parseInt(sizeText, 16);
                if (size == 0) {
                    break;
                }
                out.write(data, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
            return out.toByteArray();
        }

        private static int indexOf(byte[] data, byte[] needle, int from) {
            outer:
            for (int i = from; i + needle.length <= data.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (data[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    /** A plain socket whose input is copied into the current thread's capture buffer. */
    private static final class CopyingSocket extends Socket {
        private InputStream copying;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (copying == null) {
                copying = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        int b = super.read();
                        ByteArrayOutputStream out = CURRENT.get();
                        if (b >= 0 && out != null) {
                            out.write(b);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = super.read(buffer, offset, length);
                        ByteArrayOutputStream out = CURRENT.get();
                        if (n > 0 && out != null) {
                            out.write(buffer, offset, n);
                        }
                        return n;
                    }
                };
            }
            return copying;
        }
    }
}
