package io.github.convbook.losses;

import java.util.Locale;

/** Losses by the names Keras accepts in {@code compile(loss=...)}. */
public final class Losses {
    private Losses() {
    }

    /**
     * The loss Keras's {@code losses.get(name)} gives, with default arguments.
     *
     * @param name {@code sparse_categorical_crossentropy}, {@code categorical_crossentropy},
     *             {@code binary_crossentropy}, {@code mse} / {@code mean_squared_error}, {@code mae} /
     *             {@code mean_absolute_error} (any case, surrounding spaces ignored)
     * @return a new loss taking probabilities ({@code fromLogits} false)
     * @throws IllegalArgumentException for null or another name, listing the names accepted
     */
    public static Loss get(String name) {
        if (name == null) {
            throw new IllegalArgumentException("A loss name is required, e.g. \"sparse_categorical_crossentropy\"");
        }
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "sparse_categorical_crossentropy": return new SparseCategoricalCrossentropy();
            case "categorical_crossentropy": return new CategoricalCrossentropy();
            case "binary_crossentropy": return new BinaryCrossentropy();
            case "mse": case "mean_squared_error": return new MeanSquaredError();
            case "mae": case "mean_absolute_error": return new MeanAbsoluteError();
            default:
                throw new IllegalArgumentException("Unknown loss '" + name
                        + "': expected sparse_categorical_crossentropy, categorical_crossentropy, binary_crossentropy, "
                        + "mse (mean_squared_error) or mae (mean_absolute_error),"
                        + " or a loss object such as new SparseCategoricalCrossentropy().fromLogits(true)");
        }
    }
}
