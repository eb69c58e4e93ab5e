package io.github.convbook.optimizers;

import io.github.convbook.layers.Layer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import io.github.convbook.ops.Values;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Updates weights from their gradients after every batch, as Keras's optimizers do. Each weight gets its own
 * state (momentum, running averages), created on its first update.
 */
public abstract class Optimizer {
    protected final double learningRate;
    private long iterations;
    private final Map<INDArray, INDArray[]> slots = new IdentityHashMap<>();   // arrays kept here stay allocated

    /**
     * @param learningRate the step size, Keras's {@code learning_rate}; 0 is accepted (as Keras does: the weights then
     *                     stay where they are, while the optimizer's state still advances)
     * @throws IllegalArgumentException if {@code learningRate} is negative, NaN or infinite
     */
    protected Optimizer(double learningRate) {
        // !(x >= 0) also catches NaN, which every comparison answers false
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": learningRate must be a finite number >= 0, got "
                    + learningRate);
        }
        this.learningRate = learningRate;
    }

    public double learningRate() {
        return learningRate;
    }

    /** Number of updates done so far (Keras's {@code optimizer.iterations}). */
    public long iterations() {
        return iterations;
    }

    /** One step: every weight of every layer moves according to its gradient from the last backward pass. */
    public void apply(List<Layer> layers) {
        iterations++;
        for (Layer layer : layers) {
            Map<String, INDArray> gradients = layer.gradients();
            layer.weightArrays().forEach((name, weight) -> {
                INDArray gradient = gradients.get(name);
                if (gradient != null && layer.isTrainable(name)) {   // running statistics: the layer moves them
                    INDArray[] state = slots.computeIfAbsent(weight, this::newSlots);
                    Values[] stateValues = new Values[state.length];
                    for (int i = 0; i < state.length; i++) {
                        stateValues[i] = Values.of(state[i]);
                    }
                    update(Values.of(weight), Values.of(gradient), stateValues, iterations);
                }
            });
        }
    }

    /** How many per-weight state arrays this optimizer keeps (momentum, running averages). */
    protected abstract int slotCount();

    /**
     * The value every element of state array {@code slot} starts at: 0, as most of Keras's slots start; Adagrad's
     * accumulator starts at {@code initial_accumulator_value}.
     */
    protected double initialSlotValue(int slot) {
        return 0;
    }

    /** State arrays shaped like the weight, filled with {@link #initialSlotValue}. */
    private INDArray[] newSlots(INDArray weight) {
        INDArray[] state = new INDArray[slotCount()];
        for (int i = 0; i < state.length; i++) {
            double start = initialSlotValue(i);
            state[i] = start == 0 ? Nd4j.zeros(weight.dataType(), weight.length())
                    : Nd4j.valueArrayOf(new long[] {weight.length()}, start, weight.dataType());
        }
        return state;
    }

    /**
     * Updates {@code weight} in place; {@code step} counts from 1. The rules are written as one loop over the values
     * ({@link Values}): a chain of ND4J operations would allocate a temporary array per operation, which for the
     * MLP's 670,000 weights costs more than the update itself.
     */
    protected abstract void update(Values weight, Values gradient, Values[] slots, long step);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(learningRate=" + learningRate + ")";
    }
}
