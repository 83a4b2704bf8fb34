package io.transferas2.as2.interop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.helger.as2lib.crypto.ECryptoAlgorithmCrypt;
import com.helger.as2lib.crypto.ECryptoAlgorithmSign;

import io.transferas2.as2.CompressionOrder;
import io.transferas2.as2.MicAlgorithm;
import io.transferas2.as2.TransferEncoding;
import io.transferas2.model.As2Algorithm;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.SigningAlg;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The algorithms beyond AWS with as2-lib 5.1.5, in both directions (see docs/interop.md, "Algorithms beyond AWS"):
 * as2-lib's client signs with RSASSA-PSS and encrypts with AES-GCM (in plain EnvelopedData, BouncyCastle's form,
 * which we accept) and checks our signed MDN (it names the MIC after its PSS algorithm, see {@link As2LibDeviations});
 * as2-lib's receiver verifies our RSASSA-PSS signatures and answers with an MDN we verify, but it does not read
 * AES-GCM in AuthEnvelopedData (RFC 5083), which is what we send.
 */
class As2LibExtendedAlgorithmsTest {
    @BeforeAll
    static void start() throws Exception {
        As2LibInteropTest.start();
    }

    @AfterAll
    static void stop() {
        As2LibInteropTest.stop();
    }

    @ParameterizedTest
    @EnumSource(value = ECryptoAlgorithmCrypt.class, names = { "CRYPT_AES128_GCM", "CRYPT_AES256_GCM",
        "CRYPT_AES256_CBC" })
    void as2LibSendsPssSignedAndGcmOrCbcEncrypted(ECryptoAlgorithmCrypt crypt) throws Exception {
        As2LibInteropTest.as2libSendsToUs(SigningAlg.SHA256, EncryptionAlg.AES256_CBC,
                ECryptoAlgorithmSign.RSASSA_PSS_WITH_SHA256, crypt, CompressionEnum.DISABLED,
                CompressionOrder.BEFORE_SIGNING, MicAlgorithm.SHA256);
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlg.class, names = { "SHA256", "SHA512" })
    void as2LibReceivesOurPssSignedMessages(SigningAlg sign) throws Exception {
        As2LibInteropTest.weSendToAs2Lib(sign, EncryptionAlg.AES256_CBC, As2Algorithm.AES256_CBC,
                As2Algorithm.RSASSA_PSS, CompressionEnum.DISABLED, CompressionOrder.BEFORE_SIGNING,
                TransferEncoding.BINARY, MicAlgorithm.valueOf(sign.name()));
    }

    /** as2-lib's receiver takes AuthEnvelopedData for an unencrypted payload and stores the CMS bytes. */
    @ParameterizedTest
    @EnumSource(value = As2Algorithm.class, names = { "AES128_GCM", "AES256_GCM" })
    void as2LibCannotReadAuthEnvelopedData(As2Algorithm enc) {
        assertThatThrownBy(() -> As2LibInteropTest.weSendToAs2Lib(SigningAlg.SHA256, EncryptionAlg.AES256_CBC, enc,
                As2Algorithm.RSASSA_PSS, CompressionEnum.DISABLED, CompressionOrder.BEFORE_SIGNING,
                TransferEncoding.BINARY, MicAlgorithm.SHA256))
                .isInstanceOf(AssertionError.class).hasMessageContaining("expected: \n  \"ISA*00*");
    }
}
