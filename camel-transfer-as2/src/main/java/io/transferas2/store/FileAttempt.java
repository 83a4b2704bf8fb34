package io.transferas2.store;

import java.time.Instant;

/**
 * One attempt at sending a file.
 *
 * @param attempt        its number, from 1
 * @param node           the node that made it
 * @param startedAt      when it was claimed
 * @param endedAt        when it ended, or null while running (or when its node died)
 * @param outcome        COMPLETED, FAILED, PROCESSING, RETRY, LEASE_EXPIRED or RELEASED; null while running
 * @param failureCode    AWS's failure code of a failed attempt
 * @param failureMessage its text
 */
public record FileAttempt(int attempt, String node, Instant startedAt, Instant endedAt, String outcome,
                          String failureCode, String failureMessage) {
}
