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

    protected Optimizer(double learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": learningRate must be positive, got " + learningRate);
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

    /** Zero-filled state arrays shaped like the weight, as Keras's slots start. */
    private INDArray[] newSlots(INDArray weight) {
        INDArray[] state = new INDArray[slotCount()];
        for (int i = 0; i < state.length; i++) {
            state[i] = Nd4j.zeros(weight.dataType(), weight.length());
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
