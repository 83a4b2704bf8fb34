package io.transferas2.store;

/** A durable set of keys (received Message-IDs, objects the outbox has sent): add succeeds once per key. */
public interface ReceivedKeys {

    boolean contains(String key);

    /** Records the key; false when it was recorded before (on any node). */
    boolean add(String key);

    /** Forgets the key; false when it was not recorded. */
    boolean remove(String key);

    /** Forgets every key of the set. */
    void clear();
}
