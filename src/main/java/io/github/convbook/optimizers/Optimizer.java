package io.github.convbook.optimizers;

import io.github.convbook.backend.Parallel;
import io.github.convbook.backend.Values;
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
    /** The step size, Keras's {@code learning_rate}: finite and at least 0, fixed for the optimizer's life. */
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
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + ": learningRate must be a finite number >= 0, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    /**
     * The step size, Keras's {@code optimizer.learning_rate}; ConvBook keeps it constant (no schedules).
     *
     * @return the learning rate given to the constructor, or the optimizer's default
     */
    public double learningRate() {
        return learningRate;
    }

    /**
     * Number of updates done so far (Keras's {@code optimizer.iterations}): one per batch in {@code fit}, so 1875
     * after one epoch of MNIST's 60,000 images at batch size 32.
     *
     * @return how many times {@link #apply} has run, from 0
     */
    public long iterations() {
        return iterations;
    }

    /**
     * One step, as Keras's {@code optimizer.apply_gradients(zip(grads, vars))}: every parameter's value moves in place
     * according to its gradient, and {@link #iterations()} counts one more. Each value keeps its own state (momentum,
     * running averages) from step to step, created at its first update.
     *
     * @param parameters the trainable weights with their gradients; running statistics are not passed (their layer
     *                   moves them)
     * @throws IllegalArgumentException when {@code parameters} is null or holds null, or when a value or gradient is
     *                                  not a contiguous float32 or float64 array ({@link Values#of})
     */
    public void apply(List<Parameter> parameters) {
        if (parameters == null || parameters.stream().anyMatch(p -> p == null)) {   // List.of refuses contains(null)
            throw new IllegalArgumentException(this + ".apply expects a list of parameters, got " + parameters);
        }
        iterations++;
        for (Parameter parameter : parameters) {
            INDArray weight = parameter.value().data();
            INDArray[] state = slots.computeIfAbsent(weight, this::newSlots);
            Values[] stateValues = new Values[state.length];
            for (int i = 0; i < state.length; i++) {
                stateValues[i] = Values.of(state[i]);
            }
            updateInParts(Values.of(weight), Values.of(parameter.gradient().data()), stateValues, iterations);
        }
    }

    /**
     * {@link #update} on the whole weight, or on parts of it side by side when it is large ({@link Parallel}): the
     * rules take a square root and a division per value in double precision (about 3.4 ns per value on the project's
     * CPU), and the convnet's 1.2 million dense weights took 4 ms per batch of 64 on one core, 2.2 ms on two.
     */
    private void updateInParts(Values weight, Values gradient, Values[] slots, long step) {
        Parallel.forEachPart(weight.length(), (from, to) -> {
            Values[] slotParts = new Values[slots.length];
            for (int i = 0; i < slots.length; i++) {
                slotParts[i] = slots[i].range(from, to);
            }
            update(weight.range(from, to), gradient.range(from, to), slotParts, step);
        });
    }

    /**
     * How many per-weight state arrays this optimizer keeps (momentum, running averages): Keras's "slots".
     *
     * @return the count, 0 or more (plain SGD keeps none, Adam two: m and v)
     */
    protected abstract int slotCount();

    /**
     * The value every element of state array {@code slot} starts at: 0, as most of Keras's slots start; Adagrad's
     * accumulator starts at {@code initial_accumulator_value}.
     *
     * @param slot the state array's index, from 0 to {@code slotCount() - 1}
     * @return the starting value of every element of that array
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
     * MLP's 670,000 weights costs more than the update itself. A large weight is passed in parts (each of them a
     * {@linkplain Values#range range} of the weight, its gradient and its state, indexed from 0), updated at the same
     * time on different threads: a rule must compute each value from that value's own gradient and state only, as
     * every Keras optimizer's rule does.
     *
     * @param weight the weight's values, flattened in row-major order, to move in place
     * @param gradient the loss gradient for each value of {@code weight}, same length; read only
     * @param slots this weight's state arrays, {@link #slotCount()} of them, each as long as {@code weight}; updated
     *              in place and kept for the next step
     * @param step the number of this update, {@link #iterations()} counted from 1 (Adam's bias correction uses it)
     */
    protected abstract void update(Values weight, Values gradient, Values[] slots, long step);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(learningRate=" + learningRate + ")";
    }
}
