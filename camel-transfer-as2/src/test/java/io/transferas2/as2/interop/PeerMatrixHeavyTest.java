package io.transferas2.as2.interop;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.component.as2.api.AS2EncryptionAlgorithm;
import org.apache.camel.component.as2.api.AS2MessageStructure;
import org.apache.camel.component.as2.api.AS2SignatureAlgorithm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.transferas2.as2.CompressionOrder;
import io.transferas2.as2.MicAlgorithm;
import io.transferas2.as2.TransferEncoding;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.SigningAlg;

/**
 * The exhaustive interop matrix (run with {@code -Pheavy}): every algorithm combination both ways with camel-as2
 * 4.17.0 and as2-lib 5.1.5, MDNs included. The default run keeps a representative slice in the interop tests.
 */
class PeerMatrixHeavyTest {

    @BeforeAll
    static void start() throws Exception {
        CamelAs2InteropTest.start();
        As2LibInteropTest.start();
    }

    @AfterAll
    static void stop() {
        CamelAs2InteropTest.stop();
        As2LibInteropTest.stop();
    }

    static List<Arguments> camelOutbound() {
        List<Arguments> args = new ArrayList<>();
        for (AS2MessageStructure structure : AS2MessageStructure.values()) {
            for (SigningAlg sign : List.of(SigningAlg.SHA1, SigningAlg.SHA256, SigningAlg.SHA384, SigningAlg.SHA512)) {
                for (EncryptionAlg enc : List.of(EncryptionAlg.AES128_CBC, EncryptionAlg.AES192_CBC,
                        EncryptionAlg.AES256_CBC, EncryptionAlg.DES_EDE3_CBC)) {
                    if ((!structure.isSigned() && sign != SigningAlg.SHA256)
                            || (!structure.isEncrypted() && enc != EncryptionAlg.AES256_CBC)) {
                        continue; // the algorithm is unused by this structure
                    }
                    args.add(Arguments.of(structure, sign, enc));
                }
            }
        }
        return args;
    }

    @ParameterizedTest(name = "camel {0} {1} {2} -> us")
    @MethodSource("camelOutbound")
    void camelToUs(AS2MessageStructure structure, SigningAlg sign, EncryptionAlg enc) throws Exception {
        CamelAs2InteropTest.camelSendsToUs(structure, AS2SignatureAlgorithm.valueOf(sign.name() + "WITHRSA"),
                AS2EncryptionAlgorithm.valueOf(enc.name()), MicAlgorithm.of(sign).orElseThrow().rfc5751Name());
    }

    static List<Arguments> ourMessages() {
        List<Arguments> args = new ArrayList<>();
        for (SigningAlg sign : SigningAlg.values()) {
            for (EncryptionAlg enc : EncryptionAlg.values()) {
                for (CompressionEnum compression : CompressionEnum.values()) {
                    for (CompressionOrder order : CompressionOrder.values()) {
                        if (compression == CompressionEnum.DISABLED && order == CompressionOrder.AFTER_SIGNING) {
                            continue;
                        }
                        for (TransferEncoding cte : TransferEncoding.values()) {
                            args.add(Arguments.of(sign, enc, compression, order, cte));
                        }
                    }
                }
            }
        }
        return args;
    }

    @ParameterizedTest(name = "us {0} {1} {2} {3} {4} -> camel")
    @MethodSource("ourMessages")
    void usToCamel(SigningAlg sign, EncryptionAlg enc, CompressionEnum compression, CompressionOrder order,
                   TransferEncoding cte) throws Exception {
        MicAlgorithm mic = MicAlgorithm.of(sign).orElse(MicAlgorithm.SHA256);
        CamelAs2InteropTest.weSendToCamel(sign, enc, compression, order, cte, mic,
                AS2SignatureAlgorithm.valueOf(mic.name() + "WITHRSA"));
    }

    static List<Arguments> as2libMessages() {
        List<Arguments> args = new ArrayList<>();
        for (SigningAlg sign : SigningAlg.values()) {
            for (EncryptionAlg enc : EncryptionAlg.values()) {
                for (CompressionEnum compression : CompressionEnum.values()) {
                    for (CompressionOrder order : CompressionOrder.values()) {
                        if (compression == CompressionEnum.DISABLED && order == CompressionOrder.AFTER_SIGNING) {
                            continue;
                        }
                        args.add(Arguments.of(sign, enc, compression, order));
                    }
                }
            }
        }
        return args;
    }

    @ParameterizedTest(name = "as2-lib {0} {1} {2} {3} -> us")
    @MethodSource("as2libMessages")
    void as2libToUs(SigningAlg sign, EncryptionAlg enc, CompressionEnum compression, CompressionOrder order)
            throws Exception {
        As2LibInteropTest.as2libSendsToUs(sign, enc, compression, order,
                MicAlgorithm.of(sign).orElse(MicAlgorithm.SHA256));
    }

    @ParameterizedTest(name = "us {0} {1} {2} {3} -> as2-lib")
    @MethodSource("as2libMessages")
    void usToAs2lib(SigningAlg sign, EncryptionAlg enc, CompressionEnum compression, CompressionOrder order)
            throws Exception {
        MicAlgorithm mic = MicAlgorithm.of(sign).orElse(MicAlgorithm.SHA256);
        As2LibInteropTest.weSendToAs2Lib(sign, enc, compression, order, TransferEncoding.BINARY, mic);
        As2LibInteropTest.weSendToAs2Lib(sign, enc, compression, order, TransferEncoding.BASE64, mic);
    }
}
