package io.transferas2.peers;

/** Which receipt the sender asks for. */
public enum MdnMode {
    /** No {@code Disposition-Notification-To}: the receiver answers HTTP 200 with no body. */
    NONE,
    /** The MDN comes back in the HTTP response. */
    SYNC,
    /** The sender names a {@code Receipt-Delivery-Option} URL and the receiver POSTs the MDN there later. */
    ASYNC
}
