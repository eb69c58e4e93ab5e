package io.github.convbook.display;

import java.util.List;

/**
 * A plain HTML table, as notebooks show pandas DataFrames: a caption, a header row, body rows (optionally with a
 * header cell first, for row indices) and an optional note below. All text is escaped.
 */
final class HtmlTable {
    private HtmlTable() {
    }

    static String of(String caption, List<String> header, List<List<String>> rows, boolean rowIndex, String note) {
        StringBuilder html = new StringBuilder("<table class=\"dataframe\">\n");
        if (!caption.isEmpty()) {
            html.append("<caption>").append(Html.escape(caption)).append("</caption>\n");
        }
        html.append("<thead><tr>");
        header.forEach(h -> html.append("<th>").append(Html.escape(h)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String tag = rowIndex && i == 0 ? "th" : "td";
                html.append('<').append(tag).append('>').append(Html.escape(row.get(i)))
                        .append("</").append(tag).append('>');
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>");
        if (!note.isEmpty()) {
            html.append("\n<p>").append(Html.escape(note)).append("</p>");
        }
        return html.toString();
    }
}
