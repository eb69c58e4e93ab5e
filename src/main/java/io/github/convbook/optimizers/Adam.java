package io.github.convbook.optimizers;

import io.github.convbook.backend.Values;

/**
 * Keras's {@code Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)}: running averages of the
 * gradient (m) and of its square (v), with the bias correction folded into the step size:
 * {@code w -= lr * sqrt(1 - beta2^t) / (1 - beta1^t) * m / (sqrt(v) + eps)}.
 */
public class Adam extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    /** Keras's defaults: learning rate 0.001, beta_1 0.9, beta_2 0.999, epsilon 1e-7. */
    public Adam() {
        this(0.001);
    }

    /**
     * Adam with Keras's default betas and epsilon (0.9, 0.999, 1e-7).
     *
     * @param learningRate Keras's {@code learning_rate} (default 0.001); roughly the size of each weight's step,
     *                     whatever the scale of its gradient, since m is divided by {@code sqrt(v)}
     * @throws IllegalArgumentException if {@code learningRate} is negative, NaN or infinite
     */
    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-7);
    }

    /**
     * Adam with every setting given, as {@code Adam(learning_rate, beta_1, beta_2, epsilon)}. As in tf.keras 2.x,
     * {@code epsilon} is added after the bias correction ("epsilon hat" in the paper's section 2), so its effect
     * differs slightly from the paper's algorithm 1.
     *
     * @param learningRate Keras's {@code learning_rate} (default 0.001)
     * @param beta1 Keras's {@code beta_1} (default 0.9), the decay of the running mean of gradients m; between 0 and
     *              1, not checked
     * @param beta2 Keras's {@code beta_2} (default 0.999), the decay of the running mean of squared gradients v;
     *              between 0 and 1, not checked
     * @param epsilon Keras's {@code epsilon} (default 1e-7), added to {@code sqrt(v)} against division by 0
     * @throws IllegalArgumentException if {@code learningRate} is negative, NaN or infinite
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        super(learningRate);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    protected int slotCount() {
        return 2;
    }

    @Override
    protected void update(Values weight, Values gradient, Values[] slots, long step) {
        double alpha = learningRate * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step));
        Values m = slots[0];
        Values v = slots[1];
        for (int i = 0; i < weight.length(); i++) {
            double g = gradient.get(i);
            double mi = beta1 * m.get(i) + (1 - beta1) * g;
            double vi = beta2 * v.get(i) + (1 - beta2) * g * g;
            m.set(i, mi);
            v.set(i, vi);
            weight.set(i, weight.get(i) - alpha * mi / (Math.sqrt(vi) + epsilon));
        }
    }
}
