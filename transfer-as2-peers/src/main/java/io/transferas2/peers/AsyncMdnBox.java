package io.transferas2.peers;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Async MDNs that arrived, matched to the messages that asked for them, and checked when collected. */
final class AsyncMdnBox {

    private record Expected(X509Certificate receiverCertificate, Mic mic) {
    }

    private record Arrived(String contentType, byte[] body) {
    }

    private final Map<String, Expected> expected = new HashMap<>();
    private final Map<String, Arrived> arrived = new HashMap<>();

    synchronized void expect(String messageId, X509Certificate receiverCertificate, Mic mic) {
        expected.put(messageId, new Expected(receiverCertificate, mic));
    }

    synchronized void arrived(String originalMessageId, String contentType, byte[] body) {
        arrived.put(originalMessageId, new Arrived(contentType, body));
        notifyAll();
    }

    synchronized MdnCheck await(String messageId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!arrived.containsKey(messageId)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        Arrived mdn = arrived.remove(messageId);
        Expected e = expected.remove(messageId);
        return MdnInspector.inspect(mdn.contentType(), mdn.body(), e == null ? null : e.receiverCertificate(),
                e == null ? null : e.mic(), messageId);
    }
}
