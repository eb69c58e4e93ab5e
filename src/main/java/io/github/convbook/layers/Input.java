package io.github.convbook.layers;

import io.github.convbook.tensor.DType;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;

/**
 * The start of a functional model, {@code keras.Input(shape=(28, 28, 1))}: a symbolic tensor of shape
 * {@code (None, 28, 28, 1)} that layers are applied to before any data exists.
 */
public final class Input {
    private Input() {
    }

    /** The shape of one sample, without the batch axis. */
    public static Tensor shape(int... shape) {
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("Input.shape expects positive sizes (without the batch axis), got "
                        + Shape.of(shape));
            }
        }
        InputLayer layer = new InputLayer(Shape.batchOf(Shape.of(shape).toArray()));
        layer.ensureBuilt(layer.shape());
        return Tensor.symbolic(layer.shape(), DType.FLOAT32, new Node(layer, null));
    }
}
