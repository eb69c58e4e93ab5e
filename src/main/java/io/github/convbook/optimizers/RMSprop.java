package io.github.convbook.optimizers;

import io.github.convbook.backend.Values;

/**
 * Keras's {@code RMSprop(learning_rate=0.001, rho=0.9, epsilon=1e-7)}: divides each gradient by a running
 * root-mean-square of its recent values, {@code ms = rho * ms + (1 - rho) * g^2; w -= lr * g / (sqrt(ms) + eps)}.
 */
public class RMSprop extends Optimizer {
    private final double rho;
    private final double epsilon;

    public RMSprop() {
        this(0.001);
    }

    public RMSprop(double learningRate) {
        this(learningRate, 0.9, 1e-7);
    }

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
