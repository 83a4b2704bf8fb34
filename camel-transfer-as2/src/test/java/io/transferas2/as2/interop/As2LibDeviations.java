package io.transferas2.as2.interop;

import com.helger.as2lib.crypto.ECryptoAlgorithmSign;

import io.transferas2.as2.CompressionOrder;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.SigningAlg;

/**
 * Where as2-lib 5.1.5 departs from RFC 5402: its receiver computes the MIC over the final, decompressed payload part
 * (as2-lib issue #140), so under compress-before-sign its Received-Content-MIC differs from the MIC over the signed
 * (compressed) part that RFC 5402, Mendelson, OpenAS2 and we use.
 *
 * <p>Its sender, for an unsigned message compressed in its default compress-before-sign mode, digests the compressed
 * entity, while RFC 5402 section 4.1 (quoted in as2-lib's own javadoc), camel-as2, as2-lib's own receiver and we
 * digest the uncompressed payload entity.
 *
 * <p>Its client cannot send an unsigned, unencrypted, uncompressed message whose content type has no javamail data
 * handler (such as application/edi-x12): it fails with "no object DCH for MIME type" before sending. And it signs
 * the canonical form of a 7bit part (CRLF) while transmitting bare LFs, which our parser tolerates. Tests assert the
 * departures explicitly.
 *
 * <p>With RSASSA-PSS its client names the MIC it expects after the signature algorithm ({@code rsassa-pss-sha-256})
 * rather than the digest ({@code sha-256}, RFC 5751 micalg), so a strict MIC handler reports a mismatch although the
 * digests are equal (the default handler only logs). Its receiver does not know AuthEnvelopedData (RFC 5083): it
 * stores such a message's CMS bytes as the payload, so AES-GCM must not be enabled towards as2-lib 5.1.5.
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

    static boolean labelsMicWithSignatureName(ECryptoAlgorithmSign sign) {
        return sign != null && sign.getID().startsWith("rsassa-pss");
    }

    static boolean cannotSendPlainNonTextPayload(SigningAlg sign, EncryptionAlg enc, CompressionEnum compression) {
        return sign == SigningAlg.NONE && enc == EncryptionAlg.NONE && compression == CompressionEnum.DISABLED;
    }
}
