package io.github.convbook.losses;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * The mean of absolute differences over all values, Keras's {@code MeanAbsoluteError()}, {@code "mae"} and
 * {@code "mean_absolute_error"}: {@code mean(|p - y|)}. Its gradient is {@code sign(p - y)}, 0 where they are
 * equal (TensorFlow's gradient of {@code abs} at 0).
 */
public class MeanAbsoluteError extends ElementwiseLoss {
    @Override
    public String name() {
        return "mae";
    }

    @Override
    protected double term(double y, double p, DataType type) {
        return Math.abs(round(p - y, type));
    }

    @Override
    protected double slope(double y, double p, DataType type) {
        return Math.signum(p - y);
    }
}
