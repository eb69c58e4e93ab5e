package io.github.convbook.losses;

import java.util.Locale;

/** Losses by the names Keras accepts in {@code compile(loss=...)}. */
public final class Losses {
    private Losses() {
    }

    public static Loss get(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "sparse_categorical_crossentropy": return new SparseCategoricalCrossentropy();
            case "categorical_crossentropy": return new CategoricalCrossentropy();
            case "binary_crossentropy": return new BinaryCrossentropy();
            case "mse": case "mean_squared_error": return new MeanSquaredError();
            default:
                throw new IllegalArgumentException("Unknown loss '" + name + "': expected sparse_categorical_crossentropy, "
                        + "categorical_crossentropy, binary_crossentropy or mse");
        }
    }
}
