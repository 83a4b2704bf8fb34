package io.transferas2.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The in-memory sink behind our consumer's route: a payload up to {@value #KEEP_LIMIT} bytes is read into the heap
 * and kept among the last {@value #KEPT} received (so the route really takes the bytes, as a route handing them to
 * an in-memory queue would); a larger one is streamed through SHA-256 and dropped, so a 10 GB payload costs no heap.
 */
final class Sink implements Processor {
    static final int KEEP_LIMIT = 1 << 20;
    private static final int KEPT = 256;

    private final Deque<byte[]> kept = new ArrayDeque<>();
    final AtomicLong received = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();

    @Override
    public void process(Exchange exchange) throws IOException {
        InputStream body = exchange.getMessage().getBody(InputStream.class);
        if (body == null) {
            throw new IllegalStateException("no payload");
        }
        long n = consume(body);
        bytes.addAndGet(n);
        received.incrementAndGet();
    }

    private long consume(InputStream body) throws IOException {
        ByteArrayOutputStream small = new ByteArrayOutputStream(16 * 1024);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        MessageDigest digest = null;
        InputStream in = body;
        int r;
        while ((r = in.read(buffer)) >= 0) {
            total += r;
            if (digest == null && total <= KEEP_LIMIT) {
                small.write(buffer, 0, r);
            } else if (digest == null) {
                digest = sha256();
                digest.update(small.toByteArray());
                digest.update(buffer, 0, r);
                small = null;
                in = new DigestInputStream(body, digest);
            }
        }
        if (small != null) {
            synchronized (kept) {
                kept.addLast(small.toByteArray());
                if (kept.size() > KEPT) {
                    kept.removeFirst();
                }
            }
        } else {
            digest.digest();
        }
        return total;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
