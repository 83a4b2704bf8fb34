package io.transferas2.outbound;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The header values the sender formats on every send, through their fast paths and their general ones. */
class SendHeadersTest {
    @Test
    void httpDateIsRfc1123InGmtAndFollowsTheClock() {
        Instant t = Instant.parse("2026-11-21T09:05:07.250Z");
        assertThat(HttpDates.format(t)).isEqualTo("Sat, 21 Nov 2026 09:05:07 GMT");
        // same second (cached), next second, and an earlier time all format correctly
        assertThat(HttpDates.format(t.plusMillis(500))).isEqualTo("Sat, 21 Nov 2026 09:05:07 GMT");
        assertThat(HttpDates.format(t.plusSeconds(1))).isEqualTo("Sat, 21 Nov 2026 09:05:08 GMT");
        assertThat(HttpDates.format(Instant.parse("2001-02-03T04:05:06Z"))).isEqualTo("Sat, 3 Feb 2001 04:05:06 GMT");
        Instant now = Instant.now();
        assertThat(HttpDates.format(now)).isEqualTo(
                DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).format(now));
    }

    @Test
    void contentDispositionQuotesPlainNamesAsTheyAre() {
        assertThat(ContentDisposition.attachment("po-1.edi")).isEqualTo("attachment; filename=\"po-1.edi\"");
        assertThat(ContentDisposition.attachment("a b;c.x12")).isEqualTo("attachment; filename=\"a b;c.x12\"");
    }

    @Test
    void contentDispositionEscapesQuotesAndEncodesNonAscii() {
        assertThat(ContentDisposition.attachment("a\"b\\c.edi")).isEqualTo("attachment; filename=\"a\\\"b\\\\c.edi\"");
        assertThat(ContentDisposition.attachment("bestellung-ä.edi"))
                .isEqualTo("attachment; filename=\"bestellung-_.edi\"; filename*=UTF-8''bestellung-%C3%A4.edi");
        assertThat(ContentDisposition.attachment("tab\there")).isEqualTo(
                "attachment; filename=\"tab_here\"; filename*=UTF-8''tab%09here");
    }
}
