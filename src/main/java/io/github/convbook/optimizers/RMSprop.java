package io.github.convbook.optimizers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

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
    protected INDArray[] newSlots(INDArray weight) {
        return zeros(weight, 1);
    }

    @Override
    protected void update(INDArray weight, INDArray gradient, INDArray[] slots, long step) {
        INDArray meanSquare = scale(slots[0], rho).addi(scale(gradient.mul(gradient), 1 - rho));
        weight.subi(scale(gradient.dup(), learningRate).divi(shift(Transforms.sqrt(meanSquare, true), epsilon)));
    }
}
