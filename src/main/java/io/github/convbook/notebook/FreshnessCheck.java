package io.github.convbook.notebook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares the text a notebook has committed with the text a fresh run produces: streams,
 * text/plain, text/html and errors. Images are only checked to be present (PNG bytes differ
 * between platforms), and timing lines ({@link TimingLines}) are ignored.
 */
final class FreshnessCheck {
    private FreshnessCheck() {
    }

    /** Empty when the committed outputs are fresh, else a readable unified diff. */
    public static String diff(Notebook committed, Notebook fresh) {
        return LineDiff.unified(committed.path() + " (committed)", describe(committed),
                fresh.path() + " (fresh run)", describe(fresh));
    }

    /** One line per compared line of output, each tagged with its cell and kind. */
    static List<String> describe(Notebook notebook) {
        List<String> lines = new ArrayList<>();
        List<JsonObject> cells = notebook.cells();
        for (int c = 0; c < cells.size(); c++) {
            JsonObject cell = cells.get(c);
            if (!Notebook.isCode(cell) || !cell.has("outputs")) {
                continue;
            }
            for (JsonElement element : cell.getAsJsonArray("outputs")) {
                describeOutput("cell " + (c + 1), element.getAsJsonObject(), lines);
            }
        }
        return lines;
    }

    private static void describeOutput(String cell, JsonObject output, List<String> lines) {
        String type = output.get("output_type").getAsString();
        switch (type) {
            case "stream" -> addText(cell + " " + output.get("name").getAsString(),
                    MultilineText.join(output.get("text")), lines);
            case "error" -> {
                lines.add(cell + " error: " + output.get("ename").getAsString() + ": "
                        + output.get("evalue").getAsString());
                for (JsonElement line : output.getAsJsonArray("traceback")) {
                    addText(cell + " traceback", line.getAsString(), lines);
                }
            }
            default -> {
                JsonObject data = output.getAsJsonObject("data");
                for (String mime : new TreeSet<>(data.keySet())) {
                    String tag = cell + " " + type + " " + mime;
                    if (mime.equals("text/plain") || mime.equals("text/html")) {
                        addText(tag, MultilineText.join(data.get(mime)), lines);
                    } else {
                        lines.add(tag + " (present, not compared)");
                    }
                }
            }
        }
    }

    private static void addText(String tag, String text, List<String> lines) {
        text.lines().filter(line -> !TimingLines.isTiming(line)).forEach(line -> lines.add(tag + " | " + line));
    }
}
