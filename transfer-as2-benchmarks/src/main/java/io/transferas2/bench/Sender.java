package io.transferas2.bench;

/** Sends one message and reports whether it counts: a verified signed MDN with the matching MIC, nothing less. */
@FunctionalInterface
interface Sender {
    /** @return null when the exchange passed every check, else why it did not */
    String send() throws Exception;
}
