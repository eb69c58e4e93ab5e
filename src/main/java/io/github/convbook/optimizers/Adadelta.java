package io.github.convbook.optimizers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Keras's {@code Adadelta(learning_rate=0.001, rho=0.95, epsilon=1e-7)}: each step is scaled by the ratio of the
 * running RMS of past steps to the running RMS of gradients:
 * {@code acc = rho * acc + (1 - rho) g^2; d = sqrt(accDelta + eps) / sqrt(acc + eps) * g; w -= lr * d;
 * accDelta = rho * accDelta + (1 - rho) d^2}. tf.keras uses lr 0.001; the original paper (and Keras 1) used 1.0.
 */
public class Adadelta extends Optimizer {
    private final double rho;
    private final double epsilon;

    public Adadelta() {
        this(0.001);
    }

    public Adadelta(double learningRate) {
        this(learningRate, 0.95, 1e-7);
    }

    public Adadelta(double learningRate, double rho, double epsilon) {
        super(learningRate);
        this.rho = rho;
        this.epsilon = epsilon;
    }

    @Override
    protected INDArray[] newSlots(INDArray weight) {
        return zeros(weight, 2);
    }

    @Override
    protected void update(INDArray weight, INDArray gradient, INDArray[] slots, long step) {
        INDArray accumulated = scale(slots[0], rho).addi(scale(gradient.mul(gradient), 1 - rho));
        INDArray delta = Transforms.sqrt(shift(slots[1].dup(), epsilon), false)
                .divi(Transforms.sqrt(shift(accumulated.dup(), epsilon), false)).muli(gradient);
        weight.subi(scale(delta.dup(), learningRate));
        scale(slots[1], rho).addi(scale(delta.muli(delta), 1 - rho));
    }
}
