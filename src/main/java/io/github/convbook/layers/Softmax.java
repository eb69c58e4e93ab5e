package io.github.convbook.layers;

import io.github.convbook.ops.Values;
import io.github.convbook.tensor.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code layers.Softmax(axis=-1)}: turns each row of scores into probabilities that sum to 1,
 * {@code exp(x) / sum(exp(x))} over the last axis. Shape unchanged: {@code (None, ..., classes) -> (None, ...,
 * classes)}. No weights.
 *
 * <p>Unlike {@code Activation("softmax")}, Keras attaches no logits to this layer's output: its categorical
 * cross-entropies recognise the softmax operation itself and use its input, binary cross-entropy does not. So
 * {@link #outputCarriesLogits()} is false, while the logits can still be kept for the categorical losses.
 */
public class Softmax extends Layer {
    private final int axis;
    private final OutputActivation activation = new OutputActivation();
    private final Scratch scratch = new Scratch();

    /** Keras's default {@code Softmax()}: over the last axis. */
    public Softmax() {
        this(-1);
    }

    /**
     * Keras's {@code Softmax(axis=...)}. ConvBook supports the last axis: -1, or its positive index (checked when the
     * layer sees its input).
     *
     * @throws IllegalArgumentException for a negative axis other than -1
     */
    public Softmax(int axis) {
        if (axis < -1) {
            throw new IllegalArgumentException("Softmax: axis " + axis + " is not supported; ConvBook's Softmax works"
                    + " over the last axis only: axis=-1 (the default) or the last axis's positive index");
        }
        this.axis = axis;
        activation.set(Activations.SOFTMAX);
    }

    /** The axis given to the constructor (-1: the last). */
    public int axis() {
        return axis;
    }

    /** Keras's {@code name=...}. */
    @Override
    public Softmax name(String name) {
        super.name(name);
        return this;
    }

    /** Keras's {@code input_shape=(...)} (without the batch axis), for the first layer of a Sequential. */
    @Override
    public Softmax inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    /**
     * Input {@code (None, ..., classes)}, at least 2-D (a softmax over the batch axis is a mistake), with the axis
     * being the last one.
     *
     * @throws IllegalArgumentException for a 1-D input or an axis that is not the last
     */
    @Override
    protected void validateInput(Shape inputShape) {
        int rank = inputShape.rank();
        if (rank < 2) {
            throw new IllegalArgumentException(describe() + " expects input of rank >= 2 (batch, ..., classes), got shape "
                    + inputShape + ": a softmax over the batch axis mixes different samples");
        }
        if (axis != -1 && axis != rank - 1) {
            throw new IllegalArgumentException(describe() + ": axis " + axis + " is not supported for input " + inputShape
                    + "; ConvBook's Softmax works over the last axis only: axis=-1 or axis=" + (rank - 1));
        }
    }

    /** {@code (None, ..., classes) -> (None, ..., classes)}: the same shape. */
    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return inputShape;
    }

    /** The forward pass on a batch; the result lives in a buffer this layer reuses for the next batch. */
    @Override
    public INDArray call(INDArray input, boolean training) {
        // work on a copy: the input may be the previous layer's output, which its backward pass still needs
        INDArray out = scratch.get("output", input.dataType(), input.shape()).assign(input);
        return activation.forward(out, training);
    }

    /** Softmax's Jacobian-vector product per row: {@code y * (g - sum(g * y))}. */
    @Override
    public INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        if (!needInputGradient) {
            return null;
        }
        INDArray g = Values.isContiguous(outputGradient) ? outputGradient : outputGradient.dup('c');
        return activation.backward(g);
    }

    // ---------------------------------------------------------------- logits, for cross-entropy as Keras computes it

    /** {@link Activations#SOFTMAX}: the loss can see that the model ends in a softmax. */
    @Override
    public Activations outputActivation() {
        return Activations.SOFTMAX;
    }

    /**
     * False: Keras recognises a {@code Softmax} layer's output only by the operation's type, for the categorical
     * cross-entropies; binary cross-entropy takes its output as probabilities.
     */
    @Override
    public boolean outputCarriesLogits() {
        return false;
    }

    /** Makes {@link #call} keep a copy of its input (the logits) for {@link #lastLogits}. */
    @Override
    public void keepLogits(boolean keep) {
        activation.keepLogits(keep);
    }

    /** The input of the last call, the values before the softmax; reused by the next call. */
    @Override
    public INDArray lastLogits() {
        return activation.logits(describe());
    }

    /** The gradient with respect to the logits is the gradient with respect to this layer's input. */
    @Override
    public INDArray backwardFromLogits(INDArray logitsGradient, boolean needInputGradient) {
        return needInputGradient ? logitsGradient : null;
    }
}
