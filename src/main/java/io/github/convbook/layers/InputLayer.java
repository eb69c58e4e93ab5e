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

    /**
     * Keras's numbering of inputs, from 1: {@code input_1}, {@code input_2}, ...
     *
     * @return the next unused input name
     */
    @Override
    protected String defaultName() {
        return Naming.uniqueFromOne("input");
    }

    /**
     * The full input shape including the batch axis: {@code (None, 28, 28, 1)}, or {@code (32, 28, 28, 1)} with a
     * fixed batch size.
     *
     * @return the shape of the model's input, batch axis first
     */
    public Shape shape() {
        return shape;
    }

    /**
     * The fixed batch size, Keras's {@code batch_size} / the first entry of {@code batch_shape}, or -1 when any batch
     * size is accepted (None).
     *
     * @return the batch size, or -1 for None
     */
    public long batchSize() {
        return shape.get(0);
    }

    /**
     * Accepts any shape: a model checks its input's shape itself.
     *
     * @param inputShape the input's shape
     */
    @Override
    protected void validateInput(Shape inputShape) {
    }

    /**
     * The declared input shape, whatever it is given.
     *
     * @param inputShape ignored
     * @return {@link #shape()}
     */
    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return shape;
    }

    /**
     * Passes the batch through.
     *
     * @param input    the batch
     * @param training ignored
     * @return {@code input} itself
     */
    @Override
    protected INDArray call(INDArray input, boolean training) {
        return input;
    }

    /**
     * Passes the gradient through.
     *
     * @param outputGradient    the loss gradient with respect to the output
     * @param needInputGradient false when the gradient is not needed
     * @return {@code outputGradient} itself, or null
     */
    @Override
    protected INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        return needInputGradient ? outputGradient : null;
    }
}
