package io.transferas2.bench;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one-line JSON that child JVMs print ({@code TAG {json}}) and the orchestrator reads back. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper LINE = new ObjectMapper();

    private Json() {
    }

    /** Prints {@code tag {json}} on stdout, flushed, so the orchestrator sees it at once. */
    static void emit(String tag, Object value) {
        try {
            String line = tag + " " + LINE.writeValueAsString(value);
            synchronized (System.out) {
                System.out.println(line);
                System.out.flush();
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The map of a line printed by {@link #emit}, or null when the line carries another tag. */
    static Map<String, Object> parse(String tag, String line) {
        if (!line.startsWith(tag + " {")) {
            return null;
        }
        try {
            return LINE.readValue(line.substring(tag.length() + 1), new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + tag + " line: " + line, e);
        }
    }
}
