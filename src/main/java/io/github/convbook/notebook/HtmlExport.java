package io.github.convbook.notebook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.convbook.display.Html;

/**
 * A simple self-contained HTML page of an executed notebook, for reading CI results in a browser:
 * sources and text in pre blocks, HTML outputs as they are, images inline as data URLs.
 */
final class HtmlExport {
    private HtmlExport() {
    }

    public static String toHtml(Notebook notebook) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(notebook.name()))
                .append("</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:auto}"
                        + "pre{background:#f6f8fa;padding:.5em;overflow-x:auto}"
                        + ".out{background:#fff;border-left:3px solid #ccc}"
                        + ".stderr,.error{background:#fdd}.md{white-space:pre-wrap}</style></head><body>\n");
        for (JsonObject cell : notebook.cells()) {
            String source = Notebook.source(cell);
            if (!Notebook.isCode(cell)) {
                html.append("<div class=\"md\">").append(Html.escape(source)).append("</div>\n");
                continue;
            }
            JsonElement count = cell.get("execution_count");
            html.append("<pre class=\"in\">[").append(count == null || count.isJsonNull() ? " " : count.getAsString())
                    .append("] ").append(Html.escape(source)).append("</pre>\n");
            for (JsonElement output : cell.getAsJsonArray("outputs")) {
                appendOutput(output.getAsJsonObject(), html);
            }
        }
        return html.append("</body></html>\n").toString();
    }

    private static void appendOutput(JsonObject output, StringBuilder html) {
        switch (output.get("output_type").getAsString()) {
            case "stream" -> html.append("<pre class=\"out ").append(output.get("name").getAsString()).append("\">")
                    .append(Html.escape(MultilineText.join(output.get("text")))).append("</pre>\n");
            case "error" -> {
                StringBuilder trace = new StringBuilder();
                output.getAsJsonArray("traceback").forEach(line -> trace.append(line.getAsString()).append('\n'));
                html.append("<pre class=\"out error\">").append(Html.escape(trace.toString())).append("</pre>\n");
            }
            default -> {
                JsonObject data = output.getAsJsonObject("data");
                if (data.has("image/png")) {
                    html.append("<img src=\"data:image/png;base64,").append(data.get("image/png").getAsString().strip())
                            .append("\">\n");
                } else if (data.has("text/html")) {
                    html.append("<div class=\"out\">").append(MultilineText.join(data.get("text/html")))
                            .append("</div>\n");
                } else if (data.has("text/plain")) {
                    html.append("<pre class=\"out\">").append(Html.escape(MultilineText.join(data.get("text/plain"))))
                            .append("</pre>\n");
                }
            }
        }
    }
}
