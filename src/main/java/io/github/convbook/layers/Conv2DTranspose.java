package io.github.convbook.layers;

import io.github.convbook.backend.NativeOps;
import io.github.convbook.ops.Padding;
import io.github.convbook.tensor.Shape;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Keras's {@code Conv2DTranspose(filters, kernel_size, strides=(1, 1), padding="valid", output_padding=None, ...)},
 * transposed convolution ("deconvolution"): each input pixel spreads a kernel-sized patch into the output,
 * the reverse of a convolution's gathering, so a stride of 2 doubles height and width.
 * Input {@code (None, h, w, in)}, output {@code (None, H, W, filters)}; kernel (kh, kw, filters, in), bias (filters,)
 * as Keras stores them.
 * Output size per axis, with F the dilated kernel size: {@code N * stride + max(F - stride, 0)} with "valid",
 * {@code N * stride} with "same"; with {@link #outputPadding} p, {@code (N - 1) * stride + F - 2 * pad + p} with
 * {@code pad} 0 for "valid" and {@code F / 2} for "same".
 *
 * <p>Its definition as plain loops: {@link io.github.convbook.layers.loops.Conv2DTransposeLoops#conv2dTranspose}.
 */
public class Conv2DTranspose extends Conv<Conv2DTranspose> {
    private int[] outputPadding;   // null: Keras's output_padding=None, the length is inferred

    /**
     * @param filters    the number of output channels, positive
     * @param kernelSize the kernel's height and width (use {@code kernelSize(h, w)} for a rectangle)
     * @throws IllegalArgumentException if {@code filters} or {@code kernelSize} is not positive
     */
    public Conv2DTranspose(int filters, int kernelSize) {
        super(filters, kernelSize);
    }

    /**
     * Keras's {@code output_padding} (default None): extra rows and columns at the bottom and right of the output,
     * which picks one of the {@code stride} input sizes a strided Conv2D maps to the same output size. One value for
     * both axes or {@code outputPadding(height, width)}; each must be smaller than the stride along its axis.
     *
     * @param outputPadding one or two values {@code >= 0}: {@code (height, width)}
     * @return this layer, for chaining
     * @throws IllegalArgumentException unless one or two values >= 0 are given, each smaller than its stride
     *                                  (Keras: "Stride ... must be greater than output padding ...")
     * @throws IllegalStateException once the layer is built
     */
    public Conv2DTranspose outputPadding(int... outputPadding) {
        int[] pair = outputPadding.length == 1 ? new int[] {outputPadding[0], outputPadding[0]} : outputPadding;
        if (pair.length != 2 || pair[0] < 0 || pair[1] < 0) {
            throw new IllegalArgumentException(describe() + ": outputPadding expects one or two values >= 0, got "
                    + Arrays.toString(outputPadding));
        }
        requireNotBuilt("outputPadding");
        this.outputPadding = pair.clone();
        checkOutputPadding();
        return this;
    }

    /**
     * Keras's {@code layer.output_padding}.
     *
     * @return {@code {height, width}} (a copy), or null when none was given (Keras's None)
     */
    public int[] outputPadding() {
        return outputPadding == null ? null : outputPadding.clone();
    }

    /**
     * Keras's {@code strides} (default {@code (1, 1)}): a stride of 2 doubles height and width. Strides may be set
     * before or after the output padding; Keras checks the pair in its constructor.
     *
     * @param strides one or two positive steps
     * @return this layer, for chaining
     * @throws IllegalArgumentException unless one or two positive steps are given, for a stride above 1 together with
     *                                  a dilation rate above 1, or for a stride not greater than the output padding
     */
    @Override
    public Conv2DTranspose strides(int... strides) {
        super.strides(strides);
        checkOutputPadding();
        return this;
    }

    private void checkOutputPadding() {
        if (outputPadding != null && (outputPadding[0] >= strides[0] || outputPadding[1] >= strides[1])) {
            throw new IllegalArgumentException(describe() + ": strides " + Arrays.toString(strides)
                    + " must be greater than output padding " + Arrays.toString(outputPadding));
        }
    }

    /**
     * Keras's Conv2DTranspose kernel layout: output channels before input channels, the reverse of a Conv2D's.
     *
     * @param inputChannels the input's channel count
     * @return {@code (kernel_height, kernel_width, filters, in_channels)}, e.g. {@code (3, 3, 32, 64)}
     */
    @Override
    protected long[] kernelShape(long inputChannels) {
        return new long[] {kernelSize[0], kernelSize[1], filters, inputChannels};
    }

    @Override
    protected long kernelInputChannels() {
        return kernel.size(3);
    }

    /**
     * Keras's {@code conv_utils.deconv_output_length(input, kernel, padding, output_padding, stride, dilation)}:
     * without output padding {@code N * s + max(F - s, 0)} (valid) or {@code N * s} (same); with it
     * {@code (N - 1) * s + F - 2 * pad + output_padding}, pad = 0 (valid) or {@code F // 2} (same).
     */
    private long outputLength(long input, int axis) {
        if (input < 0) {
            return input;
        }
        long window = dilatedKernel(axis);
        long stride = strides[axis];
        if (outputPadding != null) {
            long pad = padding == Padding.SAME ? window / 2 : 0;
            return (input - 1) * stride + window - 2 * pad + outputPadding[axis];
        }
        return padding == Padding.SAME ? input * stride : input * stride + Math.max(window - stride, 0);
    }

    /**
     * With output padding and "same", Keras hands TensorFlow an output size L that TensorFlow treats as the input of
     * the convolution this layer transposes; that convolution must map L back to the N rows it got, ceil(L / s) = N.
     * With an even kernel and output padding 0, L = (N - 1) * s and TensorFlow fails ("Conv2DCustomBackpropInputOp:
     * Size of out_backprop doesn't match computed", from {@code ConvBackpropExtractAndVerifyDimension}); refused here
     * before anything runs.
     *
     * @param inputShape the input's shape, e.g. {@code (None, 7, 7, 64)}
     * @throws IllegalArgumentException for a rank other than 4, an unknown channel count, or the "same" case above
     */
    @Override
    protected void validateInput(Shape inputShape) {
        super.validateInput(inputShape);
        if (outputPadding == null || padding != Padding.SAME) {
            return;
        }
        for (int axis = 0; axis < 2; axis++) {
            long n = inputShape.get(axis + 1);
            long length = outputLength(n, axis);
            if (n > 0 && (length + strides[axis] - 1) / strides[axis] != n) {
                throw new IllegalArgumentException(describe() + ": with padding=\"same\", kernel size "
                        + dilatedKernel(axis) + ", stride " + strides[axis] + " and output padding "
                        + outputPadding[axis] + ", Keras computes an output length of " + length + " for " + n
                        + " input rows/columns, which TensorFlow cannot produce (a convolution of " + length + " gives "
                        + (length + strides[axis] - 1) / strides[axis] + ", not " + n
                        + "). Use an odd kernel size or an output padding of at least 1.");
            }
        }
    }

    /**
     * Rows (columns) at the top (left) of the uncropped transposed convolution that the output leaves out: the
     * padding before of the convolution this layer transposes, whose input has the output's length L. TensorFlow's
     * SAME rule ({@code GetWindowedOutputSizeVerbose}, called on L by {@code ConvBackpropExtractAndVerifyDimension}
     * in tensorflow/core/kernels/conv_grad_shape_utils.cc): {@code max((N - 1) * s + F - L, 0) / 2}; 0 for VALID.
     */
    private long padBefore(long input, int axis) {
        if (padding != Padding.SAME) {
            return 0;
        }
        long full = (input - 1) * strides[axis] + dilatedKernel(axis);
        return Math.max(full - outputLength(input, axis), 0) / 2;
    }

    /**
     * Keras's {@code compute_output_shape}: {@code (None, h, w, c) -> (None, h', w', filters)}, per axis with F the
     * dilated kernel size {@code N * stride + max(F - stride, 0)} for "valid" and {@code N * stride} for "same"
     * (with output padding p: {@code (N - 1) * stride + F - 2 * pad + p}): {@code Conv2DTranspose(32, 3).strides(2)}
     * maps {@code (None, 7, 7, 64)} to {@code (None, 15, 15, 32)}, and with {@code padding("same")} to
     * {@code (None, 14, 14, 32)}.
     *
     * @param inputShape {@code (batch, height, width, channels)}; unknown sizes (-1) stay unknown
     * @return {@code (batch, height', width', filters)}
     */
    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return Shape.of(inputShape.get(0), outputLength(inputShape.get(1), 0), outputLength(inputShape.get(2), 1),
                filters);
    }

    /**
     * {@inheritDoc} This layer ignores {@code into} and returns a fresh array.
     *
     * @param input the batch {@code (batch, height, width, channels)}
     * @param into  ignored
     * @return the transposed convolution plus bias, of shape {@link #computeOutputShape} of the input's
     */
    @Override
    protected INDArray convolve(INDArray input, INDArray... into) {
        if (outputPadding != null) {
            return convolveWithOutputPadding(input);
        }
        // the reused buffers are not worth it here: this layer is not on the lecture's hot paths
        INDArray out = NativeOps.conv2dTranspose(input, kernel, bias, strides, padding == Padding.SAME, dilationRate);
        long[] expected = computeOutputShape(Shape.of(input.shape())).toArray();
        if (out.size(1) < expected[1] || out.size(2) < expected[2]) {
            out = padBottomRight(out, expected);
        }
        return out;
    }

    @Override
    protected INDArray[] convolveBackward(INDArray input, INDArray outputGradient, INDArray... into) {
        if (outputPadding != null) {
            return convolveBackwardWithOutputPadding(input, outputGradient);
        }
        long[] produced = {0, producedLength(input.size(1), 0), producedLength(input.size(2), 1)};
        if (produced[1] == outputGradient.size(1) && produced[2] == outputGradient.size(2)) {
            return NativeOps.conv2dTransposeBackward(input, kernel, bias, outputGradient, strides,
                    padding == Padding.SAME, dilationRate);
        }
        // only the part libnd4j produced depends on the kernel; the bias reaches every output pixel
        INDArray reached = outputGradient.get(NDArrayIndex.all(), NDArrayIndex.interval(0, produced[1]),
                NDArrayIndex.interval(0, produced[2]), NDArrayIndex.all()).dup('c');
        INDArray[] grads = NativeOps.conv2dTransposeBackward(input, kernel, bias, reached, strides,
                padding == Padding.SAME, dilationRate);
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
        full.get(NDArrayIndex.all(), NDArrayIndex.interval(0, reached.size(1)),
                NDArrayIndex.interval(0, reached.size(2)), NDArrayIndex.all()).assign(reached);
        return full;
    }

    /**
     * With output padding: libnd4j's deconv2d has no such argument, so the full VALID transposed convolution
     * ({@code (N - 1) * s + F} long, every kernel tap kept) is computed without bias, the output's window of it taken
     * from {@link #padBefore} on, and the bias added everywhere. Output cells beyond the full result (the padding of
     * "valid") are reached by no kernel tap and hold only the bias, as in TensorFlow.
     */
    private INDArray convolveWithOutputPadding(INDArray input) {
        INDArray full = NativeOps.conv2dTranspose(input, kernel, null, strides, false, dilationRate);
        long[] shape = computeOutputShape(Shape.of(input.shape())).toArray();
        INDArray out = Nd4j.zeros(full.dataType(), shape);
        INDArrayIndex[][] windows = windows(input, full, shape);
        out.get(windows[1]).assign(full.get(windows[0]));
        if (bias != null) {
            out.addi(bias.reshape(1, 1, 1, filters));
        }
        return out;
    }

    /** The transpose of {@link #convolveWithOutputPadding}: the output gradient placed back into the full result. */
    private INDArray[] convolveBackwardWithOutputPadding(INDArray input, INDArray outputGradient) {
        long[] fullShape = {input.size(0), (input.size(1) - 1) * strides[0] + dilatedKernel(0),
                (input.size(2) - 1) * strides[1] + dilatedKernel(1), filters};
        INDArray fullGradient = Nd4j.zeros(outputGradient.dataType(), fullShape);
        INDArrayIndex[][] windows = windows(input, fullGradient, outputGradient.shape());
        fullGradient.get(windows[0]).assign(outputGradient.get(windows[1]));
        INDArray[] grads = NativeOps.conv2dTransposeBackward(input, kernel, null, fullGradient, strides, false,
                dilationRate);
        if (bias == null) {
            return new INDArray[] {grads[0], grads[1]};
        }
        return new INDArray[] {grads[0], grads[1], outputGradient.sum(0, 1, 2)};   // the bias reaches every cell
    }

    /**
     * The matching windows of the full VALID result ([0]) and of the output ([1]): output row r is full row
     * {@code r + padBefore}, for the rows both have.
     */
    private INDArrayIndex[][] windows(INDArray input, INDArray full, long[] outShape) {
        INDArrayIndex[] inFull = {NDArrayIndex.all(), null, null, NDArrayIndex.all()};
        INDArrayIndex[] inOut = {NDArrayIndex.all(), null, null, NDArrayIndex.all()};
        for (int axis = 0; axis < 2; axis++) {
            long before = padBefore(input.size(axis + 1), axis);
            long rows = Math.min(outShape[axis + 1], full.size(axis + 1) - before);
            inFull[axis + 1] = NDArrayIndex.interval(before, before + rows);
            inOut[axis + 1] = NDArrayIndex.interval(0, rows);
        }
        return new INDArrayIndex[][] {inFull, inOut};
    }

    @Override
    protected String kernelLayoutHint() {
        return " (Conv2DTranspose kernels are (kernel_height, kernel_width, filters, in_channels))";
    }
}
