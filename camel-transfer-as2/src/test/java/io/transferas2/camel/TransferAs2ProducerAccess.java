package io.transferas2.camel;

import java.nio.file.Path;

/** Test access to the producer's package-private defaults. */
public final class TransferAs2ProducerAccess {
    private TransferAs2ProducerAccess() {
    }

    public static Path defaultSpoolDirectory() {
        return TransferAs2Producer.spoolDirectory(new TransferAs2Configuration());
    }
}
