package io.transferas2.camel;

import io.transferas2.inbound.ReceivedMessageIds;
import io.transferas2.store.ReceivedKeys;

/** Received Message-IDs in the transfer store (key set {@value #KEY_SET}), shared by every node on one database. */
final class StoreMessageIds implements ReceivedMessageIds {
    /** The key set of received Message-IDs, keyed {@code <AgreementId>:<Message-ID>}. */
    static final String KEY_SET = "received-message-ids";

    private final ReceivedKeys keys;

    StoreMessageIds(ReceivedKeys keys) {
        this.keys = keys;
    }

    @Override
    public boolean contains(String key) {
        return keys.contains(key);
    }

    @Override
    public boolean add(String key) {
        return keys.add(key);
    }
}
