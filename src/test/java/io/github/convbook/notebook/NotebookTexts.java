package io.github.convbook.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;

/** Builds small notebooks in memory from cell sources, for tests that need one odd cell. */
final class NotebookTexts {
    private NotebookTexts() {
    }

    static Notebook notebook(Path folder, String... codeCells) {
        JsonObject json = new JsonObject();
        JsonArray cells = new JsonArray();
        for (String source : codeCells) {
            JsonObject cell = new JsonObject();
            cell.addProperty("cell_type", "code");
            cell.add("metadata", new JsonObject());
            cell.add("source", MultilineText.split(source));
            Notebook.clearOutputs(cell);
            cells.add(cell);
        }
        json.add("cells", cells);
        json.add("metadata", new JsonObject());
        json.addProperty("nbformat", 4);
        json.addProperty("nbformat_minor", 4);
        return Notebook.fromJson(folder.resolve("scratch.ipynb"), json);
    }
}
