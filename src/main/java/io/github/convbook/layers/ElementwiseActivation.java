package io.github.convbook.layers;

import io.github.convbook.backend.Scratch;
import io.github.convbook.backend.Values;
import io.github.convbook.tensor.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer that maps every value on its own, {@code y = f(x)}, with {@code dy/dx = f'(x)}: {@link ReLU} and
 * {@link LeakyReLU}. Shape unchanged, {@code (None, ...) -> (None, ...)}; no weights. Subclasses give {@code f} and
 * {@code f'}; the loops over the batch live here.
 */
abstract class ElementwiseActivation extends Layer {
    private INDArray lastInput;       // kept by call(..., training = true) for backward
    private final Scratch scratch = new Scratch();

    /**
     * {@code f(x)} of one value.
     *
     * @param x one input value
     * @return the output value
     */
    protected abstract double value(double x);

    /**
     * {@code f'(x)} of one value (at a kink: the slope of the piece {@link #value} used there).
     *
     * @param x one input value, as the forward pass saw it
     * @return the slope of {@code f} at {@code x}
     */
    protected abstract double derivative(double x);

    /**
     * Any input with a batch axis.
     *
     * @throws IllegalArgumentException for a scalar
     */
    @Override
    protected void validateInput(Shape inputShape) {
        if (inputShape.rank() < 1) {
            throw new IllegalArgumentException(describe() + " expects input with a batch axis, got a scalar");
        }
    }

    /** {@code (None, ...) -> (None, ...)}: the same shape. */
    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return inputShape;
    }

    /**
     * The forward pass on a batch, {@code f} value by value; the result lives in a buffer this layer reuses for the
     * next batch.
     *
     * @param input    the batch, any shape with a batch axis
     * @param training true during {@code fit}: keep the input for {@link #backward}
     * @return {@code f(input)}, of the input's shape
     */
    @Override
    protected INDArray call(INDArray input, boolean training) {
        INDArray in = Values.contiguous(input);
        INDArray out = scratch.get("output", in.dataType(), in.shape());
        Values x = Values.of(in);
        Values y = Values.of(out);
        for (int i = 0; i < x.length(); i++) {
            y.set(i, value(x.get(i)));
        }
        if (training) {
            lastInput = in;
        }
        return out;
    }

    /**
     * {@code dL/dx = dL/dy * f'(x)}, value by value, with x the last training call's input. No weights.
     *
     * @param outputGradient    the loss gradient with respect to the last training output
     * @param needInputGradient false when nothing before this layer learns
     * @return the loss gradient with respect to the input, of its shape, or null
     */
    @Override
    protected INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        if (!needInputGradient) {
            return null;
        }
        INDArray grad = Values.contiguous(outputGradient);
        INDArray result = scratch.get("inputGradient", lastInput.dataType(), lastInput.shape());
        Values x = Values.of(lastInput);
        Values g = Values.of(grad);
        Values r = Values.of(result);
        for (int i = 0; i < x.length(); i++) {
            r.set(i, g.get(i) * derivative(x.get(i)));
        }
        return result;
    }
}
