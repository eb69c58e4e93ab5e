package io.github.convbook.layers;

import io.github.convbook.ops.Checks;
import io.github.convbook.ops.NativeOps;
import io.github.convbook.tensor.Shape;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Repeats every pixel {@code size} times along height and width (nearest neighbour): (7, 7, 8) becomes (14, 14, 8)
 * with the default size 2. It has no weights; the convolution after it learns how to fill in detail.
 */
public class UpSampling2D extends Layer {
    private int[] size;
    private INDArray lastInput;
    private final Scratch scratch = new Scratch();

    public UpSampling2D() {
        this(2);
    }

    public UpSampling2D(int size) {
        this.size = Checks.pair("UpSampling2D", "size", size);
    }

    public UpSampling2D size(int... size) {
        this.size = Checks.pair(describe(), "size", size);
        return this;
    }

    /** Only "nearest" is implemented (Keras's default). */
    public UpSampling2D interpolation(String interpolation) {
        if (!"nearest".equals(interpolation.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(describe() + ": interpolation '" + interpolation
                    + "' is not available; ConvBook implements \"nearest\"");
        }
        return this;
    }

    @Override
    public UpSampling2D name(String name) {
        super.name(name);
        return this;
    }

    @Override
    protected void validateInput(Shape inputShape) {
        requireRank(inputShape, 4, "(batch, height, width, channels)");
    }

    @Override
    public Shape computeOutputShape(Shape s) {
        return Shape.of(s.get(0), s.get(1) < 0 ? -1 : s.get(1) * size[0], s.get(2) < 0 ? -1 : s.get(2) * size[1], s.get(3));
    }

    @Override
    public INDArray call(INDArray input, boolean training) {
        if (training) {
            lastInput = input;
        }
        long[] outShape = computeOutputShape(Shape.of(input.shape())).toArray();
        return NativeOps.upSample(input, size, scratch.get("output", input.dataType(), outShape));
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        if (!needInputGradient) {
            return null;
        }
        return NativeOps.upSampleBackward(lastInput, outputGradient, scratch.get("inputGradient", lastInput.dataType(), lastInput.shape()));
    }
}
