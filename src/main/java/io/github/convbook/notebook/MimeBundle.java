package io.github.convbook.notebook;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/** Turns the kernel library's DisplayData into the "data"/"metadata" pair an output stores. */
final class MimeBundle {
    private static final Gson GSON = new Gson();

    private MimeBundle() {
    }

    /** An output of the given type ("display_data" or "execute_result") carrying the rendered data. */
    static JsonObject output(String outputType, DisplayData rendered) {
        // Gson serialises DisplayData exactly as the kernel sends it: {"data", "metadata", "transient"}.
        JsonObject message = GSON.toJsonTree(rendered).getAsJsonObject();
        JsonObject output = new JsonObject();
        output.addProperty("output_type", outputType);
        output.add("data", withJupyterPngStyle(message.getAsJsonObject("data")));
        JsonElement metadata = message.get("metadata");
        output.add("metadata", metadata == null || metadata.isJsonNull() ? new JsonObject() : metadata);
        return output;
    }

    /** Jupyter stores base64 images with the trailing newline Python's b2a_base64 writes. */
    private static JsonObject withJupyterPngStyle(JsonObject data) {
        JsonElement png = data.get("image/png");
        if (png != null && png.isJsonPrimitive() && !png.getAsString().endsWith("\n")) {
            data.add("image/png", new JsonPrimitive(png.getAsString() + "\n"));
        }
        return data;
    }
}
