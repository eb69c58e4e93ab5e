package io.github.convbook.optimizers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Keras's {@code Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)}: running averages of the
 * gradient (m) and of its square (v), with the bias correction folded into the step size:
 * {@code w -= lr * sqrt(1 - beta2^t) / (1 - beta1^t) * m / (sqrt(v) + eps)}.
 */
public class Adam extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    public Adam() {
        this(0.001);
    }

    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-7);
    }

    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        super(learningRate);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    protected INDArray[] newSlots(INDArray weight) {
        return zeros(weight, 2);
    }

    @Override
    protected void update(INDArray weight, INDArray gradient, INDArray[] slots, long step) {
        double alpha = learningRate * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step));
        INDArray m = scale(slots[0], beta1).addi(scale(gradient.dup(), 1 - beta1));
        INDArray v = scale(slots[1], beta2).addi(scale(gradient.mul(gradient), 1 - beta2));
        weight.subi(scale(m.dup(), alpha).divi(shift(Transforms.sqrt(v, true), epsilon)));
    }
}
