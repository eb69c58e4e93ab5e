package io.github.convbook.metrics;

import java.util.Locale;

/** Metrics by name, resolved as Keras's {@code model.compile(metrics=[...])} does. */
public final class Metrics {
    private Metrics() {
    }

    /**
     * Resolves a metric name as Keras's compile does. "accuracy" (or "acc") becomes binary accuracy when the model
     * outputs one value per sample, sparse categorical accuracy when targets are integer labels (lower rank, or one
     * column against many), categorical otherwise; "mae" and "mse" are the mean absolute and squared errors. Names
     * are read ignoring case and surrounding spaces.
     *
     * @param name "accuracy" (or "acc"), "sparse_categorical_accuracy", "categorical_accuracy", "binary_accuracy",
     *     "mae" (or "mean_absolute_error"), "mse" (or "mean_squared_error")
     * @param yTrueShape the targets' shape, e.g. {@code (None,)} labels as {@code {-1}}; only read for "accuracy"
     * @param yPredShape the model output's shape, e.g. {@code (None, 10)} as {@code {-1, 10}}; only read for
     *     "accuracy"
     * @return the metric, named as asked ("acc" stays "acc")
     * @throws IllegalArgumentException for a null or unknown name, listing the names accepted
     */
    public static Metric resolve(String name, long[] yTrueShape, long[] yPredShape) {
        if (name == null) {
            throw new IllegalArgumentException("A metric name is required, e.g. \"accuracy\", got null");
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "accuracy":
            case "acc": {
                boolean binary = yPredShape[yPredShape.length - 1] == 1;
                boolean sparse = yTrueShape.length < yPredShape.length
                        || (yTrueShape[yTrueShape.length - 1] == 1 && yPredShape[yPredShape.length - 1] > 1);
                Accuracy.Kind kind = binary ? Accuracy.Kind.BINARY
                        : sparse ? Accuracy.Kind.SPARSE_CATEGORICAL : Accuracy.Kind.CATEGORICAL;
                return new Accuracy(name, kind);
            }
            case "sparse_categorical_accuracy": return new Accuracy(key, Accuracy.Kind.SPARSE_CATEGORICAL);
            case "categorical_accuracy": return new Accuracy(key, Accuracy.Kind.CATEGORICAL);
            case "binary_accuracy": return new Accuracy(key, Accuracy.Kind.BINARY);
            case "mae": case "mean_absolute_error": return new MeanError(key, false);
            case "mse": case "mean_squared_error": return new MeanError(key, true);
            default:
                throw new IllegalArgumentException("Unknown metric '" + name + "': expected accuracy, "
                        + "sparse_categorical_accuracy, categorical_accuracy, binary_accuracy, "
                        + "mae (mean_absolute_error) or mse (mean_squared_error)");
        }
    }
}
