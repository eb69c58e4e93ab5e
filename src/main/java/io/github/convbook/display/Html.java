package io.github.convbook.display;

/** Escaping for text shown in HTML, shared by the notebook tables and the runner's HTML pages. */
public final class Html {
    private Html() {
    }

    /**
     * Text safe to put between HTML tags or in a quoted attribute.
     *
     * @param text any text, or null
     * @return the text with {@code < > & " '} as entities; empty for null
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
