package io.github.convbook.models;

import io.github.convbook.layers.Layer;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The table of {@code model.summary()} exactly as TF 2.x's {@code print_summary} prints it for a chain of layers:
 * 65 characters wide, columns ending at 29, 55 and 65, each cell cut at its column edge
 * ({@code max_pooling2d_1 (MaxPooling2}), underscores between rows, totals with thousands separators.
 */
final class Summary {
    static final int LINE_LENGTH = 65;
    static final int[] POSITIONS = {29, 55, 65};   // int(65 * .45), int(65 * .85), 65

    /** One printed layer: its name and type, output shape and parameter count. */
    record Row(Layer layer, String outputShape, long params) {
    }

    private Summary() {
    }

    static void print(Model model, Consumer<String> out) {
        List<Row> rows = model.summaryRows();
        out.accept("Model: \"" + model.name() + "\"");
        out.accept("_".repeat(LINE_LENGTH));
        out.accept(row("Layer (type)", "Output Shape", "Param #"));
        out.accept("=".repeat(LINE_LENGTH));
        long total = 0;
        long trainable = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.accept(row(r.layer().name() + " (" + r.layer().getClass().getSimpleName() + ")", r.outputShape(),
                    Long.toString(r.params())));
            out.accept((i == rows.size() - 1 ? "=" : "_").repeat(LINE_LENGTH));
            total += r.params();
            // a row without weights (InputLayer, Flatten, pooling) adds nothing and may not be built
            trainable += r.params() == 0 ? 0 : r.layer().countTrainableParams();
        }
        out.accept(String.format(Locale.ROOT, "Total params: %,d", total));
        out.accept(String.format(Locale.ROOT, "Trainable params: %,d", trainable));
        out.accept(String.format(Locale.ROOT, "Non-trainable params: %,d", total - trainable));
        out.accept("_".repeat(LINE_LENGTH));
    }

    /** Keras's {@code print_row}: each field starts after the previous column (its last character becomes a space). */
    static String row(String... fields) {
        return row(POSITIONS, fields);
    }

    /** {@link #row(String...)} with other column ends, e.g. {@link Trace}'s wider table. */
    static String row(int[] positions, String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.setLength(line.length() - 1);
                line.append(' ');
            }
            line.append(fields[i]);
            line.setLength(Math.min(line.length(), positions[i]));
            line.append(" ".repeat(positions[i] - line.length()));
        }
        return line.toString();
    }
}
