package io.github.convbook.losses;

/**
 * Cross-entropy of independent yes/no probabilities (a sigmoid output, or every pixel of an autoencoder's
 * image), as Keras computes it: clipped to [1e-7, 1 - 1e-7], then
 * {@code -(y log(p + 1e-7) + (1 - y) log(1 - p + 1e-7))}, averaged over all values.
 */
public class BinaryCrossentropy extends ElementwiseLoss {
    @Override
    public String name() {
        return "binary_crossentropy";
    }

    @Override
    protected double term(double y, double p) {
        double q = clip(p);
        return -(y * Math.log(q + EPSILON) + (1 - y) * Math.log(1 - q + EPSILON));
    }

    @Override
    protected double slope(double y, double p) {
        double q = clip(p);
        return insideClip(p) ? -y / (q + EPSILON) + (1 - y) / (1 - q + EPSILON) : 0;
    }
}
