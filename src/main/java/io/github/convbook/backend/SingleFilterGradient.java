package io.github.convbook.backend;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The gradients of a float32 Conv2D with a single filter, stride 1, no dilation and padding "same" with an odd
 * kernel: the last layer of an autoencoder, which turns many channels back into one image. oneDNN's
 * {@code conv2d_bp} is built for many filters and took 18-45 ms per batch of 256 for the lecture autoencoder's
 * {@code Conv2D(1, 3)} on 28x28x16 (2026-12-01). Here, with the kernel's taps turned by 180 degrees (its rows
 * {@code (dy, dx)} in reverse order):
 * <ul>
 *   <li>the input gradient is the output gradient convolved with the turned kernel, one forward {@code conv2d}
 *       (0.6 ms there);</li>
 *   <li>the kernel gradient is one matrix product: the output gradient's patches (im2col of a one-channel image,
 *       taps x positions) times the input (positions x channels) gives the turned kernel's gradient;</li>
 *   <li>the bias gradient is the sum of the output gradient.</li>
 * </ul>
 * The sums run in another order than oneDNN's, so the last bits differ from {@code conv2d_bp}'s (within float
 * rounding; {@code SingleFilterGradientTest} compares them with {@code conv2d_bp} in float64).
 */
public final class SingleFilterGradient {
    /** The patch matrix is built whole; beyond this many values (64 MB) {@code conv2d_bp} is used instead. */
    private static final long MAX_PATCH_VALUES = 1L << 24;

    private SingleFilterGradient() {
    }

    /**
     * True when {@link #gradients} handles this convolution: float32 contiguous arrays, one filter, stride 1, no
     * dilation, "same" padding with odd kernel sizes (so the padding is the same on both sides), and a patch matrix of
     * at most 16 M values.
     *
     * @param input the layer's input {@code (batch, height, width, channels)}
     * @param kernel its kernel {@code (kh, kw, channels, 1)}
     * @param outputGradient the gradient with respect to the convolution's output {@code (batch, height, width, 1)}
     * @param strides {@code (sh, sw)}
     * @param same true for padding "same"
     * @param dilation {@code (dh, dw)}
     * @return whether {@link #gradients} applies
     */
    public static boolean applies(INDArray input, INDArray kernel, INDArray outputGradient, int[] strides,
                                  boolean same, int[] dilation) {
        return input.dataType() == DataType.FLOAT && kernel.dataType() == DataType.FLOAT
                && outputGradient.dataType() == DataType.FLOAT && kernel.size(3) == 1 && same
                && strides[0] == 1 && strides[1] == 1 && dilation[0] == 1 && dilation[1] == 1
                && kernel.size(0) % 2 == 1 && kernel.size(1) % 2 == 1
                && Values.isContiguous(input) && Values.isContiguous(outputGradient) && Values.isContiguous(kernel)
                && outputGradient.length() * kernel.size(0) * kernel.size(1) <= MAX_PATCH_VALUES;
    }

    /**
     * The gradients with respect to the input, the kernel and the bias.
     *
     * @param input the batch the forward pass convolved, {@code (batch, height, width, channels)}, float32
     * @param kernel the kernel {@code (kh, kw, channels, 1)}, float32
     * @param outputGradient the loss gradient with respect to the convolution's output (before the activation),
     *                       {@code (batch, height, width, 1)}
     * @param into the arrays to write into: the input gradient (shaped like {@code input}), the kernel gradient
     *             (shaped like {@code kernel}) and, with a bias, the bias gradient {@code (1,)}
     * @param scratch reused buffers for the patch matrix and the turned kernel
     * @return {@code into}, filled
     */
    public static INDArray[] gradients(INDArray input, INDArray kernel, INDArray outputGradient, INDArray[] into,
                                       Scratch scratch) {
        int kh = (int) kernel.size(0);
        int kw = (int) kernel.size(1);
        int channels = (int) kernel.size(2);
        int taps = kh * kw;
        int m = Math.toIntExact(outputGradient.length());
        INDArray turned = scratch.get("turnedKernel", DataType.FLOAT, kh, kw, 1, channels);
        reverseRows(kernel, turned, taps, channels);
        INDArray inputGradient = NativeOps.conv2d(outputGradient, turned, null, new int[] {1, 1}, true,
                new int[] {1, 1}, into[0]);
        if (inputGradient != into[0]) {
            into[0].assign(inputGradient);
        }
        INDArray patches = scratch.get("patches", DataType.FLOAT, taps, m);
        FirstLayerGradient.im2col(outputGradient, kh, kw, (int) outputGradient.size(1), (int) outputGradient.size(2),
                new int[] {1, 1}, true, new int[] {1, 1}, patches);
        INDArray turnedGradient = scratch.get("turnedGradient", DataType.FLOAT, taps, channels);
        Nd4j.gemm(patches, input.reshape('c', m, channels), turnedGradient, false, false, 1.0, 0.0);
        reverseRows(turnedGradient, into[1], taps, channels);
        if (into.length > 2) {
            INDArray ones = scratch.get("ones", DataType.FLOAT, 1, m).assign(1);
            Nd4j.gemm(ones, outputGradient.reshape('c', m, 1), into[2].reshape('c', 1, 1), false, false, 1.0, 0.0);
        }
        return into;
    }

    /** Copies {@code rows} rows of {@code width} values, the last row first: a kernel's taps turned by 180 degrees. */
    private static void reverseRows(INDArray from, INDArray to, int rows, int width) {
        FloatBuffer source = Values.bytes(from).asFloatBuffer();
        FloatBuffer target = Values.bytes(to).asFloatBuffer();
        for (int r = 0; r < rows; r++) {
            target.put(r * width, source, (rows - 1 - r) * width, width);
        }
    }
}
