package io.github.convbook.layers;

import io.github.convbook.backend.Scratch;
import io.github.convbook.backend.Values;
import io.github.convbook.tensor.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code layers.Activation(activation)}: applies an activation function by name, value by value (softmax:
 * over the last axis). {@code new Activation("relu")} does what {@code activation="relu"} does inside the layer
 * before it, written as a layer of its own. Shape unchanged: {@code (None, ...) -> (None, ...)}. No weights.
 *
 * <p>Like Keras's activation functions, it keeps the logits (its input) for cross-entropy when asked: a model ending in
 * {@code Activation("softmax")} computes its loss from the values before the softmax, as Keras does.
 *
 * <p>Its definition as plain loops: {@link io.github.convbook.layers.loops.ActivationLoops#activation}.
 */
public class Activation extends Layer {
    private final OutputActivation activation = new OutputActivation();
    private final Scratch scratch = new Scratch();

    /**
     * Keras's {@code Activation(activation)}.
     *
     * @param name "relu", "sigmoid", "softmax", "tanh", "leaky_relu" (slope 0.2, as {@code tf.nn.leaky_relu}) or
     *             "linear"; null means linear, as Keras's {@code None}
     * @throws IllegalArgumentException for a name that is not one of these
     */
    public Activation(String name) {
        activation.set(Activations.of(name));
    }

    /**
     * Keras's {@code layer.activation}: the function this layer applies.
     *
     * @return the function given to the constructor, {@code LINEAR} for null
     */
    public Activations activation() {
        return activation.get();
    }

    /**
     * Keras's {@code name=...}.
     *
     * @param name the new name, not blank
     * @return this layer, for chaining
     * @throws IllegalArgumentException for a null or blank name
     */
    @Override
    public Activation name(String name) {
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
    public Activation inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    /**
     * Any input with a batch axis; softmax needs at least {@code (None, classes)}.
     *
     * @throws IllegalArgumentException for a scalar, or softmax on a 1-D input (Keras: "Cannot apply softmax to a
     *                                  tensor that is 1D")
     */
    @Override
    protected void validateInput(Shape inputShape) {
        if (inputShape.rank() < 1) {
            throw new IllegalArgumentException(describe() + " expects input with a batch axis, got a scalar");
        }
        if (activation.get() == Activations.SOFTMAX && inputShape.rank() < 2) {
            throw new IllegalArgumentException(describe() + ": Cannot apply softmax to a tensor that is 1D, got shape "
                    + inputShape + ". Softmax works over the last axis of (batch, classes)");
        }
    }

    /** {@code (None, ...) -> (None, ...)}: the same shape. */
    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return inputShape;
    }

    /**
     * The forward pass on a batch: the function applied to a copy of {@code input}, which stays unchanged. The result
     * lives in a buffer this layer reuses for the next batch.
     *
     * @param input    the batch, any shape with a batch axis, e.g. {@code (32, 10)}
     * @param training true during {@code fit}: keep the output for {@link #backward}
     * @return the activated values, of the input's shape
     */
    @Override
    protected INDArray call(INDArray input, boolean training) {
        // work on a copy: the input may be the previous layer's output, which its backward pass still needs
        INDArray out = scratch.get("output", input.dataType(), input.shape()).assign(input);
        return activation.forward(out, training);
    }

    /**
     * The gradient with respect to the input, from the one with respect to the output (null when not needed), through
     * the derivative of the function at the last training call's output. No weights, so no weight gradients.
     *
     * @param outputGradient    the loss gradient with respect to the last output; may be overwritten
     * @param needInputGradient false when nothing before this layer learns
     * @return the loss gradient with respect to the input, of the same shape, or null
     */
    @Override
    protected INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        if (!needInputGradient) {
            return null;   // no weights, so nothing else to compute
        }
        INDArray g = Values.contiguous(outputGradient);
        return activation.backward(g);
    }

    // ---------------------------------------------------------------- logits, for cross-entropy as Keras computes it

    /**
     * The gradient with respect to the logits is the gradient with respect to this layer's input.
     *
     * @param logitsGradient    the loss gradient with respect to this layer's input (its logits)
     * @param needInputGradient false when nothing before this layer learns
     * @return {@code logitsGradient} itself, or null when {@code needInputGradient} is false
     */
    @Override
    protected INDArray backwardFromLogits(INDArray logitsGradient, boolean needInputGradient) {
        return needInputGradient ? logitsGradient : null;
    }

    @Override
    OutputActivation activationStep() {
        return activation;
    }
}
