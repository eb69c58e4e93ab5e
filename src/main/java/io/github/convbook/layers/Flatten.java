package io.github.convbook.layers;

import io.github.convbook.tensor.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Lays every sample's values out in one axis: (batch, 3, 3, 128) becomes (batch, 1152).
 *
 * <p>Its definition as plain loops: {@link io.github.convbook.layers.loops.FlattenLoops#flatten}.
 */
public class Flatten extends Layer {
    private long[] lastInputShape;

    /** Keras's {@code Flatten()}: channels last ({@code data_format=None}). */
    public Flatten() {
    }

    /**
     * Keras's {@code name=...}.
     *
     * @param name the new name, not blank
     * @return this layer, for chaining
     * @throws IllegalArgumentException for a null or blank name
     */
    @Override
    public Flatten name(String name) {
        super.name(name);
        return this;
    }

    /**
     * Any input with a batch axis.
     *
     * @param inputShape the input's shape, e.g. {@code (None, 3, 3, 128)}
     * @throws IllegalArgumentException for a scalar
     */
    @Override
    protected void validateInput(Shape inputShape) {
        if (inputShape.rank() < 1) {
            throw new IllegalArgumentException(describe() + " expects input with a batch axis, got a scalar");
        }
    }

    /**
     * Keras's {@code compute_output_shape}: {@code (None, d1, d2, ...) -> (None, d1 * d2 * ...)}, e.g.
     * {@code (None, 3, 3, 128) -> (None, 1152)}; None when a size is unknown. A {@code (None,)} input gives
     * {@code (None, 1)}.
     *
     * @param inputShape the input's shape, batch first
     * @return {@code (batch, values per sample)}
     */
    @Override
    public Shape computeOutputShape(Shape inputShape) {
        long features = 1;
        for (int i = 1; i < inputShape.rank(); i++) {
            long d = inputShape.get(i);
            features = (d < 0 || features < 0) ? -1 : features * d;
        }
        return Shape.of(inputShape.get(0), features);
    }

    /**
     * Each sample's values in row-major (NHWC) order: pixel by pixel, the channels of a pixel together.
     *
     * @param input    the batch, e.g. {@code (32, 3, 3, 128)}
     * @param training true during {@code fit}: keep the input's shape for {@link #backward}
     * @return {@code (batch, values per sample)}, e.g. {@code (32, 1152)}; a reshaped view of the input, or a
     *         reshaped copy when the input is not contiguous
     */
    @Override
    protected INDArray call(INDArray input, boolean training) {
        if (training) {
            lastInputShape = input.shape();
        }
        return input.reshape('c', input.size(0), -1);
    }

    /**
     * The output gradient reshaped back to the last training input's shape (the same values, the same order).
     *
     * @param outputGradient    the loss gradient with respect to the last training output
     * @param needInputGradient false when nothing before this layer learns
     * @return the loss gradient with respect to the input, of its shape, or null
     */
    @Override
    protected INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        return needInputGradient ? outputGradient.reshape('c', lastInputShape) : null;
    }
}
