package io.github.convbook.backend;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The libnd4j operations behind convolution, pooling and upsampling, all on NHWC arrays.
 * Integer arguments follow libnd4j's declarations (kernel, stride, same, dilation, same-mode, layout).
 */
public final class NativeOps {
    private static final int NHWC = 1;
    private static final int KERNEL_HWIO = 0;   // Keras's (kh, kw, in, out); for deconv2d (kh, kw, out, in)

    private static final INDArray[] NONE = new INDArray[0];

    private NativeOps() {
    }

    /** Runs an op, writing into {@code into} when given (reused buffers), else into arrays libnd4j allocates. */
    private static INDArray[] exec(DynamicCustomOp.DynamicCustomOpsBuilder op, INDArray... into) {
        if (into.length > 0) {
            op.addOutputs(into);
        }
        return Nd4j.exec(op.build());
    }

    /**
     * {@code conv2d}: input (n, h, w, in), kernel (kh, kw, in, out), bias (out,) or null. {@code into}, when given, is
     * the array to write the output into (a buffer reused from batch to batch); it may be ignored, so use the result.
     * The engine behind {@code Conv2D} and {@code Nn.conv2d}, computing what {@code tf.nn.conv2d} does (a
     * cross-correlation: the kernel is not flipped), with TensorFlow's SAME padding even where libnd4j's differs.
     * Dilated float32 convolutions run in float64 and are rounded back (oneDNN cannot dilate).
     *
     * @param input the batch, {@code (batch, height, width, in_channels)}, float32 or float64
     * @param kernel the filters, {@code (kernel_height, kernel_width, in_channels, out_channels)}, Keras's layout, in
     *               the input's dtype
     * @param bias one value per output channel, {@code (out_channels,)}, added to every pixel; null for none
     * @param strides the steps {@code {height, width}} between windows, each at least 1
     * @param same true for SAME padding (output {@code ceil(h / stride)}), false for VALID
     *             ({@code (h - dilated_kh) / stride + 1}); see {@code ops.Padding}
     * @param dilation the gaps {@code {height, width}} between kernel taps, {@code {1, 1}} for none (Keras's
     *                 {@code dilation_rate})
     * @param into optionally one output array {@code (batch, out_height, out_width, out_channels)} of the input's
     *             dtype to write into; ignored when the input must first be copied (a strided view), cropped (see
     *             SAME above) or cast (dilated float32)
     * @return the output {@code (batch, out_height, out_width, out_channels)} in the input's dtype: {@code into[0]}
     *         when it was used, else a new array
     */
    public static INDArray conv2d(INDArray input, INDArray kernel, INDArray bias, int[] strides, boolean same,
                                  int[] dilation, INDArray... into) {
        if ((dilation[0] > 1 || dilation[1] > 1) && input.dataType() != DataType.DOUBLE) {
            // oneDNN, which runs float32 conv2d in this build, fails on any dilation ("Op [conv2d] execution failed");
            // libnd4j's own kernel, used for float64, is right. So dilated convolutions run in float64 and round back.
            return conv2d(input.castTo(DataType.DOUBLE), kernel.castTo(DataType.DOUBLE),
                    bias == null ? null : bias.castTo(DataType.DOUBLE), strides, same, dilation)
                    .castTo(input.dataType());
        }
        INDArray x = cropUnread(cOrder(input), dilatedWindow(kernel, dilation), strides, same);
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("conv2d")
                .addInputs(withBias(x, cOrder(kernel), bias));
        op.addIntegerArguments((int) kernel.size(0), (int) kernel.size(1), strides[0], strides[1], 0, 0,
                dilation[0], dilation[1], same ? 1 : 0, NHWC, KERNEL_HWIO);
        return exec(op, x == input ? into : NONE)[0];
    }

    /**
     * {@code deconv2d} (transposed convolution): input (n, h, w, in), kernel (kh, kw, out, in), bias (out,) or null.
     * Where the stride is longer than the window the output can be shorter than Keras's; the layer fills the rest.
     * The engine behind {@code Conv2DTranspose}, as {@code tf.nn.conv2d_transpose}: each input pixel stamps a
     * kernel-sized patch, scaled by its value, into an output {@code stride} times larger.
     *
     * @param input the batch, {@code (batch, height, width, in_channels)}, float32 or float64
     * @param kernel the filters, {@code (kernel_height, kernel_width, out_channels, in_channels)} (Keras's
     *               Conv2DTranspose layout: output channels before input channels), in the input's dtype
     * @param bias one value per output channel, {@code (out_channels,)}; null for none
     * @param strides the upsampling steps {@code {height, width}}, each at least 1
     * @param same true for SAME (output {@code height * stride}), false for VALID
     *             ({@code (height - 1) * stride + dilated_kh}); Keras's lengths are {@code height * stride} and
     *             {@code height * stride + max(dilated_kh - stride, 0)}, longer than these when the stride exceeds
     *             the dilated window, and Conv2DTranspose pads the difference
     * @param dilation the gaps {@code {height, width}} between kernel taps, {@code {1, 1}} for none
     * @return a new array {@code (batch, out_height, out_width, out_channels)} in the input's dtype; for SAME with a
     *         stride longer than the dilated window, possibly a view of a larger VALID result
     */
    public static INDArray conv2dTranspose(INDArray input, INDArray kernel, INDArray bias, int[] strides, boolean same,
                                           int[] dilation) {
        long[] window = dilatedWindow(kernel, dilation);
        if (same && (window[0] < strides[0] || window[1] < strides[1])) {
            // libnd4j's SAME mode pads (window - stride) / 2, which is negative from a window 2 shorter than the stride
            // and shifts the output (see sameSlack). TensorFlow's SAME result is the VALID one with
            // max(window - stride, 0) / 2 rows/columns cut at the top/left and N * stride kept.
            INDArray full = deconv2d(input, kernel, bias, strides, false, dilation);
            return full.get(NDArrayIndex.all(), keptAfterPadding(full.size(1), input.size(1), window[0], strides[0]),
                    keptAfterPadding(full.size(2), input.size(2), window[1], strides[1]), NDArrayIndex.all());
        }
        return deconv2d(input, kernel, bias, strides, same, dilation);
    }

    private static INDArray deconv2d(INDArray input, INDArray kernel, INDArray bias, int[] strides, boolean same,
                                     int[] dilation) {
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("deconv2d")
                .addInputs(withBias(input, kernel, bias));
        op.addIntegerArguments((int) kernel.size(0), (int) kernel.size(1), strides[0], strides[1], 0, 0,
                dilation[0], dilation[1], same ? 1 : 0, NHWC, KERNEL_HWIO);
        return Nd4j.exec(op.build())[0];
    }

    /**
     * {@code conv2d_bp}: from the output gradient, the gradients of input, kernel and bias (bias only when given), in
     * that order. The same geometry fixes as the forward pass apply; pixels no window read get a zero gradient.
     * Back-propagation for {@link #conv2d}: the arguments are the forward pass's, plus the loss gradient of its
     * output.
     *
     * @param input the forward pass's input, {@code (batch, height, width, in_channels)}, float32 or float64
     * @param kernel the forward pass's filters, {@code (kernel_height, kernel_width, in_channels, out_channels)}
     * @param bias the forward pass's bias {@code (out_channels,)}, or null when it had none (then no bias gradient)
     * @param outputGradient the loss gradient with respect to the output,
     *                       {@code (batch, out_height, out_width, out_channels)}
     * @param strides the forward pass's strides {@code {height, width}}
     * @param same the forward pass's padding: true for SAME, false for VALID
     * @param dilation the forward pass's dilation {@code {height, width}}
     * @param into optionally the arrays to write the gradients into, shaped like input, kernel and bias in that order
     *             (a reused buffer each); ignored when the input must first be copied (a strided view), cropped or
     *             cast (dilated float32)
     * @return {@code {inputGradient, kernelGradient}}, plus {@code biasGradient} when {@code bias} is not null, each
     *         shaped like the array it belongs to, in the input's dtype
     */
    public static INDArray[] conv2dBackward(INDArray input, INDArray kernel, INDArray bias, INDArray outputGradient,
                                            int[] strides, boolean same, int[] dilation, INDArray... into) {
        if ((dilation[0] > 1 || dilation[1] > 1) && input.dataType() != DataType.DOUBLE) {
            INDArray[] grads = conv2dBackward(input.castTo(DataType.DOUBLE), kernel.castTo(DataType.DOUBLE),
                    bias == null ? null : bias.castTo(DataType.DOUBLE), outputGradient.castTo(DataType.DOUBLE),
                    strides, same, dilation);
            for (int i = 0; i < grads.length; i++) {
                grads[i] = grads[i].castTo(input.dataType());
            }
            return grads;
        }
        INDArray x = cropUnread(cOrder(input), dilatedWindow(kernel, dilation), strides, same);
        INDArray[] grads = backward("conv2d_bp", x, cOrder(kernel), bias, cOrder(outputGradient), strides, same,
                dilation, x == input ? into : NONE);
        grads[0] = padBack(grads[0], input.shape());
        return grads;
    }

    /**
     * {@code deconv2d_bp}: gradients of input, kernel (kh, kw, out, in) and bias, for the output of
     * {@link #conv2dTranspose}. The arguments are the forward pass's, plus the loss gradient of its output.
     *
     * @param input the forward pass's input, {@code (batch, height, width, in_channels)}, float32 or float64
     * @param kernel the forward pass's filters, {@code (kernel_height, kernel_width, out_channels, in_channels)}
     * @param bias the forward pass's bias {@code (out_channels,)}, or null when it had none (then no bias gradient)
     * @param outputGradient the loss gradient with respect to the output,
     *                       {@code (batch, out_height, out_width, out_channels)}
     * @param strides the forward pass's strides {@code {height, width}}
     * @param same the forward pass's padding: true for SAME, false for VALID
     * @param dilation the forward pass's dilation {@code {height, width}}
     * @return new arrays {@code {inputGradient, kernelGradient}}, plus {@code biasGradient} when {@code bias} is not
     *         null, each shaped like the array it belongs to
     */
    public static INDArray[] conv2dTransposeBackward(INDArray input, INDArray kernel, INDArray bias,
                                                     INDArray outputGradient, int[] strides, boolean same,
                                                     int[] dilation) {
        long[] window = dilatedWindow(kernel, dilation);
        if (same && (window[0] < strides[0] || window[1] < strides[1])) {
            // the forward pass kept part of a VALID result: the rest of that result had no effect, so zero gradient
            long[] fullShape = {input.size(0), (input.size(1) - 1) * strides[0] + window[0],
                    (input.size(2) - 1) * strides[1] + window[1], outputGradient.size(3)};
            INDArray full = Nd4j.zeros(outputGradient.dataType(), fullShape);
            full.get(NDArrayIndex.all(), keptAfterPadding(fullShape[1], input.size(1), window[0], strides[0]),
                    keptAfterPadding(fullShape[2], input.size(2), window[1], strides[1]), NDArrayIndex.all())
                    .assign(outputGradient);
            return backward("deconv2d_bp", input, kernel, bias, full, strides, false, dilation);
        }
        return backward("deconv2d_bp", input, kernel, bias, cOrder(outputGradient), strides, same, dilation);
    }

    private static INDArray[] backward(String name, INDArray input, INDArray kernel, INDArray bias,
                                       INDArray outputGradient, int[] strides, boolean same, int[] dilation,
                                       INDArray... into) {
        INDArray[] inputs = bias == null ? new INDArray[] {input, kernel, outputGradient}
                : new INDArray[] {input, kernel, bias, outputGradient};
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder(name).addInputs(inputs)
                .addIntegerArguments((int) kernel.size(0), (int) kernel.size(1), strides[0], strides[1], 0, 0,
                        dilation[0], dilation[1], same ? 1 : 0, NHWC, KERNEL_HWIO);
        return exec(op, into);
    }

    /** The gradient of a {@link #cropUnread} input, placed back into the full input shape (zeros where unread). */
    private static INDArray padBack(INDArray gradient, long[] shape) {
        if (gradient.size(1) == shape[1] && gradient.size(2) == shape[2]) {
            return gradient;
        }
        INDArray full = Nd4j.zeros(gradient.dataType(), shape);
        full.get(NDArrayIndex.all(), NDArrayIndex.interval(0, gradient.size(1)),
                NDArrayIndex.interval(0, gradient.size(2)), NDArrayIndex.all()).assign(gradient);
        return full;
    }

    /** Rows of a full (VALID) transposed convolution that TensorFlow's SAME output keeps along one axis. */
    private static INDArrayIndex keptAfterPadding(long full, long input, long window, long stride) {
        long before = Math.max(window - stride, 0) / 2;
        return NDArrayIndex.interval(before, Math.min(before + input * stride, full));
    }

    /** The kernel's height and width once dilated: a 3-wide kernel with dilation 2 covers 5 pixels. */
    private static long[] dilatedWindow(INDArray kernel, int[] dilation) {
        return new long[] {(kernel.size(0) - 1) * dilation[0] + 1, (kernel.size(1) - 1) * dilation[1] + 1};
    }

    /**
     * TensorFlow's SAME padding along one axis before clamping at 0: {@code (ceil(n / s) - 1) * s + window - n}.
     * libnd4j pads half of it, rounded toward zero, without the clamp; at -2 or less (a window at least two pixels
     * shorter than the stride, e.g. pool 1 with stride 3) its padding is negative, every window moves one pixel
     * down/right (and oneDNN's conv2d fails). When negative, no window reads the last {@code -slack} pixels.
     */
    private static long sameSlack(long n, long window, long stride) {
        return ((n + stride - 1) / stride - 1) * stride + window - n;
    }

    /**
     * For SAME, drops the trailing rows/columns that no window reads. The output is unchanged and libnd4j's padding
     * becomes exactly 0 there, as TensorFlow's: the fix for the negative padding above. Copied (see cOrder).
     */
    private static INDArray cropUnread(INDArray input, long[] window, int[] strides, boolean same) {
        if (!same) {
            return input;
        }
        long slackH = sameSlack(input.size(1), window[0], strides[0]);
        long slackW = sameSlack(input.size(2), window[1], strides[1]);
        if (slackH >= 0 && slackW >= 0) {
            return input;
        }
        return input.get(NDArrayIndex.all(), NDArrayIndex.interval(0, input.size(1) + Math.min(slackH, 0)),
                NDArrayIndex.interval(0, input.size(2) + Math.min(slackW, 0)), NDArrayIndex.all()).dup('c');
    }

    /**
     * oneDNN's conv2d reads a strided view (a crop, a permutation) as if it were contiguous: such arrays are copied.
     */
    private static INDArray cOrder(INDArray array) {
        // Values.contiguous, not ND4J's Shape.hasDefaultStridesForShape: that one says false for the row-major
        // strides of a shape ending in 1 ((64, 28, 28, 1): [784, 28, 1, 1]), so every one-channel input (MNIST
        // into the first layer) was copied, and its layer's output and gradient buffers ignored, at every call
        return Values.contiguous(array);
    }

    private static INDArray[] withBias(INDArray input, INDArray kernel, INDArray bias) {
        return bias == null ? new INDArray[] {input, kernel} : new INDArray[] {input, kernel, bias};
    }

    /**
     * {@code maxpool2d} over (n, h, w, c): the largest value of each window, channel by channel, as
     * {@code tf.nn.max_pool} and Keras's MaxPooling2D.
     *
     * @param input the batch, {@code (batch, height, width, channels)}, float32 or float64
     * @param poolSize the window {@code {height, width}}, e.g. {@code {2, 2}}
     * @param strides the steps {@code {height, width}} between windows, each at least 1 (Keras's default: the
     *                pool size)
     * @param same true for SAME padding (output {@code ceil(h / stride)}; padding never wins a max), false for VALID
     *             ({@code (h - pool) / stride + 1})
     * @param into optionally one output array {@code (batch, out_height, out_width, channels)} of the input's dtype
     *             to write into
     * @return the output {@code (batch, out_height, out_width, channels)}: {@code into[0]} when given, else a new
     *         array
     */
    public static INDArray maxPool(INDArray input, int[] poolSize, int[] strides, boolean same, INDArray... into) {
        return pool("maxpool2d", input, poolSize, strides, same, into);
    }

    /**
     * {@code avgpool2d}; like TensorFlow, padded zeros are not counted in the average (extraParam0 = 0). The mean of
     * each window, channel by channel, as {@code tf.nn.avg_pool} and Keras's AveragePooling2D.
     *
     * @param input the batch, {@code (batch, height, width, channels)}, float32 or float64
     * @param poolSize the window {@code {height, width}}, e.g. {@code {2, 2}}
     * @param strides the steps {@code {height, width}} between windows, each at least 1
     * @param same true for SAME padding (output {@code ceil(h / stride)}), false for VALID
     *             ({@code (h - pool) / stride + 1})
     * @param into optionally one output array {@code (batch, out_height, out_width, channels)} of the input's dtype
     *             to write into
     * @return the output {@code (batch, out_height, out_width, channels)}: {@code into[0]} when given, else a new
     *         array
     */
    public static INDArray averagePool(INDArray input, int[] poolSize, int[] strides, boolean same,
                                       INDArray... into) {
        return pool("avgpool2d", input, poolSize, strides, same, into);
    }

    /** libnd4j's pooling; its extraParam0 = 0 keeps padded cells out of an average, as TensorFlow does. */
    private static INDArray pool(String name, INDArray input, int[] poolSize, int[] strides, boolean same,
                                 INDArray... into) {
        INDArray x = cropUnread(input, new long[] {poolSize[0], poolSize[1]}, strides, same);
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder(name).addInputs(x)
                .addIntegerArguments(poolSize[0], poolSize[1], strides[0], strides[1], 0, 0, 1, 1,
                        same ? 1 : 0, 0, NHWC);
        return exec(op, into)[0];
    }

    /**
     * {@code maxpool2d_bp}: the input gradient; each window's gradient goes to its largest input.
     *
     * @param input the forward pass's input, {@code (batch, height, width, channels)}
     * @param outputGradient the loss gradient with respect to the output, {@code (batch, out_height, out_width,
     *                       channels)}
     * @param poolSize the forward pass's window {@code {height, width}}
     * @param strides the forward pass's strides {@code {height, width}}
     * @param same the forward pass's padding: true for SAME, false for VALID
     * @param into optionally one array shaped like {@code input} to write the gradient into; ignored when the input
     *             must be cropped first
     * @return the gradient with respect to the input, shaped like it (zeros where no window's maximum was)
     */
    public static INDArray maxPoolBackward(INDArray input, INDArray outputGradient, int[] poolSize, int[] strides,
                                           boolean same, INDArray... into) {
        return poolBackward("maxpool2d_bp", input, outputGradient, poolSize, strides, same, into);
    }

    /**
     * {@code avgpool2d_bp}: the input gradient; each window's gradient is shared by its (unpadded) inputs.
     *
     * @param input the forward pass's input, {@code (batch, height, width, channels)}
     * @param outputGradient the loss gradient with respect to the output, {@code (batch, out_height, out_width,
     *                       channels)}
     * @param poolSize the forward pass's window {@code {height, width}}
     * @param strides the forward pass's strides {@code {height, width}}
     * @param same the forward pass's padding: true for SAME, false for VALID
     * @param into optionally one array shaped like {@code input} to write the gradient into; ignored when the input
     *             must be cropped first
     * @return the gradient with respect to the input, shaped like it
     */
    public static INDArray averagePoolBackward(INDArray input, INDArray outputGradient, int[] poolSize, int[] strides,
                                               boolean same, INDArray... into) {
        return poolBackward("avgpool2d_bp", input, outputGradient, poolSize, strides, same, into);
    }

    private static INDArray poolBackward(String name, INDArray input, INDArray outputGradient, int[] poolSize,
                                         int[] strides, boolean same, INDArray... into) {
        INDArray x = cropUnread(input, new long[] {poolSize[0], poolSize[1]}, strides, same);
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder(name)
                .addInputs(x, cOrder(outputGradient))
                .addIntegerArguments(poolSize[0], poolSize[1], strides[0], strides[1], 0, 0, 1, 1,
                        same ? 1 : 0, 0, NHWC);
        return padBack(exec(op, x == input ? into : NONE)[0], input.shape());
    }

    /**
     * {@code upsampling2d_bp}: each input pixel's gradient is the sum over the pixels it was copied to.
     *
     * @param input the forward pass's input, {@code (batch, height, width, channels)}
     * @param outputGradient the loss gradient with respect to the output,
     *                       {@code (batch, height * size_h, width * size_w, channels)}
     * @param into optionally one array shaped like {@code input} to write the gradient into
     * @return the gradient with respect to the input, shaped like it: {@code into[0]} when given, else a new array
     */
    public static INDArray upSampleBackward(INDArray input, INDArray outputGradient, INDArray... into) {
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("upsampling2d_bp")
                .addInputs(input, cOrder(outputGradient))
                .addIntegerArguments(0);   // isNCHW = 0
        return exec(op, into)[0];
    }

    /**
     * {@code upsampling2d}, nearest neighbour: every pixel repeated {@code size} times along height and width, as
     * Keras's {@code UpSampling2D(size=(2, 2))} with its default {@code interpolation="nearest"}.
     *
     * @param input the batch, {@code (batch, height, width, channels)}
     * @param size the repeat factors {@code {height, width}}, each at least 1
     * @param into optionally one output array {@code (batch, height * size[0], width * size[1], channels)} of the
     *             input's dtype to write into
     * @return the output {@code (batch, height * size[0], width * size[1], channels)}: {@code into[0]} when given,
     *         else a new array
     */
    public static INDArray upSample(INDArray input, int[] size, INDArray... into) {
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("upsampling2d").addInputs(input)
                .addIntegerArguments(size[0], size[1], 0);   // last argument: isNCHW = 0
        return exec(op, into)[0];
    }
}
