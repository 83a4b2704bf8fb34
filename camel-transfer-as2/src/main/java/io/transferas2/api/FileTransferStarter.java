package io.transferas2.api;

import io.transferas2.model.Connector;
import io.transferas2.model.FileTransferRequest;

/** Starts an outbound transfer that StartFileTransfer accepted, returning its TransferId. */
@FunctionalInterface
public interface FileTransferStarter {
    /** Called with a validated request and its connector; throws a TransferServiceException to answer an error. */
    String start(FileTransferRequest request, Connector connector);
}
