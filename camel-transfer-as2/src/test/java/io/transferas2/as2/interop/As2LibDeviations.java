package io.transferas2.as2.interop;

import io.transferas2.as2.CompressionOrder;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.SigningAlg;

/**
 * Where as2-lib 5.1.5 departs from RFC 5402: its receiver computes the MIC over the final, decompressed payload part
 * (as2-lib issue #140), so under compress-before-sign its Received-Content-MIC differs from the MIC over the signed
 * (compressed) part that RFC 5402, Mendelson, OpenAS2 and we use.
 *
 * <p>Its sender, for an unsigned message compressed in its default compress-before-sign mode, digests the compressed
 * entity, while RFC 5402 section 4.1 (quoted in as2-lib's own javadoc), camel-as2, as2-lib's own receiver and we
 * digest the uncompressed payload entity. Tests assert both departures explicitly.
 */
final class As2LibDeviations {
    private As2LibDeviations() {
    }

    static boolean micOverUncompressedEntity(SigningAlg sign, CompressionEnum compression, CompressionOrder order) {
        return sign != SigningAlg.NONE && compression == CompressionEnum.ZLIB
                && order == CompressionOrder.BEFORE_SIGNING;
    }

    static boolean senderMicOverCompressedEntity(SigningAlg sign, CompressionEnum compression,
                                                 CompressionOrder order) {
        return sign == SigningAlg.NONE && compression == CompressionEnum.ZLIB
                && order == CompressionOrder.BEFORE_SIGNING;
    }
}
