package io.github.convbook.layers;

import io.github.convbook.tensor.DType;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.util.Arrays;

/**
 * The start of a functional model, {@code keras.Input(shape=(28, 28, 1))}: a symbolic tensor of shape
 * {@code (None, 28, 28, 1)} that layers are applied to before any data exists. With a fixed batch size
 * ({@code keras.Input(shape=(28, 28, 1), batch_size=32)} or {@code batch_shape=(32, 28, 28, 1)}) the batch axis is
 * known, and every layer's output shape carries it: {@code (32, 26, 26, 8)} after a 3x3 Conv2D with 8 filters.
 */
public final class Input {
    private Input() {
    }

    /**
     * Keras's {@code keras.Input(shape=...)}: the shape of one sample, without the batch axis.
     *
     * @param shape the sizes of one sample, e.g. {@code 28, 28, 1}; the tensor's shape is {@code (None, 28, 28, 1)}
     * @return a symbolic tensor to apply layers to
     * @throws IllegalArgumentException if a size is not positive
     */
    public static Tensor shape(int... shape) {
        requirePositive("Input.shape expects positive sizes (without the batch axis)", shape);
        return symbolic(Shape.batchOf(Shape.of(shape).toArray()));
    }

    /**
     * Keras's {@code keras.Input(shape=(28, 28, 1), batch_size=32)}: one sample's shape and a fixed batch size; the
     * tensor's shape is {@code (32, 28, 28, 1)}.
     *
     * @param shape     the sizes of one sample, without the batch axis
     * @param batchSize the number of samples in every batch, positive
     * @return a symbolic tensor to apply layers to
     * @throws IllegalArgumentException if a size or the batch size is not positive
     */
    public static Tensor shape(int[] shape, int batchSize) {
        requirePositive("Input.shape expects positive sizes (without the batch axis)", shape);
        if (batchSize <= 0) {
            throw new IllegalArgumentException("Input.shape expects a positive batchSize, got " + batchSize);
        }
        long[] full = new long[shape.length + 1];
        full[0] = batchSize;
        for (int i = 0; i < shape.length; i++) {
            full[i + 1] = shape[i];
        }
        return symbolic(Shape.of(full));
    }

    /**
     * Keras's {@code keras.Input(batch_shape=(32, 28, 28, 1))} (Keras 1's {@code batch_input_shape}): the full shape,
     * batch axis first. A batch of -1 stands for Python's {@code None} (any batch size), as
     * {@code batch_shape=(None, 28, 28, 1)}.
     *
     * @param fullShape the batch size (or -1) followed by the sizes of one sample
     * @return a symbolic tensor to apply layers to
     * @throws IllegalArgumentException if the shape has no axis besides the batch, a sample size is not positive, or
     *                                  the batch is neither positive nor -1
     */
    public static Tensor batchShape(int... fullShape) {
        if (fullShape.length < 2) {
            throw new IllegalArgumentException("Input.batchShape expects the batch size followed by at least one sample"
                    + " size, e.g. batchShape(32, 28, 28, 1), got " + Arrays.toString(fullShape));
        }
        requirePositive("Input.batchShape expects positive sizes after the batch axis",
                Arrays.copyOfRange(fullShape, 1, fullShape.length));
        if (fullShape[0] <= 0 && fullShape[0] != Shape.UNKNOWN) {
            throw new IllegalArgumentException("Input.batchShape expects a positive batch size, or -1 for None"
                    + " (any size), got " + fullShape[0] + " in " + Arrays.toString(fullShape));
        }
        return symbolic(Shape.of(fullShape));
    }

    private static void requirePositive(String message, int[] shape) {
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException(message + ", got " + Shape.of(shape));
            }
        }
    }

    private static Tensor symbolic(Shape batchShape) {
        InputLayer layer = new InputLayer(batchShape);
        layer.ensureBuilt(layer.shape());
        return Tensor.symbolic(layer.shape(), DType.FLOAT32, new Node(layer, null));
    }
}
