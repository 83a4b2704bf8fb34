package io.transferas2.peers;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** An AS2 sender of one of the peers. Thread-safe: benchmarks send from several threads. */
public interface As2PeerClient extends AutoCloseable {

    /** Which peer this is, e.g. {@code as2-lib 5.1.5}. */
    String peerName();

    /** Sends {@code payload} as one AS2 message and checks the sync MDN, if one was asked for. */
    SendResult send(SendRequest request, Path payload);

    /** The URL this client's async MDN listener receives at (started on first use). */
    URI asyncMdnUrl();

    /**
     * Waits for the async MDN of {@code messageId} and checks it against the MIC computed when sending.
     *
     * @return the check, or {@code null} if no MDN arrived in time
     */
    MdnCheck awaitAsyncMdn(String messageId, Duration timeout) throws InterruptedException;

    @Override
    void close();
}
