package io.transferas2.queue;

import java.time.Duration;

/**
 * How the queue runs on this node.
 *
 * @param node                  this node's name, recorded with each attempt
 * @param maxConcurrent         files sent at once on this node, all connectors together
 * @param maxConcurrentPerConnector files sent at once on this node through one connector
 * @param lease                 how long a claim holds without renewal; a dead node's files are taken over after it
 * @param pollInterval          how often the store is checked for work besides the wake-ups on accept
 * @param retry                 the retry policy for transport failures
 */
public record QueueSettings(String node, int maxConcurrent, int maxConcurrentPerConnector, Duration lease,
                            Duration pollInterval, RetryPolicy retry) {

    public QueueSettings {
        if (maxConcurrent < 1 || maxConcurrentPerConnector < 1) {
            throw new IllegalArgumentException("concurrency limits must be at least 1");
        }
        if (lease.toMillis() < 1000) {
            throw new IllegalArgumentException("the lease must be at least 1 second, was " + lease);
        }
    }
}
