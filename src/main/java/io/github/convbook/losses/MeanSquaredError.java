package io.github.convbook.losses;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * The mean of squared differences over all values, Keras's {@code MeanSquaredError()}, {@code "mse"} and
 * {@code "mean_squared_error"}: {@code mean((p - y)^2)}. Targets have the predictions' shape, or {@code (N,)} for
 * an {@code (N, 1)} output.
 */
public class MeanSquaredError extends ElementwiseLoss {
    @Override
    public String name() {
        return "mse";
    }

    @Override
    protected double term(double y, double p, DataType type) {
        double d = round(p - y, type);
        return d * d;
    }

    @Override
    protected double slope(double y, double p, DataType type) {
        return 2 * (p - y);
    }
}
