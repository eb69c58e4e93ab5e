package io.github.convbook.optimizers;

import io.github.convbook.backend.Values;

/**
 * Keras's {@code Adagrad(learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7)}: each weight's step is
 * divided by the root of the sum of all its squared gradients so far, so weights that have moved a lot slow down:
 * {@code accum += g^2; w -= lr * g / (sqrt(accum) + epsilon)}. The accumulator starts at
 * {@code initial_accumulator_value}, not 0, which keeps the first steps finite.
 * <p>
 * As tf.keras 2.x computes it: {@code optimizer_v2/adagrad.py} creates the accumulator slot with a constant
 * initialiser of {@code initial_accumulator_value} and updates with {@code ResourceApplyAdagradV2}, whose CPU kernel
 * ({@code tensorflow/core/kernels/training_ops.cc}, {@code ApplyAdagradV2}) is
 * {@code accum += grad.square(); var -= grad * lr / (accum.sqrt() + epsilon)}.
 */
public class Adagrad extends Optimizer {
    private final double initialAccumulatorValue;
    private final double epsilon;

    /** Keras's defaults: learning rate 0.001, initial accumulator 0.1, epsilon 1e-7. */
    public Adagrad() {
        this(0.001);
    }

    /**
     * Adagrad with Keras's default initial accumulator and epsilon (0.1, 1e-7).
     *
     * @param learningRate Keras's {@code learning_rate} (default 0.001)
     * @throws IllegalArgumentException if {@code learningRate} is negative, NaN or infinite
     */
    public Adagrad(double learningRate) {
        this(learningRate, 0.1, 1e-7);
    }

    /**
     * Adagrad with every setting given, as {@code Adagrad(learning_rate, initial_accumulator_value, epsilon)}.
     *
     * @param learningRate            Keras's {@code learning_rate} (default 0.001)
     * @param initialAccumulatorValue Keras's {@code initial_accumulator_value} (default 0.1), the accumulator's start
     * @param epsilon                 Keras's {@code epsilon} (default 1e-7), added to the root against division by 0
     * @throws IllegalArgumentException if {@code learningRate} is negative, NaN or infinite, or
     *                                  {@code initialAccumulatorValue} is negative or NaN (Keras:
     *                                  "initial_accumulator_value must be non-negative")
     */
    public Adagrad(double learningRate, double initialAccumulatorValue, double epsilon) {
        super(learningRate);
        if (!(initialAccumulatorValue >= 0)) {
            throw new IllegalArgumentException("Adagrad: initial_accumulator_value must be non-negative, got "
                    + initialAccumulatorValue);
        }
        this.initialAccumulatorValue = initialAccumulatorValue;
        this.epsilon = epsilon;
    }

    /**
     * Keras's {@code initial_accumulator_value}: where every weight's sum of squared gradients starts.
     *
     * @return the value given to the constructor (default 0.1)
     */
    public double initialAccumulatorValue() {
        return initialAccumulatorValue;
    }

    /**
     * Keras's {@code epsilon}, added to the root of the accumulator against division by 0.
     *
     * @return the value given to the constructor (default 1e-7)
     */
    public double epsilon() {
        return epsilon;
    }

    @Override
    protected int slotCount() {
        return 1;
    }

    @Override
    protected double initialSlotValue(int slot) {
        return initialAccumulatorValue;
    }

    @Override
    protected void update(Values weight, Values gradient, Values[] slots, long step) {
        Values accumulator = slots[0];
        for (int i = 0; i < weight.length(); i++) {
            double g = gradient.get(i);
            double accum = accumulator.get(i) + g * g;
            accumulator.set(i, accum);
            weight.set(i, weight.get(i) - learningRate * g / (Math.sqrt(accum) + epsilon));
        }
    }
}
