package io.github.convbook.layers;

import io.github.convbook.tensor.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The layer behind {@code Input.shape(...)}: it holds the model's input shape and passes values through. */
public class InputLayer extends Layer {
    private final Shape shape;

    InputLayer(Shape batchShape) {
        this.shape = batchShape;
    }

    @Override
    protected String defaultName() {
        return Naming.uniqueFromOne("input");
    }

    /** The full input shape including the (unknown) batch axis: {@code (None, 28, 28, 1)}. */
    public Shape shape() {
        return shape;
    }

    @Override
    protected void validateInput(Shape inputShape) {
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return shape;
    }

    @Override
    public INDArray call(INDArray input, boolean training) {
        return input;
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        return needInputGradient ? outputGradient : null;
    }
}
