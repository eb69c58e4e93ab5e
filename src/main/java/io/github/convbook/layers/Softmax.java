package io.github.convbook.layers;

import io.github.convbook.tensor.Shape;

/**
 * Keras's {@code layers.Softmax(axis=-1)}: turns each row of scores into probabilities that sum to 1,
 * {@code exp(x) / sum(exp(x))} over the last axis. Shape unchanged: {@code (None, ..., classes) -> (None, ...,
 * classes)}. No weights. It computes what {@code Activation("softmax")} computes.
 *
 * <p>Unlike {@code Activation("softmax")}, Keras attaches no logits to this layer's output: its categorical
 * cross-entropies recognise the softmax operation itself and use its input, binary cross-entropy does not. So
 * {@link #outputCarriesLogits()} is false, while the logits can still be kept for the categorical losses.
 *
 * <p>Its definition as plain loops: {@link io.github.convbook.layers.loops.ActivationLoops#softmax}.
 */
public class Softmax extends Activation {
    private final int axis;

    /** Keras's default {@code Softmax()}: over the last axis. */
    public Softmax() {
        this(-1);
    }

    /**
     * Keras's {@code Softmax(axis=...)}. ConvBook supports the last axis: -1, or its positive index (checked when the
     * layer sees its input).
     *
     * @param axis -1 (the last axis) or the last axis's index, e.g. 1 for {@code (None, 10)}
     * @throws IllegalArgumentException for a negative axis other than -1
     */
    public Softmax(int axis) {
        super("softmax");
        if (axis < -1) {
            throw new IllegalArgumentException("Softmax: axis " + axis + " is not supported; ConvBook's Softmax works"
                    + " over the last axis only: axis=-1 (the default) or the last axis's positive index");
        }
        this.axis = axis;
    }

    /**
     * Keras's {@code layer.axis}.
     *
     * @return the axis given to the constructor (-1: the last)
     */
    public int axis() {
        return axis;
    }

    /**
     * Keras's {@code name=...}.
     *
     * @param name the new name, not blank
     * @return this layer, for chaining
     * @throws IllegalArgumentException for a null or blank name
     */
    @Override
    public Softmax name(String name) {
        super.name(name);
        return this;
    }

    /**
     * Keras's {@code input_shape=(...)} (without the batch axis), for the first layer of a Sequential.
     *
     * @param shape the sizes of one sample, e.g. {@code 10} for inputs {@code (None, 10)}
     * @return this layer, for chaining
     */
    @Override
    public Softmax inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    /**
     * Input {@code (None, ..., classes)}, at least 2-D (a softmax over the batch axis is a mistake), with the axis
     * being the last one.
     *
     * @param inputShape the input's shape, e.g. {@code (None, 10)}
     * @throws IllegalArgumentException for a 1-D input or an axis that is not the last
     */
    @Override
    protected void validateInput(Shape inputShape) {
        int rank = inputShape.rank();
        if (rank < 2) {
            throw new IllegalArgumentException(describe() + " expects input of rank >= 2 (batch, ..., classes), got"
                    + " shape " + inputShape + ": a softmax over the batch axis mixes different samples");
        }
        if (axis != -1 && axis != rank - 1) {
            throw new IllegalArgumentException(describe() + ": axis " + axis + " is not supported for input "
                    + inputShape + "; ConvBook's Softmax works over the last axis only: axis=-1 or axis="
                    + (rank - 1));
        }
    }

    /**
     * False: Keras recognises a Softmax layer by its operation, for the categorical cross-entropies only.
     *
     * @return false
     */
    @Override
    public boolean outputCarriesLogits() {
        return false;
    }
}
