package io.github.convbook.layers;

import io.github.convbook.ops.Padding;
import io.github.convbook.backend.Checks;
import io.github.convbook.backend.NativeOps;
import io.github.convbook.tensor.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * 2-D convolution: {@code filters} kernels of {@code kernelSize} slide over the image and each gives one output
 * channel. Input (batch, h, w, in), kernel (kh, kw, in, filters), bias (filters,).
 * Output size {@code (N - F) / stride + 1} with padding "valid", {@code ceil(N / stride)} with "same".
 * <pre>new Conv2D(32, 3).activation("relu")     // Conv2D(filters=32, kernel_size=3, activation="relu")</pre>
 *
 * <p>Its definition as plain loops: {@link io.github.convbook.layers.loops.Conv2DLoops#conv2d}.
 */
public class Conv2D extends Conv<Conv2D> {
    public Conv2D(int filters, int kernelSize) {
        super(filters, kernelSize);
    }

    @Override
    protected long[] kernelShape(long inputChannels) {
        return new long[] {kernelSize[0], kernelSize[1], inputChannels, filters};
    }

    @Override
    protected long kernelInputChannels() {
        return kernel.size(2);
    }

    @Override
    protected void validateInput(Shape inputShape) {
        super.validateInput(inputShape);
        Checks.windowFits(describe(), inputShape.get(1), inputShape.get(2), inputShape.toString(),
                dilatedKernel(0), dilatedKernel(1), padding == Padding.VALID);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return Shape.of(inputShape.get(0),
                padding.outputLength(inputShape.get(1), dilatedKernel(0), strides[0]),
                padding.outputLength(inputShape.get(2), dilatedKernel(1), strides[1]),
                filters);
    }

    @Override
    protected INDArray convolve(INDArray input, INDArray... into) {
        return NativeOps.conv2d(input, kernel, bias, strides,
                padding == Padding.SAME, dilationRate, into);
    }

    @Override
    protected INDArray[] convolveBackward(INDArray input, INDArray outputGradient, INDArray... into) {
        return NativeOps.conv2dBackward(input, kernel, bias, outputGradient, strides,
                padding == Padding.SAME, dilationRate, into);
    }

    @Override
    protected String kernelLayoutHint() {
        return " (Conv2D kernels are (kernel_height, kernel_width, in_channels, filters))";
    }
}
