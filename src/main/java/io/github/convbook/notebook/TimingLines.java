package io.github.convbook.notebook;

import java.util.regex.Pattern;

/**
 * Output lines that change from run to run because they report time, and so are ignored when
 * checking that committed outputs are fresh. A line is a timing line when it contains any of:
 * <ul>
 *   <li>{@code ms/step}, {@code s/step}, {@code us/step}, {@code ms/sample}, {@code us/sample} (Keras progress)</li>
 *   <li>{@code ETA} as a word (Keras progress bars)</li>
 *   <li>a number followed by a time unit: {@code 0.84 s}, {@code 12ms}, {@code 3 sec}, {@code 2 seconds},
 *       {@code 150 µs}</li>
 *   <li>{@code elapsed} or {@code took} (any case)</li>
 * </ul>
 */
final class TimingLines {
    public static final Pattern PATTERN = Pattern.compile(
            "(ms|s|us|µs)/(step|sample)"
                    + "|\\bETA\\b"
                    + "|\\b\\d+(\\.\\d+)?\\s?(ns|µs|us|ms|s|sec|secs|seconds)\\b"
                    + "|(?i:\\belapsed\\b|\\btook\\b)");

    private TimingLines() {
    }

    public static boolean isTiming(String line) {
        return PATTERN.matcher(line).find();
    }
}
