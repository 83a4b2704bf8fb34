package io.transferas2.as2;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.transferas2.model.CompressionEnum;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.SigningAlg;

/**
 * Test 2: every SigningAlgorithm (5) x EncryptionAlgorithm (5) x Compression (2), with and without a signed MDN,
 * built, parsed, answered and verified in-process; payload bytes, metadata and MICs must survive exactly.
 */
class RoundTripMatrixTest {

    static List<Arguments> matrix() {
        List<Arguments> args = new ArrayList<>();
        for (SigningAlg sign : SigningAlg.values()) {
            for (EncryptionAlg enc : EncryptionAlg.values()) {
                for (CompressionEnum compression : CompressionEnum.values()) {
                    args.add(Arguments.of(sign, enc, compression, false));
                    args.add(Arguments.of(sign, enc, compression, true));
                }
            }
        }
        return args;
    }

    @ParameterizedTest(name = "{0} {1} {2} signedMdn={3}")
    @MethodSource("matrix")
    void roundTrips(SigningAlg sign, EncryptionAlg enc, CompressionEnum compression, boolean signedMdn)
            throws Exception {
        int seed = sign.ordinal() * 100 + enc.ordinal() * 10 + compression.ordinal();
        RoundTrip.run(sign, enc, compression, CompressionOrder.BEFORE_SIGNING, TransferEncoding.BINARY, signedMdn,
                RoundTrip.payload(20_000 + seed, seed));
    }

    static List<Arguments> variants() {
        List<Arguments> args = new ArrayList<>();
        for (CompressionOrder order : CompressionOrder.values()) {
            for (TransferEncoding cte : TransferEncoding.values()) {
                for (EncryptionAlg enc : List.of(EncryptionAlg.AES256_CBC, EncryptionAlg.NONE)) {
                    args.add(Arguments.of(order, cte, enc));
                }
            }
        }
        return args;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("variants")
    void roundTripsEveryCompressionOrderAndTransferEncoding(CompressionOrder order, TransferEncoding cte,
                                                           EncryptionAlg enc) throws Exception {
        RoundTrip.run(SigningAlg.SHA256, enc, CompressionEnum.ZLIB, order, cte, true, RoundTrip.payload(70_000, 7));
        RoundTrip.run(SigningAlg.SHA256, enc, CompressionEnum.DISABLED, order, cte, false,
                RoundTrip.payload(1, 8));
        RoundTrip.run(SigningAlg.SHA384, enc, CompressionEnum.ZLIB, order, cte, false, new byte[0]);
    }
}
