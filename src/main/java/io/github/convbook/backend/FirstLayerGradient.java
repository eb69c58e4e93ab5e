package io.github.convbook.backend;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The kernel and bias gradients of a float32 2-D convolution whose input gradient nobody needs (the first layer of a
 * model): the input's patches laid out as rows (im2col), then one matrix product with the output gradient. ND4J's
 * {@code conv2d_bp} always computes the input gradient too, plus layout reorders around it: for the lecture's
 * convnet, conv1's backward pass took 2.45 ms per batch of 64 that way, 0.84 ms this way (2026-12-01). The sums
 * run in another order than oneDNN's, so the last bits of the gradients differ from {@code conv2d_bp}'s (within
 * float rounding).
 */
public final class FirstLayerGradient {
    /** The patch matrix is built whole; beyond this many values (64 MB) {@code conv2d_bp} is used instead. */
    private static final long MAX_PATCH_VALUES = 1L << 24;

    private FirstLayerGradient() {
    }

    /**
     * True when {@link #kernelAndBias} handles this convolution: float32, a contiguous input and output gradient,
     * and a patch matrix of at most 16 M values.
     *
     * @param input the layer's input {@code (batch, height, width, channels)}
     * @param kernel its kernel {@code (kh, kw, channels, filters)}
     * @param outputGradient the gradient with respect to the convolution's output {@code (batch, oh, ow, filters)}
     * @return whether {@link #kernelAndBias} applies
     */
    public static boolean applies(INDArray input, INDArray kernel, INDArray outputGradient) {
        long patches = outputGradient.length() / outputGradient.size(3);
        long taps = kernel.size(0) * kernel.size(1) * kernel.size(2);
        return input.dataType() == DataType.FLOAT && kernel.dataType() == DataType.FLOAT
                && outputGradient.dataType() == DataType.FLOAT && Values.isContiguous(input)
                && Values.isContiguous(outputGradient) && patches * taps <= MAX_PATCH_VALUES;
    }

    /**
     * The gradients of a Conv2D's kernel and bias, with TensorFlow's padding ("same" pads {@code total / 2} before
     * and the rest after).
     *
     * @param input the batch the forward pass convolved, {@code (batch, height, width, channels)}, float32
     * @param kernel the kernel {@code (kh, kw, channels, filters)}, float32
     * @param bias whether the layer has a bias
     * @param outputGradient the loss gradient with respect to the convolution's output (before the activation)
     * @param strides {@code (sh, sw)}
     * @param same true for padding "same", false for "valid"
     * @param dilation {@code (dh, dw)}
     * @param scratch the layer's reused buffers; the gradients are written into its {@code "kernelGradient"} and
     *                {@code "biasGradient"}
     * @return {@code {kernelGradient (kh, kw, channels, filters)}}, then {@code biasGradient (filters,)} with a bias
     */
    public static INDArray[] kernelAndBias(INDArray input, INDArray kernel, boolean bias, INDArray outputGradient,
                                           int[] strides, boolean same, int[] dilation, Scratch scratch) {
        int kh = (int) kernel.size(0);
        int kw = (int) kernel.size(1);
        int ci = (int) kernel.size(2);
        int co = (int) kernel.size(3);
        int m = Math.toIntExact(outputGradient.length() / co);
        int taps = kh * kw * ci;
        INDArray patches = scratch.get("patches", DataType.FLOAT, taps, m);
        im2col(input, kh, kw, (int) outputGradient.size(1), (int) outputGradient.size(2), strides, same, dilation,
                patches);
        INDArray g = outputGradient.reshape('c', m, co);
        INDArray kernelGradient = scratch.get("kernelGradient", DataType.FLOAT, kernel.shape());
        Nd4j.gemm(patches, g, kernelGradient.reshape('c', taps, co), false, false, 1.0, 0.0);
        if (!bias) {
            return new INDArray[] {kernelGradient};
        }
        INDArray ones = scratch.get("ones", DataType.FLOAT, 1, m).assign(1);
        INDArray biasGradient = scratch.get("biasGradient", DataType.FLOAT, co);
        Nd4j.gemm(ones, g, biasGradient.reshape('c', 1, co), false, false, 1.0, 0.0);
        return new INDArray[] {kernelGradient, biasGradient};
    }

    /**
     * Row {@code (dy, dx, c)} of {@code patches} holds, for every output position {@code (sample, oy, ox)} in
     * row-major order, the input value the kernel tap {@code (dy, dx)} of channel {@code c} multiplied there (0 in
     * the padding).
     */
    static void im2col(INDArray input, int kh, int kw, int oh, int ow, int[] strides, boolean same,
                               int[] dilation, INDArray patches) {
        int n = (int) input.size(0);
        int h = (int) input.size(1);
        int w = (int) input.size(2);
        int ci = (int) input.size(3);
        int top = same ? padBefore(h, oh, kh, strides[0], dilation[0]) : 0;
        int left = same ? padBefore(w, ow, kw, strides[1], dilation[1]) : 0;
        FloatBuffer x = Values.bytes(input).asFloatBuffer();
        FloatBuffer p = Values.bytes(patches).asFloatBuffer();
        int m = n * oh * ow;
        Parallel.forEachPart(kh * kw * ci * m, (from, to) -> {
            for (int at = from; at < to; ) {
                int row = at / m;
                int col = at % m;
                int c = row % ci;
                int dx = row / ci % kw;
                int dy = row / ci / kw;
                int s = col / (oh * ow);
                int oy = col / ow % oh;
                int ox = col % ow;
                int y = oy * strides[0] + dy * dilation[0] - top;
                // one output row at a time, up to the part's end
                int end = Math.min(to, at + ow - ox);
                if (y < 0 || y >= h) {
                    for (; at < end; at++) {
                        p.put(at, 0f);
                    }
                    continue;
                }
                int base = (s * h + y) * w;
                if (ci == 1 && strides[1] == 1) {   // one channel, unit stride: the row's inside is one run of x
                    int start = at - ox - dx * dilation[1] + left;   // the index whose x is 0 (may lie outside)
                    int inside = Math.min(end, Math.max(at, start));
                    int after = Math.max(inside, Math.min(end, start + w));
                    for (; at < inside; at++) {
                        p.put(at, 0f);
                    }
                    if (after > inside) {
                        p.put(inside, x, base + inside - start, after - inside);
                    }
                    for (at = after; at < end; at++) {
                        p.put(at, 0f);
                    }
                    continue;
                }
                for (; at < end; at++, ox++) {
                    int xx = ox * strides[1] + dx * dilation[1] - left;
                    p.put(at, xx < 0 || xx >= w ? 0f : x.get((base + xx) * ci + c));
                }
            }
        });
    }

    /** TensorFlow's "same" padding before the first row (or column): half the total, rounded down. */
    private static int padBefore(int size, int outSize, int k, int stride, int dilation) {
        int total = (outSize - 1) * stride + (k - 1) * dilation + 1 - size;
        return Math.max(total, 0) / 2;
    }
}
