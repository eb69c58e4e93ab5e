package io.github.convbook.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/**
 * nbformat stores multi-line text (cell source, stream text, text/* outputs) as a list of lines,
 * each keeping its line ending, exactly like Python's {@code str.splitlines(True)}.
 */
final class MultilineText {
    private MultilineText() {
    }

    /** A JSON string or list of strings, joined into one string; null stays null. */
    public static String join(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (value.isJsonPrimitive()) {
            return value.getAsString();
        }
        StringBuilder text = new StringBuilder();
        for (JsonElement line : value.getAsJsonArray()) {
            text.append(line.getAsString());
        }
        return text.toString();
    }

    /** Splits after every line boundary Python's splitlines knows, keeping the boundaries. */
    public static JsonArray split(String text) {
        JsonArray lines = new JsonArray();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isLineBoundary(c)) {
                int end = (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') ? ++i : i;
                lines.add(new JsonPrimitive(text.substring(start, end + 1)));
                start = end + 1;
            }
        }
        if (start < text.length()) {
            lines.add(new JsonPrimitive(text.substring(start)));
        }
        return lines;
    }

    private static boolean isLineBoundary(char c) {
        return c == '\n' || c == '\r' || c == '\u000b' || c == '\u000c'
                || c == '\u001c' || c == '\u001d' || c == '\u001e'
                || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
