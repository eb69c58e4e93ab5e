package io.github.convbook.layers;

import io.github.convbook.backend.Naming;
import io.github.convbook.tensor.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The layer behind {@code Input.shape(...)} (Keras's {@code InputLayer}): it holds the model's input shape and passes
 * values through. The batch axis is None unless the input was given a batch size ({@code Input.shape(shape, 32)},
 * {@code Input.batchShape(32, ...)}).
 */
public class InputLayer extends Layer {
    private final Shape shape;

    InputLayer(Shape batchShape) {
        this.shape = batchShape;
    }

    @Override
    protected String defaultName() {
        return Naming.uniqueFromOne("input");
    }

    /**
     * The full input shape including the batch axis: {@code (None, 28, 28, 1)}, or {@code (32, 28, 28, 1)} with a
     * fixed batch size.
     */
    public Shape shape() {
        return shape;
    }

    /**
     * The fixed batch size, Keras's {@code batch_size} / the first entry of {@code batch_shape}, or -1 when any batch
     * size is accepted (None).
     */
    public long batchSize() {
        return shape.get(0);
    }

    @Override
    protected void validateInput(Shape inputShape) {
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return shape;
    }

    @Override
    protected INDArray call(INDArray input, boolean training) {
        return input;
    }

    @Override
    protected INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        return needInputGradient ? outputGradient : null;
    }
}
