package io.transferas2.as2.interop;

import org.apache.camel.component.as2.api.AS2MessageStructure;

import io.transferas2.as2.CompressionOrder;
import io.transferas2.as2.TransferEncoding;
import io.transferas2.model.CompressionEnum;

/**
 * Where camel-as2 4.17.0 knowingly departs from RFC 4130/5402, so interop tests assert the departure instead of
 * hiding it: its {@code MicUtils.createReceivedContentMic} always digests the decompressed EDI entity, while RFC 5402
 * (and we, Mendelson, OpenAS2) take the MIC over the signed part, which is the compressed entity under
 * compress-before-sign. (Fixed upstream after 4.17.)
 *
 * <p>It also verifies a signature over its own re-serialisation of the parsed part, not over the received bytes, and
 * re-encodes base64 content as one unbroken line: an RFC 2045 base64 part (76-column lines) therefore never verifies
 * and its MIC (signed or not) differs. Our default binary transfer encoding is unaffected.
 */
final class CamelDeviations {
    private CamelDeviations() {
    }

    static boolean micOverUncompressedEntity(AS2MessageStructure structure) {
        return structure == AS2MessageStructure.COMPRESSED_SIGNED
                || structure == AS2MessageStructure.ENCRYPTED_COMPRESSED_SIGNED;
    }

    static boolean micOverUncompressedEntity(boolean signed, CompressionEnum compression, CompressionOrder order) {
        return signed && compression == CompressionEnum.ZLIB && order == CompressionOrder.BEFORE_SIGNING;
    }

    static boolean reencodesBase64(TransferEncoding cte) {
        return cte == TransferEncoding.BASE64;
    }
}
