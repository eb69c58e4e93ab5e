package io.github.convbook.optimizers;

import io.github.convbook.backend.Values;

/**
 * Gradient descent, Keras's {@code SGD(learning_rate=0.01, momentum=0.0, nesterov=False)}:
 * {@code v = momentum * v - lr * g; w += v} (Nesterov: {@code w += momentum * v - lr * g}).
 */
public class SGD extends Optimizer {
    private final double momentum;
    private final boolean nesterov;

    public SGD() {
        this(0.01);
    }

    public SGD(double learningRate) {
        this(learningRate, 0.0, false);
    }

    public SGD(double learningRate, double momentum, boolean nesterov) {
        super(learningRate);
        if (momentum < 0 || momentum > 1) {
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
