package io.transferas2.inbound;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Detects repeated Message-IDs per agreement. A key is committed only after the route stored the message, so a
 * failed route does not mark it received. A second copy arriving while the first is still in flight on this node is
 * told to come back later ({@link State#IN_FLIGHT}), so it can neither land twice nor be acknowledged before the first
 * copy is safely stored. Across nodes the shared repository decides at commit time.
 */
public final class DuplicateGuard {

    /** What a claim found. */
    public enum State { CLAIMED, DUPLICATE, IN_FLIGHT }

    private final ReceivedMessageIds repository;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public DuplicateGuard(ReceivedMessageIds repository) {
        this.repository = repository;
    }

    /** The repository key of a message. */
    public static String key(String agreementId, String messageId) {
        return agreementId + ":" + FileNames.stripAngles(messageId);
    }

    /**
     * Claims the key for one receipt; a {@link State#CLAIMED} claim must be committed or released. One look-up in the
     * repository (one database round trip with a shared store), made after the local in-flight mark so that a copy
     * committing meanwhile on this node is seen.
     */
    public State claim(String key) {
        if (!inFlight.add(key)) {
            return State.IN_FLIGHT;
        }
        boolean seen;
        try {
            seen = repository.contains(key);
        } catch (RuntimeException e) {
            inFlight.remove(key);
            throw e;
        }
        if (seen) {
            inFlight.remove(key);
            return State.DUPLICATE;
        }
        return State.CLAIMED;
    }

    /** Records the message as received; false when another node committed it first. */
    public boolean commit(String key) {
        try {
            return repository.add(key);
        } finally {
            inFlight.remove(key);
        }
    }

    /** Gives up a claim without recording it (the route failed). */
    public void release(String key) {
        inFlight.remove(key);
    }
}
