package io.github.convbook.losses;

/** The mean of squared differences over all values, Keras's {@code mse}. */
public class MeanSquaredError extends ElementwiseLoss {
    @Override
    public String name() {
        return "mse";
    }

    @Override
    protected double term(double y, double p) {
        return (p - y) * (p - y);
    }

    @Override
    protected double slope(double y, double p) {
        return 2 * (p - y);
    }
}
