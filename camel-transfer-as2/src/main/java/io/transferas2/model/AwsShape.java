package io.transferas2.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * An AWS API shape in AWS's PascalCase that keeps the fields this runtime does not model exactly as given, so output
 * of the AWS tools round-trips unchanged. Whoever reads the shape decides whether those names are acceptable.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class AwsShape {
    private final Map<String, Object> unmodelledFields = new LinkedHashMap<>();

    @JsonAnyGetter
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Object> getUnmodelledFields() {
        return unmodelledFields;
    }

    @JsonAnySetter
    public void putUnmodelledField(String name, Object value) {
        unmodelledFields.put(name, value);
    }
}
