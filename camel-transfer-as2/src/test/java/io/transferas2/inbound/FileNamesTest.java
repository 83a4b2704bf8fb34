package io.transferas2.inbound;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "order.x12|order.x12",
        "../../etc/passwd|passwd",
        "/etc/passwd|passwd",
        "C:\\Windows\\system.ini|system.ini",
        "..|",
        ".hidden|hidden",
        "...x12|x12",
        "a:b*c?d.edi|a_b_c_d.edi",
        "%2e%2e%2fx|_2e_2e_2fx",
        "  spaced name.txt  |spaced name.txt",
        "Rechnung über 5€.xml|Rechnung über 5€.xml"})
    void sanitises(String raw, String expected) {
        assertThat(FileNames.sanitizeFileName(raw)).isEqualTo(expected);
    }

    @Test
    void dropsControlAndFormatCharacters() {
        assertThat(FileNames.sanitizeFileName("in\u0000voice\r\n\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FileNames.sanitizeFileName("zero\u200Bwidth.x12")).isEqualTo("zerowidth.x12");
        assertThat(FileNames.sanitizeFileName("\u0007\u202E")).isNull();
        assertThat(FileNames.sanitizeFileName(null)).isNull();
    }

    @Test
    void normalisesToNfc() {
        assertThat(FileNames.sanitizeFileName("cafe\u0301.txt")).isEqualTo("caf\u00e9.txt");
    }

    @Test
    void boundsTheLengthInUtf8BytesKeepingTheExtension() {
        String name = FileNames.sanitizeFileName("\u00e9".repeat(300) + ".edi");
        assertThat(name).endsWith(".edi");
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FileNames.MAX_FILE_NAME_BYTES);
        assertThat(FileNames.sanitizeFileName("\uD83D\uDE00".repeat(100))).doesNotContain("\uFFFD")
                .matches(s -> s.getBytes(StandardCharsets.UTF_8).length <= FileNames.MAX_FILE_NAME_BYTES);
    }

    @Test
    void messageIdsKeepAwsCharactersAndLoseUnsafeOnes() {
        assertThat(FileNames.messageIdForKey("<OPENAS2-11072022233606+0000-5dab@MyCompany_OID_PartnerA_OID>"))
                .isEqualTo("OPENAS2-11072022233606+0000-5dab@MyCompany_OID_PartnerA_OID");
        assertThat(FileNames.messageIdForKey("<a/b\\c d:e;f#g%h?i>")).isEqualTo("a_b_c_d_e_f_g_h_i");
        assertThat(FileNames.messageIdForKey("<..>")).isEqualTo("_..");
    }

    @Test
    void longMessageIdsAreCutButStayDistinct() {
        String a = FileNames.messageIdForKey("x".repeat(300) + "a");
        String b = FileNames.messageIdForKey("x".repeat(300) + "b");
        assertThat(a).hasSize(FileNames.MAX_MESSAGE_ID).isNotEqualTo(b);
    }

    @Test
    void insertsBeforeTheLastExtension() {
        assertThat(FileNames.insertBeforeExtension("po.2024.x12", "id@x")).isEqualTo("po.2024.id@x.x12");
        assertThat(FileNames.insertBeforeExtension("po", "id")).isEqualTo("po.id");
        assertThat(FileNames.insertBeforeExtension("po.", "id")).isEqualTo("po..id");
    }
}
