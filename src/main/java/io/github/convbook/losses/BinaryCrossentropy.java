package io.github.convbook.losses;

import io.github.convbook.layers.Activations;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Cross-entropy of independent yes/no probabilities (a sigmoid output, or every pixel of an autoencoder's image),
 * Keras's {@code BinaryCrossentropy(from_logits=False, label_smoothing=0.0)} and {@code "binary_crossentropy"},
 * averaged over all values. Targets (0 or 1, or in between) have the predictions' shape, e.g. {@code (None, 1)} or
 * {@code (None, 28, 28, 1)}, or {@code (N,)} for an {@code (N, 1)} output.
 * <ul>
 *   <li>From logits z (TensorFlow's {@code sigmoid_cross_entropy_with_logits}):
 *       {@code max(z, 0) - z * y + log(1 + exp(-|z|))}; gradient {@code sigmoid(z) - y}.
 *   <li>From probabilities p: clipped to [1e-7, 1 - 1e-7] (in float32 the upper bound is 0.99999988), then
 *       {@code -(y log(p + 1e-7) + (1 - y) log(1 - p + 1e-7))}. E.g. p [0.9, 0.2, 0.6, 0.4], y [1, 0, 0, 0]: 0.4389.
 * </ul>
 */
public class BinaryCrossentropy extends ElementwiseLoss {
    private double labelSmoothing;

    @Override
    public String name() {
        return "binary_crossentropy";
    }

    /**
     * Keras's {@code from_logits} (default false): whether the predictions are logits (raw scores, before
     * the sigmoid) rather than probabilities. Logits are the numerically safer choice.
     *
     * @param fromLogits true for logits
     * @return this loss, for chaining: {@code new BinaryCrossentropy().fromLogits(true)}
     */
    public BinaryCrossentropy fromLogits(boolean fromLogits) {
        this.fromLogits = fromLogits;
        return this;
    }

    /**
     * Keras's {@code label_smoothing} (default 0): targets become {@code y * (1 - s) + s / 2},
     * which keeps the model from pushing its outputs to exactly 0 and 1.
     *
     * @param s the smoothing, from 0 (none) to 1
     * @return this loss, for chaining
     * @throws IllegalArgumentException unless {@code 0 <= s <= 1}
     */
    public BinaryCrossentropy labelSmoothing(double s) {
        if (!(s >= 0 && s <= 1)) {
            throw new IllegalArgumentException("BinaryCrossentropy: labelSmoothing must be in [0, 1], got " + s);
        }
        this.labelSmoothing = s;
        return this;
    }

    @Override
    public boolean readsLogitsOf(Activations activation, boolean carriesLogits) {
        return kerasReadsLogits(activation, carriesLogits, Activations.SIGMOID);
    }

    @Override
    public Loss withLogits() {
        return new BinaryCrossentropy().fromLogits(true).labelSmoothing(labelSmoothing);
    }

    @Override
    protected double target(double y) {
        return labelSmoothing == 0 ? y : y * (1 - labelSmoothing) + 0.5 * labelSmoothing;
    }

    @Override
    protected double term(double y, double p, DataType type) {
        if (fromLogits) {
            return Math.max(p, 0) - p * y + Math.log1p(Math.exp(-Math.abs(p)));
        }
        double eps = round(EPSILON, type);
        double q = clip(p, type);
        double onTrue = Math.log(round(q + eps, type));
        double onFalse = Math.log(round(round(1 - q, type) + eps, type));
        return -(y * onTrue + (1 - y) * onFalse);
    }

    @Override
    protected double slope(double y, double p, DataType type) {
        if (fromLogits) {
            return 1 / (1 + Math.exp(-p)) - y;
        }
        double eps = round(EPSILON, type);
        double q = clip(p, type);
        return insideClip(p, type) ? -y / (q + eps) + (1 - y) / (1 - q + eps) : 0;
    }
}
