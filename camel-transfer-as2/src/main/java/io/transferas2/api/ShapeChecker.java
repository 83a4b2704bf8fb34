package io.transferas2.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a JSON document against a shape of the {@link ServiceModel}: JSON types, required members, string length,
 * pattern and enum, list size, number range, and members the shape does not have. Patterns must match the whole
 * value, as AWS applies them. Violations carry AWS's member path ({@code as2Config.localProfileId},
 * {@code tags.1.member.key}) and AWS's constraint wording; sensitive values are never quoted.
 */
public final class ShapeChecker {
    /** What kind of rule a violation breaks; each answers a different AWS error type. */
    public enum Kind {
        /** A value of the wrong JSON type: AWS answers SerializationException. */
        WRONG_TYPE,
        /** A member the shape does not have. */
        UNKNOWN_MEMBER,
        /** A required member, length, pattern, enum or range rule: AWS answers ValidationException. */
        CONSTRAINT
    }

    /** One broken rule. */
    public record Violation(String path, String message, Kind kind) {
        @Override
        public String toString() {
            return message;
        }
    }

    private final ServiceModel model;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    public ShapeChecker(ServiceModel model) {
        this.model = model;
    }

    /** Every violation of {@code value} against shape {@code shapeName}. */
    public List<Violation> check(String shapeName, JsonNode value) {
        List<Violation> violations = new ArrayList<>();
        check(shapeName, value, "", violations);
        return violations;
    }

    private void check(String shapeName, JsonNode value, String path, List<Violation> out) {
        JsonNode shape = model.shape(shapeName);
        String type = shape.path("type").asText();
        switch (type) {
            case "structure" -> checkStructure(shape, value, path, out);
            case "list" -> checkList(shape, value, path, out);
            case "map" -> checkMap(shape, value, path, out);
            case "string" -> checkString(shape, value, path, out);
            case "integer", "long" -> checkInteger(shape, value, path, out);
            case "boolean" -> requireType(value.isBoolean(), "a boolean", value, path, out);
            case "double", "float" -> requireType(value.isNumber(), "a number", value, path, out);
            case "timestamp" -> requireType(value.isNumber() || value.isTextual(), "a timestamp", value, path, out);
            case "blob" -> requireType(value.isTextual(), "a base64 string", value, path, out);
            default -> out.add(new Violation(path, "Value at '" + path + "' has the model type " + type
                    + ", which this checker does not know", Kind.WRONG_TYPE));
        }
    }

    private void checkStructure(JsonNode shape, JsonNode value, String path, List<Violation> out) {
        if (!requireType(value.isObject(), "an object", value, path, out)) {
            return;
        }
        JsonNode members = shape.path("members");
        for (JsonNode required : shape.path("required")) {
            JsonNode member = value.get(required.asText());
            if (member == null || member.isNull()) {
                out.add(new Violation(join(path, required.asText()), "Value null at '"
                        + join(path, required.asText()) + "' failed to satisfy constraint: Member must not be null",
                        Kind.CONSTRAINT));
            }
        }
        if (shape.path("union").asBoolean(false) && value.size() != 1) {
            out.add(new Violation(path, "Value at '" + path + "' failed to satisfy constraint: Member must set"
                    + " exactly one member", Kind.CONSTRAINT));
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String memberPath = join(path, field.getKey());
            JsonNode member = members.get(field.getKey());
            if (member == null) {
                out.add(new Violation(memberPath, "Member '" + memberPath + "' is not part of the shape",
                        Kind.UNKNOWN_MEMBER));
            } else if (!field.getValue().isNull()) {
                check(member.path("shape").asText(), field.getValue(), memberPath, out);
            }
        }
    }

    private void checkList(JsonNode shape, JsonNode value, String path, List<Violation> out) {
        if (!requireType(value.isArray(), "a list", value, path, out)) {
            return;
        }
        checkSize(shape, value.size(), path, out, "Value at '" + path + "'");
        String memberShape = shape.path("member").path("shape").asText();
        for (int i = 0; i < value.size(); i++) {
            check(memberShape, value.get(i), path + "." + (i + 1) + ".member", out);
        }
    }

    private void checkMap(JsonNode shape, JsonNode value, String path, List<Violation> out) {
        if (!requireType(value.isObject(), "a map", value, path, out)) {
            return;
        }
        checkSize(shape, value.size(), path, out, "Value at '" + path + "'");
        String valueShape = shape.path("value").path("shape").asText();
        value.fields().forEachRemaining(e -> check(valueShape, e.getValue(), path + "." + e.getKey(), out));
    }

    private void checkString(JsonNode shape, JsonNode value, String path, List<Violation> out) {
        if (!requireType(value.isTextual(), "a string", value, path, out)) {
            return;
        }
        String text = value.asText();
        String subject = shape.path("sensitive").asBoolean(false) ? "Value at '" + path + "'"
                : "Value '" + text + "' at '" + path + "'";
        checkSize(shape, text.length(), path, out, subject);
        if (shape.has("pattern")) {
            String regex = shape.get("pattern").asText();
            Pattern pattern = patterns.computeIfAbsent(regex, Pattern::compile);
            if (!pattern.matcher(text).matches()) {
                out.add(new Violation(path, subject + " failed to satisfy constraint: Member must satisfy regular"
                        + " expression pattern: " + regex, Kind.CONSTRAINT));
            }
        }
        if (shape.has("enum")) {
            List<String> allowed = new ArrayList<>();
            shape.get("enum").forEach(e -> allowed.add(e.asText()));
            if (!allowed.contains(text)) {
                out.add(new Violation(path, subject + " failed to satisfy constraint: Member must satisfy enum value"
                        + " set: " + allowed, Kind.CONSTRAINT));
            }
        }
    }

    private void checkInteger(JsonNode shape, JsonNode value, String path, List<Violation> out) {
        if (!requireType(value.isIntegralNumber(), "an integer", value, path, out)) {
            return;
        }
        long number = value.asLong();
        String subject = "Value '" + number + "' at '" + path + "'";
        if (shape.has("min") && number < shape.get("min").asLong()) {
            out.add(new Violation(path, subject + " failed to satisfy constraint: Member must have value greater"
                    + " than or equal to " + shape.get("min").asLong(), Kind.CONSTRAINT));
        }
        if (shape.has("max") && number > shape.get("max").asLong()) {
            out.add(new Violation(path, subject + " failed to satisfy constraint: Member must have value less than"
                    + " or equal to " + shape.get("max").asLong(), Kind.CONSTRAINT));
        }
    }

    private static void checkSize(JsonNode shape, int size, String path, List<Violation> out, String subject) {
        if (shape.has("min") && size < shape.get("min").asInt()) {
            out.add(new Violation(path, subject + " failed to satisfy constraint: Member must have length"
                    + " greater than or equal to " + shape.get("min").asInt(), Kind.CONSTRAINT));
        }
        if (shape.has("max") && size > shape.get("max").asInt()) {
            out.add(new Violation(path, subject + " failed to satisfy constraint: Member must have length"
                    + " less than or equal to " + shape.get("max").asInt(), Kind.CONSTRAINT));
        }
    }

    private static boolean requireType(boolean ok, String expected, JsonNode value, String path,
                                       List<Violation> out) {
        if (!ok) {
            out.add(new Violation(path, "Value at '" + path + "' must be " + expected + ", not "
                    + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT), Kind.WRONG_TYPE));
        }
        return ok;
    }

    /** AWS names members in paths with a lower-case first letter. */
    private static String join(String path, String member) {
        String name = member.isEmpty() ? member : Character.toLowerCase(member.charAt(0)) + member.substring(1);
        return path.isEmpty() ? name : path + "." + name;
    }
}
