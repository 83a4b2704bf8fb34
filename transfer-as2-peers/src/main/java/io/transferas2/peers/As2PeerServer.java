package io.transferas2.peers;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** A running AS2 receiver of one of the peers, on loopback. */
public interface As2PeerServer extends AutoCloseable {

    /** Which peer this is, e.g. {@code camel-as2 4.17.0}. */
    String peerName();

    /** The URL senders post to, e.g. {@code http://127.0.0.1:41234/as2}. */
    URI url();

    /** Messages handled so far, oldest first. */
    List<ReceivedMessage> received();

    /** Waits until at least {@code count} messages were handled; returns them all. */
    List<ReceivedMessage> awaitReceived(int count, Duration timeout) throws InterruptedException;

    /** Every HTTP request that arrived (also those rejected or failed), oldest first. */
    List<RecordedRequest> requests();

    /** Switches how the server answers from now on. */
    void behaviour(ServerBehaviour behaviour);

    /** Forgets recorded messages and requests. */
    void clear();

    @Override
    void close();
}
