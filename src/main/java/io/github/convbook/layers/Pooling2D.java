package io.github.convbook.layers;

import io.github.convbook.backend.Scratch;
import io.github.convbook.backend.Checks;
import io.github.convbook.ops.Padding;
import io.github.convbook.tensor.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What {@link MaxPooling2D} and {@link AveragePooling2D} share: a window of {@code poolSize} (default 2x2) moved by
 * {@code strides} (default: the pool size, so windows do not overlap), padding "valid" (default) or "same".
 *
 * @param <T> the concrete layer, so that fluent setters keep its type
 */
public abstract class Pooling2D<T extends Pooling2D<T>> extends Layer {
    protected int[] poolSize;
    protected int[] strides;          // null: same as poolSize
    protected Padding padding = Padding.VALID;
    private INDArray lastInput;   // kept by call(..., training = true) for backward
    private final Scratch scratch = new Scratch();

    protected Pooling2D(int poolSize) {
        this.poolSize = Checks.pair(getClass().getSimpleName(), "poolSize", poolSize);
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    public T poolSize(int... size) {
        this.poolSize = Checks.pair(describe(), "poolSize", size);
        return self();
    }

    public T strides(int... strides) {
        this.strides = Checks.pair(describe(), "strides", strides);
        return self();
    }

    public T padding(String padding) {
        this.padding = Padding.of(padding);
        return self();
    }

    @Override
    public T name(String name) {
        super.name(name);
        return self();
    }

    @Override
    public T inputShape(int... shape) {
        super.inputShape(shape);
        return self();
    }

    /**
     * Keras's {@code layer.pool_size}.
     *
     * @return {@code {height, width}} of the window (a copy)
     */
    public int[] poolSize() {
        return poolSize.clone();
    }

    /**
     * Keras's {@code layer.strides}: the pool size when none was given.
     *
     * @return {@code {vertical, horizontal}} steps (a copy)
     */
    public int[] strides() {
        return effectiveStrides();
    }

    /**
     * Keras's {@code layer.padding}.
     *
     * @return {@code VALID} or {@code SAME}
     */
    public Padding padding() {
        return padding;
    }

    protected int[] effectiveStrides() {
        return (strides != null ? strides : poolSize).clone();
    }

    @Override
    protected void validateInput(Shape inputShape) {
        requireRank(inputShape, 4, "(batch, height, width, channels)");
        Checks.windowFits(describe(), inputShape.get(1), inputShape.get(2), inputShape.toString(),
                poolSize[0], poolSize[1], padding == Padding.VALID);
    }

    /** The pooling itself on a batch, written into {@code into} when given. */
    protected abstract INDArray pool(INDArray input, INDArray... into);

    /** The input gradient from the output gradient, written into {@code into} when given. */
    protected abstract INDArray poolBackward(INDArray input, INDArray outputGradient, INDArray... into);

    @Override
    protected INDArray call(INDArray input, boolean training) {
        if (training) {
            lastInput = input;
        }
        return pool(input, scratch.get("output", input.dataType(), computeOutputShape(Shape.of(input.shape())).toArray()));
    }

    @Override
    protected INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        if (!needInputGradient) {
            return null;
        }
        return poolBackward(lastInput, outputGradient, scratch.get("inputGradient", lastInput.dataType(), lastInput.shape()));
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        int[] s = effectiveStrides();
        return Shape.of(inputShape.get(0),
                padding.outputLength(inputShape.get(1), poolSize[0], s[0]),
                padding.outputLength(inputShape.get(2), poolSize[1], s[1]),
                inputShape.get(3));
    }
}
