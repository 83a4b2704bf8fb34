package io.transferas2.inbound;

/** Runs the user's route on one delivery, synchronously. */
@FunctionalInterface
public interface RouteHandoff {

    /**
     * @throws Exception when the route failed: the payload is then not acknowledged (error MDN or HTTP 503)
     */
    void deliver(InboundDelivery delivery) throws Exception;
}
