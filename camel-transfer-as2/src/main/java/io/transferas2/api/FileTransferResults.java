package io.transferas2.api;

import java.util.Optional;

import io.transferas2.registry.Page;
import io.transferas2.store.FileTransferResult;

/** Where ListFileTransferResults reads each file's state: the component's transfer queue. */
@FunctionalInterface
public interface FileTransferResults {

    /** The files of a transfer in request order, a page at a time; empty when the transfer is unknown. */
    Optional<Page<FileTransferResult>> results(String connectorId, String transferId, int maxResults,
                                                String nextToken);
}
