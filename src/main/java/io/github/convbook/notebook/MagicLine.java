package io.github.convbook.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A line magic such as {@code %jars ../kernel-lib/*.jar}. Like IJava, a magic is a line whose
 * first non-blank character is '%'; {@code %%name} starts a cell magic, which our dialect has none of.
 */
record MagicLine(String name, List<String> args, boolean cellMagic, int lineNumber) {
    /** The only magics ConvBook notebooks use; all exist in IJava 1.3 (%maven is left out on purpose). */
    public static final Set<String> SUPPORTED = Set.of("jars", "classpath", "load");

    public static boolean isMagic(String line) {
        return line.strip().startsWith("%");
    }

    /** Parses a line known to be a magic; arguments split on blanks, quotes group words. */
    public static MagicLine parse(String line, int lineNumber) {
        String text = line.strip();
        boolean cellMagic = text.startsWith("%%");
        String body = text.substring(cellMagic ? 2 : 1);
        List<String> words = splitArguments(body);
        String name = words.isEmpty() ? "" : words.remove(0);
        return new MagicLine(name, List.copyOf(words), cellMagic, lineNumber);
    }

    public boolean isSupported() {
        return !cellMagic && SUPPORTED.contains(name);
    }

    /** The message for a magic outside the dialect, naming the line and what is allowed. */
    public String unsupportedMessage(int cellNumber) {
        return "cell " + cellNumber + ", line " + lineNumber + ": " + (cellMagic ? "cell magic %%" : "line magic %")
                + name + " is not in the ConvBook dialect;"
                + " expected one of %jars, %classpath, %load (IJava 1.3 line magics)";
    }

    private static List<String> splitArguments(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
