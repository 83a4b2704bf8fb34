package io.transferas2.routes;

import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import io.transferas2.model.TransferJson;

/** Small JSON helpers for assertions. */
final class Json {
    /** AWS's status-file timestamp: microseconds and Z. */
    static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z";
    /** Message-IDs our connectors send: {@code <uuid>@<16 hex>}. */
    static final String MESSAGE_ID = "[0-9a-f-]{36}@[0-9a-f]{16}";
    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private Json() {
    }

    static JsonNode parse(String json) throws IOException {
        return TransferJson.json().readTree(json);
    }

    static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
