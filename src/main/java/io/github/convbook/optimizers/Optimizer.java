package io.github.convbook.optimizers;

import io.github.convbook.layers.Layer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Updates weights from their gradients after every batch, as Keras's optimizers do. Each weight gets its own
 * state (momentum, running averages), created on its first update.
 */
public abstract class Optimizer {
    protected final double learningRate;
    private long iterations;
    private final Map<INDArray, INDArray[]> slots = new IdentityHashMap<>();

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
                if (gradient != null) {
                    INDArray[] state = slots.computeIfAbsent(weight, w -> newSlots(w));
                    update(weight, gradient, state, iterations);
                }
            });
        }
    }

    /** The per-weight state this optimizer keeps, zero-filled like Keras's slots. */
    protected abstract INDArray[] newSlots(INDArray weight);

    /** Updates {@code weight} in place; {@code step} counts from 1. */
    protected abstract void update(INDArray weight, INDArray gradient, INDArray[] slots, long step);

    /**
     * {@code a * s} in place, with {@code s} kept in {@code a}'s precision (ND4J's own scalar ops round a double
     * scalar to float, which would put float-sized errors into float64 weights).
     */
    protected static INDArray scale(INDArray a, double s) {
        return a.muli(Nd4j.scalar(a.dataType(), s));
    }

    /** {@code a + s} in place, with {@code s} kept in {@code a}'s precision. */
    protected static INDArray shift(INDArray a, double s) {
        return a.addi(Nd4j.scalar(a.dataType(), s));
    }

    /** Zero-filled arrays shaped like the weight. */
    protected static INDArray[] zeros(INDArray weight, int count) {
        INDArray[] arrays = new INDArray[count];
        for (int i = 0; i < count; i++) {
            arrays[i] = weight.ulike().assign(0);
        }
        return arrays;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(learningRate=" + learningRate + ")";
    }
}
