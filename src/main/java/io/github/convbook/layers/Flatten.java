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
    @Override
    public Flatten name(String name) {
        super.name(name);
        return this;
    }

    @Override
    protected void validateInput(Shape inputShape) {
        if (inputShape.rank() < 1) {
            throw new IllegalArgumentException(describe() + " expects input with a batch axis, got a scalar");
        }
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        long features = 1;
        for (int i = 1; i < inputShape.rank(); i++) {
            long d = inputShape.get(i);
            features = (d < 0 || features < 0) ? -1 : features * d;
        }
        return Shape.of(inputShape.get(0), features);
    }

    @Override
    protected INDArray call(INDArray input, boolean training) {
        if (training) {
            lastInputShape = input.shape();
        }
        return input.reshape('c', input.size(0), -1);
    }

    @Override
    protected INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        return needInputGradient ? outputGradient.reshape('c', lastInputShape) : null;
    }
}
