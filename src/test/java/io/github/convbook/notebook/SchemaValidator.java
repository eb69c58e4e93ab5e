package io.github.convbook.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The part of JSON Schema draft 4 that nbformat's v4 schema uses: $ref (local), type, enum,
 * properties, patternProperties, additionalProperties, required, items, uniqueItems, oneOf, not,
 * minLength, maxLength, pattern, minimum, maximum. Returns every violation with its JSON path.
 */
final class SchemaValidator {
    private final JsonObject root;

    SchemaValidator(JsonObject root) {
        this.root = root;
    }

    List<String> validate(JsonElement value) {
        List<String> errors = new ArrayList<>();
        check(root, value, "$", errors);
        return errors;
    }

    private void check(JsonObject schema, JsonElement value, String path, List<String> errors) {
        if (schema.has("$ref")) {
            check(resolve(schema.get("$ref").getAsString()), value, path, errors);
            return;
        }
        if (schema.has("type") && !hasType(schema.get("type"), value)) {
            errors.add(path + ": expected type " + schema.get("type") + ", got " + value);
            return;
        }
        if (schema.has("enum") && !contains(schema.getAsJsonArray("enum"), value)) {
            errors.add(path + ": expected one of " + schema.get("enum") + ", got " + value);
        }
        if (schema.has("not") && check(schema.getAsJsonObject("not"), value, path)) {
            errors.add(path + ": must not match " + schema.get("not"));
        }
        if (schema.has("oneOf")) {
            int matches = 0;
            for (JsonElement option : schema.getAsJsonArray("oneOf")) {
                matches += check(option.getAsJsonObject(), value, path) ? 1 : 0;
            }
            if (matches != 1) {
                errors.add(path + ": expected exactly one oneOf branch to match, " + matches + " did");
            }
        }
        if (value.isJsonObject()) {
            checkObject(schema, value.getAsJsonObject(), path, errors);
        } else if (value.isJsonArray()) {
            checkArray(schema, value.getAsJsonArray(), path, errors);
        } else if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            String s = value.getAsString();
            int length = s.codePointCount(0, s.length());
            if (schema.has("minLength") && length < schema.get("minLength").getAsInt()) {
                errors.add(path + ": shorter than " + schema.get("minLength"));
            }
            if (schema.has("maxLength") && length > schema.get("maxLength").getAsInt()) {
                errors.add(path + ": longer than " + schema.get("maxLength"));
            }
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").getAsString()).matcher(s).find()) {
                errors.add(path + ": \"" + s + "\" does not match " + schema.get("pattern"));
            }
        } else if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            double d = value.getAsDouble();
            if (schema.has("minimum") && d < schema.get("minimum").getAsDouble()) {
                errors.add(path + ": below minimum " + schema.get("minimum"));
            }
            if (schema.has("maximum") && d > schema.get("maximum").getAsDouble()) {
                errors.add(path + ": above maximum " + schema.get("maximum"));
            }
        }
    }

    private boolean check(JsonObject schema, JsonElement value, String path) {
        List<String> errors = new ArrayList<>();
        check(schema, value, path, errors);
        return errors.isEmpty();
    }

    private void checkObject(JsonObject schema, JsonObject object, String path, List<String> errors) {
        if (schema.has("required")) {
            for (JsonElement key : schema.getAsJsonArray("required")) {
                if (!object.has(key.getAsString())) {
                    errors.add(path + ": missing required property " + key);
                }
            }
        }
        JsonObject properties = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
        JsonObject patterns = schema.has("patternProperties")
                ? schema.getAsJsonObject("patternProperties")
                : new JsonObject();
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
            String childPath = path + "." + entry.getKey();
            boolean described = false;
            if (properties.has(entry.getKey())) {
                described = true;
                check(properties.getAsJsonObject(entry.getKey()), entry.getValue(), childPath, errors);
            }
            for (Map.Entry<String, JsonElement> pattern : patterns.entrySet()) {
                if (Pattern.compile(pattern.getKey()).matcher(entry.getKey()).find()) {
                    described = true;
                    check(pattern.getValue().getAsJsonObject(), entry.getValue(), childPath, errors);
                }
            }
            JsonElement additional = schema.get("additionalProperties");
            if (!described && additional != null) {
                if (additional.isJsonPrimitive() && !additional.getAsBoolean()) {
                    errors.add(path + ": unexpected property \"" + entry.getKey() + "\"");
                } else if (additional.isJsonObject()) {
                    check(additional.getAsJsonObject(), entry.getValue(), childPath, errors);
                }
            }
        }
    }

    private void checkArray(JsonObject schema, JsonArray array, String path, List<String> errors) {
        if (schema.has("items")) {
            for (int i = 0; i < array.size(); i++) {
                check(schema.getAsJsonObject("items"), array.get(i), path + "[" + i + "]", errors);
            }
        }
        if (schema.has("uniqueItems") && schema.get("uniqueItems").getAsBoolean()) {
            HashSet<JsonElement> seen = new HashSet<>();
            array.forEach(seen::add);
            if (seen.size() != array.size()) {
                errors.add(path + ": items are not unique");
            }
        }
    }

    private JsonObject resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local $ref is supported, got " + ref);
        }
        JsonElement target = root;
        for (String part : ref.substring(2).split("/")) {
            target = target.getAsJsonObject().get(part);
        }
        return target.getAsJsonObject();
    }

    private static boolean hasType(JsonElement type, JsonElement value) {
        if (type.isJsonArray()) {
            for (JsonElement t : type.getAsJsonArray()) {
                if (hasType(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.getAsString()) {
            case "object" -> value.isJsonObject();
            case "array" -> value.isJsonArray();
            case "null" -> value.isJsonNull();
            case "string" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
            case "boolean" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
            case "number" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
            case "integer" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()
                    && value.getAsBigDecimal().stripTrailingZeros().scale() <= 0;
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static boolean contains(JsonArray options, JsonElement value) {
        for (JsonElement option : options) {
            if (option.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
