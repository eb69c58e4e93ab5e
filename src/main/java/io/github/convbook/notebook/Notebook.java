package io.github.convbook.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An nbformat 4 notebook kept as its JSON tree, so metadata we do not know about survives a
 * read/write unchanged. Only code cells are touched by execution.
 */
final class Notebook {
    private final Path path;
    private final JsonObject json;

    private Notebook(Path path, JsonObject json) {
        this.path = path;
        this.json = json;
    }

    /** Checks the shape we rely on; the message names the file and what was expected. */
    public static Notebook fromJson(Path path, JsonElement root) {
        if (root == null || !root.isJsonObject()) {
            throw new IllegalArgumentException(path + ": expected a JSON object (an .ipynb notebook) at the top level");
        }
        JsonObject json = root.getAsJsonObject();
        JsonElement format = json.get("nbformat");
        if (format == null || !format.isJsonPrimitive() || format.getAsInt() != 4) {
            throw new IllegalArgumentException(path + ": expected \"nbformat\": 4, got " + format);
        }
        JsonElement cells = json.get("cells");
        if (cells == null || !cells.isJsonArray()) {
            throw new IllegalArgumentException(path + ": expected a \"cells\" list, got " + cells);
        }
        int index = 0;
        for (JsonElement cell : cells.getAsJsonArray()) {
            index++;
            if (!cell.isJsonObject() || !cell.getAsJsonObject().has("cell_type")
                    || !cell.getAsJsonObject().has("source")) {
                throw new IllegalArgumentException(path + ": cell " + index
                        + " needs \"cell_type\" and \"source\", got " + cell);
            }
        }
        return new Notebook(path, json);
    }

    public Path path() {
        return path;
    }

    /** File name without ".ipynb", used in progress lines. */
    public String name() {
        String file = path.getFileName().toString();
        return file.endsWith(".ipynb") ? file.substring(0, file.length() - ".ipynb".length()) : file;
    }

    public JsonObject json() {
        return json;
    }

    public List<JsonObject> cells() {
        List<JsonObject> cells = new ArrayList<>();
        json.getAsJsonArray("cells").forEach(cell -> cells.add(cell.getAsJsonObject()));
        return cells;
    }

    public List<JsonObject> codeCells() {
        return cells().stream().filter(Notebook::isCode).toList();
    }

    public static boolean isCode(JsonObject cell) {
        return "code".equals(cell.get("cell_type").getAsString());
    }

    public static String source(JsonObject cell) {
        return MultilineText.join(cell.get("source"));
    }

    /** Clears what an earlier run left, as nbconvert does before executing. */
    public static void clearOutputs(JsonObject cell) {
        cell.add("outputs", new JsonArray());
        cell.add("execution_count", JsonNull.INSTANCE);
    }

    /** Stores the kernel identity IJava 1.3 writes, so Jupyter opens the notebook with the Java kernel. */
    public void markAsJava() {
        JsonObject metadata = json.has("metadata") ? json.getAsJsonObject("metadata") : new JsonObject();
        JsonObject kernelspec = new JsonObject();
        kernelspec.addProperty("display_name", "Java");
        kernelspec.addProperty("language", "java");
        kernelspec.addProperty("name", "java");
        metadata.add("kernelspec", kernelspec);
        metadata.add("language_info", JavaLanguageInfo.asJson());
        json.add("metadata", metadata);
    }

    /** A deep copy, so a check run never changes the notebook it compares against. */
    public Notebook copy() {
        return new Notebook(path, json.deepCopy());
    }
}
