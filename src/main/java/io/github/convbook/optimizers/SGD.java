package io.github.convbook.optimizers;

import org.nd4j.linalg.api.ndarray.INDArray;

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
    protected INDArray[] newSlots(INDArray weight) {
        return momentum == 0 ? new INDArray[0] : zeros(weight, 1);
    }

    @Override
    protected void update(INDArray weight, INDArray gradient, INDArray[] slots, long step) {
        INDArray descent = scale(gradient.dup(), -learningRate);         // -lr * g
        if (momentum == 0) {
            weight.addi(descent);
            return;
        }
        INDArray velocity = scale(slots[0], momentum).addi(descent);     // v = momentum * v - lr * g
        weight.addi(nesterov ? scale(velocity.dup(), momentum).addi(descent) : velocity);
    }
}
