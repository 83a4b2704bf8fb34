package io.transferas2.store;

/**
 * How one claimed attempt ended, as handed to {@link TransferStore#recordAll}.
 *
 * @param file    the file as claimed (its lease, its attempt number)
 * @param outcome how the attempt ended
 */
public record AttemptOutcome(ClaimedFile file, FileOutcome outcome) {
}
