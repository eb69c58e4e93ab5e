package io.github.convbook.optimizers;

import io.github.convbook.backend.Values;

/**
 * Gradient descent, Keras's {@code SGD(learning_rate=0.01, momentum=0.0, nesterov=False)}:
 * {@code v = momentum * v - lr * g; w += v} (Nesterov: {@code w += momentum * v - lr * g}).
 */
public class SGD extends Optimizer {
    private final double momentum;
    private final boolean nesterov;

    /** Keras's defaults: learning rate 0.01, no momentum. */
    public SGD() {
        this(0.01);
    }

    /**
     * Plain gradient descent, {@code w -= lr * g}, with no momentum.
     *
     * @param learningRate Keras's {@code learning_rate} (default 0.01)
     * @throws IllegalArgumentException if {@code learningRate} is negative, NaN or infinite
     */
    public SGD(double learningRate) {
        this(learningRate, 0.0, false);
    }

    /**
     * Gradient descent with momentum, as {@code SGD(learning_rate, momentum, nesterov)}: the velocity {@code v}
     * (one state array per weight, starting at 0) accumulates past steps, so the weights keep moving in a direction
     * that many gradients agree on.
     *
     * @param learningRate Keras's {@code learning_rate} (default 0.01)
     * @param momentum Keras's {@code momentum} (default 0.0, plain SGD), the fraction of the last velocity kept; 0.9 is
     *                 a common choice
     * @param nesterov Keras's {@code nesterov} (default false): true to step with the velocity looked ahead,
     *                 {@code w += momentum * v - lr * g}
     * @throws IllegalArgumentException if {@code learningRate} is negative, NaN or infinite, or {@code momentum} is
     *                                  below 0 or above 1 (Keras: "momentum must be between [0, 1]")
     */
    public SGD(double learningRate, double momentum, boolean nesterov) {
        super(learningRate);
        if (!(momentum >= 0 && momentum <= 1)) {   // also refuses NaN, which every comparison answers false
            throw new IllegalArgumentException("SGD: momentum must be in [0, 1], got " + momentum);
        }
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    @Override
    protected int slotCount() {
        return momentum == 0 ? 0 : 1;
    }

    @Override
    protected void update(Values weight, Values gradient, Values[] slots, long step) {
        for (int i = 0; i < weight.length(); i++) {
            double descent = -learningRate * gradient.get(i);
            if (momentum == 0) {
                weight.set(i, weight.get(i) + descent);
                continue;
            }
            double velocity = momentum * slots[0].get(i) + descent;          // v = momentum * v - lr * g
            slots[0].set(i, velocity);
            weight.set(i, weight.get(i) + (nesterov ? momentum * velocity + descent : velocity));
        }
    }
}
