package io.github.convbook.optimizers;

import io.github.convbook.backend.Values;

/**
 * Keras's {@code Adadelta(learning_rate=0.001, rho=0.95, epsilon=1e-7)}: each step is scaled by the ratio of the
 * running RMS of past steps to the running RMS of gradients:
 * {@code acc = rho * acc + (1 - rho) g^2; d = sqrt(accDelta + eps) / sqrt(acc + eps) * g; w -= lr * d;
 * accDelta = rho * accDelta + (1 - rho) d^2}. tf.keras uses lr 0.001; the original paper (and Keras 1) used 1.0.
 */
public class Adadelta extends Optimizer {
    private final double rho;
    private final double epsilon;

    /** Keras's defaults: learning rate 0.001, rho 0.95, epsilon 1e-7. */
    public Adadelta() {
        this(0.001);
    }

    /**
     * Adadelta with Keras's default rho and epsilon (0.95, 1e-7).
     *
     * @param learningRate Keras's {@code learning_rate} (default 0.001; 1.0 reproduces the original paper)
     * @throws IllegalArgumentException if {@code learningRate} is negative, NaN or infinite
     */
    public Adadelta(double learningRate) {
        this(learningRate, 0.95, 1e-7);
    }

    /**
     * Adadelta with every setting given, as {@code Adadelta(learning_rate, rho, epsilon)}.
     *
     * @param learningRate Keras's {@code learning_rate} (default 0.001)
     * @param rho Keras's {@code rho} (default 0.95), the decay of both running means (of squared gradients and of
     *            squared steps); between 0 and 1, not checked
     * @param epsilon Keras's {@code epsilon} (default 1e-7), inside both roots; it also sets the size of the first
     *                steps, when the running mean of squared steps is still 0
     * @throws IllegalArgumentException if {@code learningRate} is negative, NaN or infinite
     */
    public Adadelta(double learningRate, double rho, double epsilon) {
        super(learningRate);
        this.rho = rho;
        this.epsilon = epsilon;
    }

    @Override
    protected int slotCount() {
        return 2;
    }

    @Override
    protected void update(Values weight, Values gradient, Values[] slots, long step) {
        Values accumulated = slots[0];
        Values accumulatedDelta = slots[1];
        for (int i = 0; i < weight.length(); i++) {
            double g = gradient.get(i);
            double acc = rho * accumulated.get(i) + (1 - rho) * g * g;
            double delta = Math.sqrt(accumulatedDelta.get(i) + epsilon) / Math.sqrt(acc + epsilon) * g;
            accumulated.set(i, acc);
            weight.set(i, weight.get(i) - learningRate * delta);
            accumulatedDelta.set(i, rho * accumulatedDelta.get(i) + (1 - rho) * delta * delta);
        }
    }
}
