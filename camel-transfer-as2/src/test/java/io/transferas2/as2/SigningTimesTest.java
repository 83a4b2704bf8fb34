package io.transferas2.as2;

import java.util.Date;

import org.bouncycastle.asn1.ASN1UTCTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SigningTimesTest {
    @Test
    void zuluUtcTimesReadAsBouncyCastleReadsThem() throws Exception {
        for (String t : new String[] {"261121091010Z", "491231235959Z", "500101000000Z", "000229120000Z",
                "991231235959Z", "2611210910Z"}) {
            ASN1UTCTime utc = new ASN1UTCTime(t);
            Date expected = SigningTimes.viaBouncyCastle(utc);
            Date fast = SigningTimes.utcZulu(utc.getTime());
            Date read = fast != null ? fast : expected;
            assertThat(read).as(t).isEqualTo(expected);
        }
        assertThat(SigningTimes.utcZulu(new ASN1UTCTime("261121091010Z").getTime()))
                .isEqualTo(Date.from(java.time.Instant.parse("2026-11-21T09:10:10Z")));
        assertThat(SigningTimes.utcZulu(new ASN1UTCTime("491231235959Z").getTime()))
                .isEqualTo(Date.from(java.time.Instant.parse("2049-12-31T23:59:59Z")));
        assertThat(SigningTimes.utcZulu(new ASN1UTCTime("500101000000Z").getTime()))
                .isEqualTo(Date.from(java.time.Instant.parse("1950-01-01T00:00:00Z")));
    }

    @Test
    void otherShapesAreLeftToBouncyCastle() {
        // an offset instead of Z, no seconds, or impossible dates are not read here
        assertThat(SigningTimes.utcZulu(new ASN1UTCTime("2611210910+0100").getTime())).isNull();
        assertThat(SigningTimes.utcZulu("261321091010GMT+00:00")).isNull();
        assertThat(SigningTimes.utcZulu("26112109101xGMT+00:00")).isNull();
        assertThat(SigningTimes.utcZulu("")).isNull();
    }
}
