package io.github.convbook.layers;

import io.github.convbook.backend.Checks;
import io.github.convbook.backend.FirstLayerGradient;
import io.github.convbook.backend.NativeOps;
import io.github.convbook.backend.Scratch;
import io.github.convbook.backend.SingleFilterGradient;
import io.github.convbook.ops.Padding;
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
    private final Scratch singleFilterBuffers = new Scratch();

    /**
     * Keras's {@code Conv2D(filters, kernel_size)} with a square kernel and Keras's defaults:
     * {@code strides=(1, 1), padding="valid", dilation_rate=(1, 1), activation=None, use_bias=True,
     * kernel_initializer="glorot_uniform", bias_initializer="zeros"}; the fluent setters change them.
     *
     * @param filters    the number of kernels, which is the number of output channels; positive
     * @param kernelSize the kernel's height and width, positive (use {@code kernelSize(h, w)} for a rectangle)
     * @throws IllegalArgumentException if {@code filters} or {@code kernelSize} is not positive
     */
    public Conv2D(int filters, int kernelSize) {
        super(filters, kernelSize);
    }

    /**
     * Keras's Conv2D kernel layout.
     *
     * @param inputChannels the input's channel count
     * @return {@code (kernel_height, kernel_width, in_channels, filters)}, e.g. {@code (3, 3, 1, 32)}
     */
    @Override
    protected long[] kernelShape(long inputChannels) {
        return new long[] {kernelSize[0], kernelSize[1], inputChannels, filters};
    }

    @Override
    protected long kernelInputChannels() {
        return kernel.size(2);
    }

    /**
     * Input {@code (None, height, width, channels)} with a known channel count; with padding "valid" the dilated
     * kernel must fit the image.
     *
     * @param inputShape the input's shape, e.g. {@code (None, 28, 28, 1)}
     * @throws IllegalArgumentException for a rank other than 4, an unknown channel count, or a "valid" kernel larger
     *                                  than the image
     */
    @Override
    protected void validateInput(Shape inputShape) {
        super.validateInput(inputShape);
        Checks.windowFits(describe(), inputShape.get(1), inputShape.get(2), inputShape.toString(),
                dilatedKernel(0), dilatedKernel(1), padding == Padding.VALID);
    }

    /**
     * Keras's {@code compute_output_shape}: {@code (None, h, w, c) -> (None, h', w', filters)}, per axis with F the
     * dilated kernel size {@code (N - F) / stride + 1} (rounded down) for "valid" and {@code ceil(N / stride)} for
     * "same": {@code Conv2D(32, 3)} maps {@code (None, 28, 28, 1)} to {@code (None, 26, 26, 32)}.
     *
     * @param inputShape {@code (batch, height, width, channels)}; unknown sizes (-1) stay unknown
     * @return {@code (batch, height', width', filters)}
     */
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
        // a single filter (an autoencoder's last layer): a convolution and a matrix product, many times faster
        if (into.length >= 2 && SingleFilterGradient.applies(input, kernel, outputGradient, strides,
                padding == Padding.SAME, dilationRate)) {
            return SingleFilterGradient.gradients(input, kernel, outputGradient, into, singleFilterBuffers);
        }
        return NativeOps.conv2dBackward(input, kernel, bias, outputGradient, strides,
                padding == Padding.SAME, dilationRate, into);
    }

    /** The first layer's kernel and bias gradients as one matrix product, skipping the input gradient. */
    @Override
    protected INDArray[] kernelGradientsAlone(INDArray input, INDArray outputGradient, Scratch buffers) {
        if (!FirstLayerGradient.applies(input, kernel, outputGradient)) {
            return null;
        }
        return FirstLayerGradient.kernelAndBias(input, kernel, bias != null, outputGradient, strides,
                padding == Padding.SAME, dilationRate, buffers);
    }

    @Override
    protected String kernelLayoutHint() {
        return " (Conv2D kernels are (kernel_height, kernel_width, in_channels, filters))";
    }
}
