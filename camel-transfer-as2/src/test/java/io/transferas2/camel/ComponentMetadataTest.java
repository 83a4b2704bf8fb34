package io.transferas2.camel;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Camel tooling reads from the jar (component.properties, the catalog JSON, the dev console's SPI entry) is there,
 * and the .adoc component page documents every option and header of the catalog JSON (regenerate it with
 * {@code python3 src/main/docs/generate-adoc.py}).
 */
class ComponentMetadataTest {
    private static final String JSON = "/META-INF/io/transferas2/camel/transfer-as2.json";

    @Test
    void componentPropertiesNameTheComponentAndItsArtifact() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = resource("/META-INF/services/org/apache/camel/component.properties")) {
            properties.load(in);
        }
        assertThat(properties.getProperty("components")).isEqualTo("transfer-as2");
        assertThat(properties.getProperty("groupId")).isEqualTo("io.transferas2");
        assertThat(properties.getProperty("artifactId")).isEqualTo("camel-transfer-as2");
    }

    @Test
    void devConsoleHasItsServiceEntry() throws Exception {
        try (InputStream in = resource("/META-INF/services/org/apache/camel/dev-console/transfer-as2")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("class=" + TransferAs2DevConsole.class.getName());
        }
    }

    @Test
    void componentPageDocumentsEveryOptionAndHeader() throws Exception {
        JsonNode model;
        try (InputStream in = resource(JSON)) {
            model = new ObjectMapper().readTree(in);
        }
        String page = Files.readString(Path.of("src/main/docs/transfer-as2-component.adoc"));
        assertThat(page).contains(":shortname: transfer-as2", model.get("component").get("syntax").asText());
        for (String section : new String[] { "componentProperties", "properties", "headers" }) {
            for (Iterator<String> names = model.get(section).fieldNames(); names.hasNext();) {
                String name = names.next();
                assertThat(page).as("%s %s in the .adoc page (run src/main/docs/generate-adoc.py)", section, name)
                        .contains("| *" + name + "*");
            }
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ComponentMetadataTest.class.getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }
}
