package io.github.convbook.layers;

import io.github.convbook.ops.NativeOps;
import io.github.convbook.ops.Padding;
import io.github.convbook.tensor.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Transposed convolution ("deconvolution"): each input pixel spreads a kernel-sized patch into the output,
 * the reverse of a convolution's gathering, so a stride of 2 doubles height and width.
 * Kernel (kh, kw, filters, in), bias (filters,) as Keras stores them.
 * Output size {@code N * stride + max(F - stride, 0)} with "valid", {@code N * stride} with "same".
 */
public class Conv2DTranspose extends Conv<Conv2DTranspose> {
    public Conv2DTranspose(int filters, int kernelSize) {
        super(filters, kernelSize);
    }

    @Override
    protected long[] kernelShape(long inputChannels) {
        return new long[] {kernelSize[0], kernelSize[1], filters, inputChannels};
    }

    @Override
    protected long kernelInputChannels() {
        return kernel.size(3);
    }

    /** Keras's {@code deconv_output_length} without output padding. */
    private long outputLength(long input, int axis) {
        if (input < 0) {
            return input;
        }
        long window = dilatedKernel(axis);
        long stride = strides[axis];
        return padding == Padding.SAME ? input * stride : input * stride + Math.max(window - stride, 0);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return Shape.of(inputShape.get(0), outputLength(inputShape.get(1), 0), outputLength(inputShape.get(2), 1), filters);
    }

    @Override
    protected INDArray convolve(INDArray input, INDArray... into) {
        // the reused buffers are not worth it here: this layer is not on the lecture's hot paths
        INDArray out = NativeOps.conv2dTranspose(input, kernel, bias, strides, padding, dilationRate);
        long[] expected = computeOutputShape(Shape.of(input.shape())).toArray();
        if (out.size(1) < expected[1] || out.size(2) < expected[2]) {
            out = padBottomRight(out, expected);
        }
        return out;
    }

    @Override
    protected INDArray[] convolveBackward(INDArray input, INDArray outputGradient, INDArray... into) {
        long[] produced = {0, producedLength(input.size(1), 0), producedLength(input.size(2), 1)};
        if (produced[1] == outputGradient.size(1) && produced[2] == outputGradient.size(2)) {
            return NativeOps.conv2dTransposeBackward(input, kernel, bias, outputGradient, strides, padding, dilationRate);
        }
        // only the part libnd4j produced depends on the kernel; the bias reaches every output pixel
        INDArray reached = outputGradient.get(NDArrayIndex.all(), NDArrayIndex.interval(0, produced[1]),
                NDArrayIndex.interval(0, produced[2]), NDArrayIndex.all()).dup('c');
        INDArray[] grads = NativeOps.conv2dTransposeBackward(input, kernel, bias, reached, strides, padding, dilationRate);
        if (bias != null) {
            grads[2] = outputGradient.sum(0, 1, 2);
        }
        return grads;
    }

    /** What libnd4j computes along an axis: short of Keras's length when the window is shorter than the stride. */
    private long producedLength(long input, int axis) {
        long window = dilatedKernel(axis);
        return window < strides[axis] ? (input - 1) * strides[axis] + window : outputLength(input, axis);
    }

    /**
     * With a stride larger than the kernel, Keras's output has rows and columns that no kernel reaches; they hold
     * only the bias. libnd4j returns the smaller, reached part, so it is placed in a bias-filled output.
     */
    private INDArray padBottomRight(INDArray reached, long[] expected) {
        INDArray full = Nd4j.zeros(reached.dataType(), expected);
        if (bias != null) {
            full.addi(bias.reshape(1, 1, 1, filters));
        }
        full.get(NDArrayIndex.all(), NDArrayIndex.interval(0, reached.size(1)), NDArrayIndex.interval(0, reached.size(2)),
                NDArrayIndex.all()).assign(reached);
        return full;
    }

    @Override
    protected String kernelLayoutHint() {
        return " (Conv2DTranspose kernels are (kernel_height, kernel_width, filters, in_channels))";
    }
}
