package io.transferas2.camel;

import java.util.List;
import java.util.Map;

/** The dev console's text form: one line per resource, fields as {@code name=value}, from its JSON form. */
final class ConsoleText {
    private static final List<String> SECTIONS = List.of("servers", "connectors", "agreements", "certificates",
            "recentTransfers");

    private ConsoleText() {
    }

    static String render(Map<String, Object> json) {
        StringBuilder text = new StringBuilder();
        for (String section : SECTIONS) {
            Object items = json.get(section);
            if (!(items instanceof List<?> list)) {
                continue;
            }
            text.append(title(section)).append(" (").append(list.size()).append("):\n");
            for (Object item : list) {
                text.append("    ");
                line(text, (Map<?, ?>) item);
                text.append('\n');
            }
            text.append('\n');
        }
        if (json.get("inflight") instanceof Map<?, ?> inflight) {
            text.append("In flight: ");
            line(text, inflight);
            text.append('\n');
        }
        return text.toString();
    }

    private static void line(StringBuilder text, Map<?, ?> fields) {
        boolean first = true;
        for (Map.Entry<?, ?> field : fields.entrySet()) {
            if (!first) {
                text.append(' ');
            }
            text.append(field.getKey()).append('=').append(field.getValue());
            first = false;
        }
    }

    private static String title(String section) {
        return switch (section) {
            case "recentTransfers" -> "Recent transfers";
            default -> Character.toUpperCase(section.charAt(0)) + section.substring(1);
        };
    }
}
