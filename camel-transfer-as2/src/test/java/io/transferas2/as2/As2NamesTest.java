package io.transferas2.as2;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 4130 section 6.2 AS2 names: each kind of character written as an atom, quoted, or refused; and read back. */
class As2NamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "MYCOMPANY|MYCOMPANY",
        "a,b|a,b",
        "k=v|k=v",
        "x!#$%&'()*+-./:;<>?@[]^_`{}~|x!#$%&'()*+-./:;<>?@[]^_`{}~",
        "ACME CORP|\"ACME CORP\"",
        "' lead'|\" lead\"",
        "say \"hi\"|\"say \\\"hi\\\"\"",
        "back\\slash|\"back\\\\slash\"",
        "\\\"|\"\\\\\\\"\"",
        "a, b=c|\"a, b=c\"",
    })
    void writesAtomsAsTheyAreAndQuotesTheRest(String name, String header) {
        assertThat(As2Names.format(name)).isEqualTo(header);
        assertThat(As2Names.parse(header)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Müller", "tab\there", "new\nline", "nul\u0000", "del\u007f", "日本"})
    void refusesWhatCannotBeWritten(String name) {
        assertThatThrownBy(() -> As2Names.format(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside printable ASCII").hasMessageContaining("RFC 4130");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 129})
    void refusesEmptyAndTooLongNames(int length) {
        assertThatThrownBy(() -> As2Names.format("x".repeat(length))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 128 characters");
        assertThat(As2Names.format("x".repeat(128))).hasSize(128);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "'  PARTNER  '|PARTNER",
        "\"PARTNER\"|PARTNER",
        "\"a\\\\\\\"b\"|a\\\"b",
        "\"\"|",
    })
    void readsLeniently(String header, String name) {
        assertThat(As2Names.parse(header)).isEqualTo(name);
    }
}
