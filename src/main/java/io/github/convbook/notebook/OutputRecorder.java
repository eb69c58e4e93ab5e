package io.github.convbook.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the outputs of the running cell the way Jupyter stores them. Synchronized because
 * library code may print or display from other threads.
 */
final class OutputRecorder {
    private JsonArray cellOutputs = new JsonArray();
    /** Every stored output that was displayed with an id, across all cells: updateDisplay replaces them. */
    private final Map<String, List<JsonObject>> displaysById = new HashMap<>();

    synchronized void startCell(JsonArray outputs) {
        this.cellOutputs = outputs;
    }

    /** Consecutive writes to the same stream become one output, as Jupyter merges them. */
    synchronized void stream(String name, String text) {
        if (text.isEmpty()) {
            return;
        }
        int size = cellOutputs.size();
        if (size > 0) {
            JsonObject last = cellOutputs.get(size - 1).getAsJsonObject();
            if ("stream".equals(last.get("output_type").getAsString()) && name.equals(last.get("name").getAsString())) {
                last.add("text", new JsonPrimitive(MultilineText.join(last.get("text")) + text));
                return;
            }
        }
        JsonObject output = new JsonObject();
        output.addProperty("output_type", "stream");
        output.addProperty("name", name);
        output.addProperty("text", text);
        cellOutputs.add(output);
    }

    synchronized void display(DisplayData rendered) {
        JsonObject output = MimeBundle.output("display_data", rendered);
        cellOutputs.add(output);
        if (rendered.hasDisplayId()) {
            displaysById.computeIfAbsent(rendered.getDisplayId(), id -> new ArrayList<>()).add(output);
        }
    }

    /** Replaces every output shown with this id in place; an unknown id changes nothing, as in Jupyter. */
    synchronized void updateDisplay(String id, DisplayData rendered) {
        JsonObject replacement = MimeBundle.output("display_data", rendered);
        for (JsonObject output : displaysById.getOrDefault(id, List.of())) {
            output.add("data", replacement.get("data").deepCopy());
            output.add("metadata", replacement.get("metadata").deepCopy());
        }
    }

    synchronized void executeResult(int executionCount, DisplayData rendered) {
        JsonObject output = MimeBundle.output("execute_result", rendered);
        output.addProperty("execution_count", executionCount);
        cellOutputs.add(output);
    }

    synchronized void error(CellError error) {
        JsonObject output = new JsonObject();
        output.addProperty("output_type", "error");
        output.addProperty("ename", error.ename());
        output.addProperty("evalue", error.evalue());
        JsonArray traceback = new JsonArray();
        error.traceback().forEach(traceback::add);
        output.add("traceback", traceback);
        cellOutputs.add(output);
    }

    static boolean isStream(JsonElement output) {
        return "stream".equals(output.getAsJsonObject().get("output_type").getAsString());
    }
}
