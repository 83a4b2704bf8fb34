package io.transferas2.model;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Jackson mappers for the resource model.
 * <p>
 * Timestamps are read in every form AWS tools print: ISO-8601 with any offset ({@code aws transfer describe-*} output),
 * epoch seconds with a fraction (the JSON 1.1 wire protocol) and plain dates. Files are written with ISO-8601; the wire
 * mapper writes epoch seconds, as the AWS SDKs expect.
 */
public final class TransferJson {
    private static final ObjectMapper FILE_JSON = configure(JsonMapper.builder(), false);
    private static final ObjectMapper WIRE_JSON = configure(JsonMapper.builder(), true);
    private static final ObjectMapper YAML = configure(YAMLMapper.builder(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build()), false);

    private TransferJson() {
    }

    /** JSON with ISO-8601 timestamps, for registry files and status documents. */
    public static ObjectMapper json() {
        return FILE_JSON;
    }

    /** JSON with epoch-second timestamps, for the AWS JSON 1.1 protocol. */
    public static ObjectMapper wire() {
        return WIRE_JSON;
    }

    /** YAML with ISO-8601 timestamps. */
    public static ObjectMapper yaml() {
        return YAML;
    }

    /** A deep copy of a model object (input-only key fields are not copied). */
    public static <T> T copy(T value, Class<T> type) {
        return value == null ? null : FILE_JSON.convertValue(value, type);
    }

    /** A deep copy of a model object, of the same class. */
    @SuppressWarnings("unchecked")
    public static <T> T copy(T value) {
        return value == null ? null : (T) FILE_JSON.convertValue(value, value.getClass());
    }

    private static ObjectMapper configure(MapperBuilder<?, ?> builder, boolean epochSeconds) {
        SimpleModule times = new SimpleModule("transfer-as2-time");
        times.addDeserializer(Instant.class, new FlexibleInstantDeserializer());
        times.addSerializer(Instant.class, epochSeconds ? new EpochSecondsSerializer() : new IsoInstantSerializer());
        return builder
                .addModule(times)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    /** Parses a timestamp in any of the accepted forms; public so other readers share one rule. */
    public static Instant parseInstant(String text) {
        String value = text.trim();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException notInstant) {
                try {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    return epochSeconds(new BigDecimal(value));
                }
            }
        }
    }

    private static Instant epochSeconds(BigDecimal seconds) {
        BigDecimal whole = new BigDecimal(seconds.toBigInteger());
        return Instant.ofEpochSecond(whole.longValueExact(),
                seconds.subtract(whole).movePointRight(9).intValue());
    }

    private static final class FlexibleInstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return epochSeconds(p.getDecimalValue());
            }
            String text = p.getValueAsString();
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return parseInstant(text);
            } catch (RuntimeException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                        "expected an ISO-8601 timestamp such as 2026-01-31T00:00:00Z, or epoch seconds");
            }
        }
    }

    private static final class IsoInstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class EpochSecondsSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(BigDecimal.valueOf(value.getEpochSecond()).add(BigDecimal.valueOf(value.getNano(), 9))
                    .stripTrailingZeros());
        }
    }
}
