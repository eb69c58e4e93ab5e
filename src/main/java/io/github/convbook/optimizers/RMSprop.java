package io.github.convbook.optimizers;

import io.github.convbook.backend.Values;

/**
 * Keras's {@code RMSprop(learning_rate=0.001, rho=0.9, epsilon=1e-7)}: divides each gradient by a running
 * root-mean-square of its recent values, {@code ms = rho * ms + (1 - rho) * g^2; w -= lr * g / (sqrt(ms) + eps)}.
 */
public class RMSprop extends Optimizer {
    private final double rho;
    private final double epsilon;

    /** Keras's defaults: learning rate 0.001, rho 0.9, epsilon 1e-7. */
    public RMSprop() {
        this(0.001);
    }

    /**
     * RMSprop with Keras's default rho and epsilon (0.9, 1e-7).
     *
     * @param learningRate Keras's {@code learning_rate} (default 0.001)
     * @throws IllegalArgumentException if {@code learningRate} is negative, NaN or infinite
     */
    public RMSprop(double learningRate) {
        this(learningRate, 0.9, 1e-7);
    }

    /**
     * RMSprop with every setting given, as {@code RMSprop(learning_rate, rho, epsilon)}; Keras's {@code momentum}
     * and {@code centered} options are not offered (their defaults, 0 and False, are what this computes).
     *
     * @param learningRate Keras's {@code learning_rate} (default 0.001)
     * @param rho Keras's {@code rho} (default 0.9), the decay of the running mean of squared gradients; between 0
     *            and 1, not checked
     * @param epsilon Keras's {@code epsilon} (default 1e-7), added to the root against division by 0
     * @throws IllegalArgumentException if {@code learningRate} is negative, NaN or infinite
     */
    public RMSprop(double learningRate, double rho, double epsilon) {
        super(learningRate);
        this.rho = rho;
        this.epsilon = epsilon;
    }

    @Override
    protected int slotCount() {
        return 1;
    }

    @Override
    protected void update(Values weight, Values gradient, Values[] slots, long step) {
        Values meanSquare = slots[0];
        for (int i = 0; i < weight.length(); i++) {
            double g = gradient.get(i);
            double ms = rho * meanSquare.get(i) + (1 - rho) * g * g;
            meanSquare.set(i, ms);
            weight.set(i, weight.get(i) - learningRate * g / (Math.sqrt(ms) + epsilon));
        }
    }
}
