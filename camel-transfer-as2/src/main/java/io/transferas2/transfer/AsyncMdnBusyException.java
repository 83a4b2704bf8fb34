package io.transferas2.transfer;

/**
 * Another node (or another copy of the same MDN) is handling the pending transfer this MDN names: the partner is
 * answered 503 with Retry-After and its next copy finds the transfer finished, or the claim expired.
 */
public class AsyncMdnBusyException extends RuntimeException {

    public AsyncMdnBusyException(String messageId) {
        super("the ASYNC transfer of message " + messageId + " is being finished by another request");
    }
}
