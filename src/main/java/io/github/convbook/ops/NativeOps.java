package io.github.convbook.ops;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The libnd4j operations behind convolution, pooling and upsampling, all on NHWC arrays.
 * Integer arguments follow libnd4j's declarations (kernel, stride, padding, dilation, same-mode, layout).
 */
public final class NativeOps {
    private static final int NHWC = 1;
    private static final int KERNEL_HWIO = 0;   // Keras's (kh, kw, in, out); for deconv2d (kh, kw, out, in)

    private NativeOps() {
    }

    /** {@code conv2d}: input (n, h, w, in), kernel (kh, kw, in, out), bias (out,) or null. */
    public static INDArray conv2d(INDArray input, INDArray kernel, INDArray bias, int[] strides, Padding padding, int[] dilation) {
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("conv2d").addInputs(withBias(input, kernel, bias));
        op.addIntegerArguments((int) kernel.size(0), (int) kernel.size(1), strides[0], strides[1], 0, 0, dilation[0], dilation[1],
                padding == Padding.SAME ? 1 : 0, NHWC, KERNEL_HWIO);
        return Nd4j.exec(op.build())[0];
    }

    /** {@code deconv2d} (transposed convolution): input (n, h, w, in), kernel (kh, kw, out, in), bias (out,) or null. */
    public static INDArray conv2dTranspose(INDArray input, INDArray kernel, INDArray bias, int[] strides, Padding padding, int[] dilation) {
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("deconv2d").addInputs(withBias(input, kernel, bias));
        op.addIntegerArguments((int) kernel.size(0), (int) kernel.size(1), strides[0], strides[1], 0, 0, dilation[0], dilation[1],
                padding == Padding.SAME ? 1 : 0, NHWC, KERNEL_HWIO);
        return Nd4j.exec(op.build())[0];
    }

    /**
     * {@code conv2d_bp}: from the output gradient, the gradients of input, kernel and bias (bias only when given),
     * in that order.
     */
    public static INDArray[] conv2dBackward(INDArray input, INDArray kernel, INDArray bias, INDArray outputGradient,
                                            int[] strides, Padding padding, int[] dilation) {
        return backward("conv2d_bp", input, kernel, bias, outputGradient, strides, padding, dilation);
    }

    /** {@code deconv2d_bp}: gradients of input, kernel (kh, kw, out, in) and bias. */
    public static INDArray[] conv2dTransposeBackward(INDArray input, INDArray kernel, INDArray bias, INDArray outputGradient,
                                                     int[] strides, Padding padding, int[] dilation) {
        return backward("deconv2d_bp", input, kernel, bias, outputGradient, strides, padding, dilation);
    }

    private static INDArray[] backward(String name, INDArray input, INDArray kernel, INDArray bias, INDArray outputGradient,
                                       int[] strides, Padding padding, int[] dilation) {
        INDArray[] inputs = bias == null ? new INDArray[] {input, kernel, outputGradient}
                : new INDArray[] {input, kernel, bias, outputGradient};
        DynamicCustomOp op = DynamicCustomOp.builder(name).addInputs(inputs)
                .addIntegerArguments((int) kernel.size(0), (int) kernel.size(1), strides[0], strides[1], 0, 0,
                        dilation[0], dilation[1], padding == Padding.SAME ? 1 : 0, NHWC, KERNEL_HWIO)
                .build();
        return Nd4j.exec(op);
    }

    private static INDArray[] withBias(INDArray input, INDArray kernel, INDArray bias) {
        return bias == null ? new INDArray[] {input, kernel} : new INDArray[] {input, kernel, bias};
    }

    /** {@code maxpool2d} over (n, h, w, c). */
    public static INDArray maxPool(INDArray input, int[] poolSize, int[] strides, Padding padding) {
        return pool("maxpool2d", input, poolSize, strides, padding, 0);
    }

    /** {@code avgpool2d}; like TensorFlow, padded zeros are not counted in the average (extraParam0 = 0). */
    public static INDArray averagePool(INDArray input, int[] poolSize, int[] strides, Padding padding) {
        return pool("avgpool2d", input, poolSize, strides, padding, 0);
    }

    private static INDArray pool(String name, INDArray input, int[] poolSize, int[] strides, Padding padding, int extra) {
        DynamicCustomOp op = DynamicCustomOp.builder(name).addInputs(input)
                .addIntegerArguments(poolSize[0], poolSize[1], strides[0], strides[1], 0, 0, 1, 1,
                        padding == Padding.SAME ? 1 : 0, extra, NHWC)
                .build();
        return Nd4j.exec(op)[0];
    }

    /** {@code maxpool2d_bp}: the input gradient; each window's gradient goes to its largest input. */
    public static INDArray maxPoolBackward(INDArray input, INDArray outputGradient, int[] poolSize, int[] strides, Padding padding) {
        return poolBackward("maxpool2d_bp", input, outputGradient, poolSize, strides, padding);
    }

    /** {@code avgpool2d_bp}: the input gradient; each window's gradient is shared by its (unpadded) inputs. */
    public static INDArray averagePoolBackward(INDArray input, INDArray outputGradient, int[] poolSize, int[] strides, Padding padding) {
        return poolBackward("avgpool2d_bp", input, outputGradient, poolSize, strides, padding);
    }

    private static INDArray poolBackward(String name, INDArray input, INDArray outputGradient, int[] poolSize, int[] strides,
                                         Padding padding) {
        DynamicCustomOp op = DynamicCustomOp.builder(name).addInputs(input, outputGradient)
                .addIntegerArguments(poolSize[0], poolSize[1], strides[0], strides[1], 0, 0, 1, 1,
                        padding == Padding.SAME ? 1 : 0, 0, NHWC)
                .build();
        return Nd4j.exec(op)[0];
    }

    /** {@code upsampling2d_bp}: each input pixel's gradient is the sum over the pixels it was copied to. */
    public static INDArray upSampleBackward(INDArray input, INDArray outputGradient) {
        DynamicCustomOp op = DynamicCustomOp.builder("upsampling2d_bp").addInputs(input, outputGradient)
                .addIntegerArguments(0)   // isNCHW = 0
                .build();
        return Nd4j.exec(op)[0];
    }

    /** {@code upsampling2d}, nearest neighbour: every pixel repeated {@code size} times along height and width. */
    public static INDArray upSample(INDArray input, int[] size) {
        DynamicCustomOp op = DynamicCustomOp.builder("upsampling2d").addInputs(input)
                .addIntegerArguments(size[0], size[1], 0)   // last argument: isNCHW = 0
                .build();
        return Nd4j.exec(op)[0];
    }
}
