package io.github.convbook.notebook;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON strictly and writes it exactly as Jupyter (nbformat) does:
 * {@code json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False, separators=(',', ': '))}
 * plus a trailing newline. Byte-identical output keeps notebook diffs in git minimal.
 * Uses only Gson 2.8.5 API, the version IJava puts on the class path.
 */
final class JupyterJson {
    private JupyterJson() {
    }

    /** Parses strictly (no comments, no single quotes); the message names what was wrong and where. */
    public static JsonElement parse(String text) {
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setLenient(false);
            JsonElement root = new Gson().getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("unexpected text after the JSON document at " + reader);
            }
            return root;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The document as Jupyter writes it, ending with a newline. */
    public static String write(JsonElement root) {
        StringBuilder out = new StringBuilder();
        write(root, 0, out);
        return out.append('\n').toString();
    }

    private static void write(JsonElement value, int depth, StringBuilder out) {
        if (value == null || value.isJsonNull()) {
            out.append("null");
        } else if (value.isJsonObject()) {
            writeObject(value.getAsJsonObject(), depth, out);
        } else if (value.isJsonArray()) {
            writeArray(value.getAsJsonArray(), depth, out);
        } else {
            writePrimitive(value.getAsJsonPrimitive(), out);
        }
    }

    private static void writeObject(JsonObject object, int depth, StringBuilder out) {
        if (object.size() == 0) {
            out.append("{}");
            return;
        }
        List<Map.Entry<String, JsonElement>> entries = new ArrayList<>(object.entrySet());
        entries.sort(Map.Entry.comparingByKey()); // sort_keys=True
        out.append('{');
        for (int i = 0; i < entries.size(); i++) {
            out.append(i == 0 ? "" : ",");
            newline(depth + 1, out);
            writeString(entries.get(i).getKey(), out);
            out.append(": ");
            write(entries.get(i).getValue(), depth + 1, out);
        }
        newline(depth, out);
        out.append('}');
    }

    private static void writeArray(JsonArray array, int depth, StringBuilder out) {
        if (array.size() == 0) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < array.size(); i++) {
            out.append(i == 0 ? "" : ",");
            newline(depth + 1, out);
            write(array.get(i), depth + 1, out);
        }
        newline(depth, out);
        out.append(']');
    }

    private static void newline(int depth, StringBuilder out) {
        out.append('\n').append(" ".repeat(depth)); // indent=1
    }

    private static void writePrimitive(JsonPrimitive primitive, StringBuilder out) {
        if (primitive.isString()) {
            writeString(primitive.getAsString(), out);
        } else if (primitive.isBoolean()) {
            out.append(primitive.getAsBoolean());
        } else {
            // Parsed numbers keep their original text (Gson's LazilyParsedNumber), so 1.0 stays 1.0.
            out.append(primitive.getAsNumber().toString());
        }
    }

    /** Python's json string escaping with ensure_ascii=False: only quotes, backslashes and control characters. */
    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
