package io.transferas2.routes;

import java.io.File;

import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

/**
 * What the S3 outbox has already sent: Camel's file-based idempotent repository, configured by path (the YAML DSL
 * binds strings, and {@link FileIdempotentRepository} wants a {@link File}). It survives restarts.
 */
public class OutboxMemory extends FileIdempotentRepository {

    /** The file that records what was sent; created with its directory when missing. */
    public void setFile(String path) {
        setFileStore(new File(path));
    }
}
