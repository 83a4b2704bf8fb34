package io.transferas2.camel.springboot;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's generated spring-configuration-metadata.json has every component option of the component's catalog
 * JSON as camel.component.transfer-as2.&lt;kebab-case&gt;, each with a description, and the auto-configurations are
 * listed in AutoConfiguration.imports (regenerate with {@code python3 camel-transfer-as2-starter/generate-configuration.py}).
 */
class TransferAs2StarterMetadataTest {

    @Test
    void everyComponentOptionIsADescribedSpringProperty() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode catalog = read(mapper, "/META-INF/io/transferas2/camel/transfer-as2.json");
        JsonNode spring = read(mapper, "/META-INF/spring-configuration-metadata.json");
        Map<String, String> descriptions = new HashMap<>();
        spring.get("properties").forEach(p -> descriptions.put(p.get("name").asText(),
                p.hasNonNull("description") ? p.get("description").asText() : ""));
        for (Iterator<String> names = catalog.get("componentProperties").fieldNames(); names.hasNext();) {
            String property = "camel.component.transfer-as2." + StringHelper.camelCaseToDash(names.next());
            assertThat(descriptions).as(property).containsKey(property);
        }
        descriptions.forEach((name, description) -> assertThat(description).as(name).isNotBlank());
        assertThat(descriptions).containsKeys("camel.component.transfer-as2.enabled",
                "camel.component.transfer-as2.customizer.enabled",
                "camel.component.transfer-as2.tomcat-continue-on-read");
    }

    @Test
    void autoConfigurationsAreListed() throws Exception {
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
            assertThat(new String(in.readAllBytes())).contains(TransferAs2ComponentAutoConfiguration.class.getName(),
                    TransferAs2ComponentConverter.class.getName(), TransferAs2WebAutoConfiguration.class.getName());
        }
    }

    private static JsonNode read(ObjectMapper mapper, String resource) throws Exception {
        try (InputStream in = TransferAs2StarterMetadataTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return mapper.readTree(in);
        }
    }
}
