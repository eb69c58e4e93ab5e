package io.github.convbook.layers;

import io.github.convbook.backend.Checks;
import io.github.convbook.backend.Scratch;
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
    /** The window's {@code {height, width}}, Keras's {@code pool_size} (default {@code (2, 2)}). */
    protected int[] poolSize;
    /** The steps {@code {vertical, horizontal}}, Keras's {@code strides}; null (Keras's None) means the pool size. */
    protected int[] strides;          // null: same as poolSize
    /** Keras's {@code padding}: {@code VALID} (the default) or {@code SAME}. */
    protected Padding padding = Padding.VALID;
    private INDArray lastInput;   // kept by call(..., training = true) for backward
    private final Scratch scratch = new Scratch();

    /**
     * A square window of {@code poolSize}, strides equal to it, padding "valid".
     *
     * @param poolSize the window's height and width, positive
     * @throws IllegalArgumentException if {@code poolSize} is not positive
     */
    protected Pooling2D(int poolSize) {
        this.poolSize = Checks.pair(getClass().getSimpleName(), "poolSize", poolSize);
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    /**
     * Keras's {@code pool_size} (default {@code (2, 2)}): one value for a square window, or
     * {@code poolSize(height, width)}.
     *
     * @param size one or two positive sizes
     * @return this layer, for chaining
     * @throws IllegalArgumentException unless one or two positive sizes are given
     */
    public T poolSize(int... size) {
        this.poolSize = Checks.pair(describe(), "poolSize", size);
        return self();
    }

    /**
     * Keras's {@code strides} (default None: the pool size, so windows do not overlap): one step for both axes, or
     * {@code strides(vertical, horizontal)}.
     *
     * @param strides one or two positive steps
     * @return this layer, for chaining
     * @throws IllegalArgumentException unless one or two positive steps are given
     */
    public T strides(int... strides) {
        this.strides = Checks.pair(describe(), "strides", strides);
        return self();
    }

    /**
     * Keras's {@code padding}: "valid" (the default) uses only windows that fit inside the image; "same" pads the
     * border so that the output is {@code ceil(N / stride)} long.
     *
     * @param padding "valid" or "same", in any case
     * @return this layer, for chaining
     * @throws IllegalArgumentException for any other string
     */
    public T padding(String padding) {
        this.padding = Padding.of(padding);
        return self();
    }

    /**
     * Keras's {@code name=...}.
     *
     * @param name the new name, not blank
     * @return this layer, for chaining
     * @throws IllegalArgumentException for a null or blank name
     */
    @Override
    public T name(String name) {
        super.name(name);
        return self();
    }

    /**
     * Keras's {@code input_shape=(...)} (without the batch axis), for the first layer of a Sequential.
     *
     * @param shape the sizes of one sample, e.g. {@code 28, 28, 1} for inputs {@code (None, 28, 28, 1)}
     * @return this layer, for chaining
     */
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

    /**
     * The steps in use: the ones given, or the pool size.
     *
     * @return {@code {vertical, horizontal}} (a copy)
     */
    protected int[] effectiveStrides() {
        return (strides != null ? strides : poolSize).clone();
    }

    /**
     * Input {@code (None, height, width, channels)}; with padding "valid" the window must fit the image.
     *
     * @param inputShape the input's shape, e.g. {@code (None, 28, 28, 32)}
     * @throws IllegalArgumentException for a rank other than 4, or a "valid" window larger than the image
     */
    @Override
    protected void validateInput(Shape inputShape) {
        requireRank(inputShape, 4, "(batch, height, width, channels)");
        Checks.windowFits(describe(), inputShape.get(1), inputShape.get(2), inputShape.toString(),
                poolSize[0], poolSize[1], padding == Padding.VALID);
    }

    /**
     * The pooling itself on a batch, written into {@code into} when given.
     *
     * @param input the batch {@code (batch, height, width, channels)}
     * @param into  optionally one array of the output's shape to write into
     * @return the pooled batch, of shape {@link #computeOutputShape} of the input's ({@code into} when given)
     */
    protected abstract INDArray pool(INDArray input, INDArray... into);

    /**
     * The input gradient from the output gradient, written into {@code into} when given.
     *
     * @param input          the batch the forward pass pooled
     * @param outputGradient the loss gradient with respect to the pooled output
     * @param into           optionally one array of the input's shape to write into
     * @return the loss gradient with respect to {@code input}, of its shape ({@code into} when given)
     */
    protected abstract INDArray poolBackward(INDArray input, INDArray outputGradient, INDArray... into);

    /**
     * Pools a batch {@code (batch, height, width, channels)}; the result lives in a buffer this layer reuses for the
     * next batch.
     *
     * @param input    the batch, e.g. {@code (32, 28, 28, 32)}
     * @param training true during {@code fit}: keep the input for {@link #backward}
     * @return the pooled batch, e.g. {@code (32, 14, 14, 32)} with the default 2x2 pool
     */
    @Override
    protected INDArray call(INDArray input, boolean training) {
        if (training) {
            lastInput = input;
        }
        long[] outShape = computeOutputShape(Shape.of(input.shape())).toArray();
        return pool(input, scratch.get("output", input.dataType(), outShape));
    }

    /**
     * Sends each output value's gradient back to the input pixels it came from: the window's largest value
     * (MaxPooling2D), or every pixel of the window in equal shares (AveragePooling2D). No weights.
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
        return poolBackward(lastInput, outputGradient,
                scratch.get("inputGradient", lastInput.dataType(), lastInput.shape()));
    }

    /**
     * Keras's {@code compute_output_shape}: {@code (None, h, w, c) -> (None, h', w', c)}, per axis
     * {@code (N - pool) / stride + 1} (rounded down) with "valid" and {@code ceil(N / stride)} with "same":
     * {@code (None, 28, 28, 32) -> (None, 14, 14, 32)} with the defaults.
     *
     * @param inputShape {@code (batch, height, width, channels)}; unknown sizes (-1) stay unknown
     * @return {@code (batch, height', width', channels)}
     */
    @Override
    public Shape computeOutputShape(Shape inputShape) {
        int[] s = effectiveStrides();
        return Shape.of(inputShape.get(0),
                padding.outputLength(inputShape.get(1), poolSize[0], s[0]),
                padding.outputLength(inputShape.get(2), poolSize[1], s[1]),
                inputShape.get(3));
    }
}
