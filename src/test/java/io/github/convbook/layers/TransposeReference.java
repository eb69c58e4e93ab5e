package io.github.convbook.layers;

/**
 * Keras's Conv2DTranspose with {@code output_padding}, written as plain loops over {@link Array4} (NHWC), sharing no
 * code with the library. Keras computes the output length L with {@code conv_utils.deconv_output_length} and hands it
 * to {@code tf.nn.conv2d_transpose}, which is the input gradient of a conv2d whose input has length L; TensorFlow
 * derives that conv2d's padding from L ({@code GetWindowedOutputSizeVerbose}: SAME pads
 * {@code max((N - 1) * s + F - L, 0)} in total, the smaller half before; VALID pads nothing). So each input pixel i
 * scatters value * kernel tap k to output position {@code i * s - padBefore + k * dilation}, dropped outside [0, L).
 */
final class TransposeReference {
    private TransposeReference() {
    }

    /** Keras's {@code deconv_output_length} with an output padding (not None). */
    static int outputLength(int input, int kernel, int stride, int dilation, boolean same, int outputPadding) {
        int window = (kernel - 1) * dilation + 1;
        int pad = same ? window / 2 : 0;
        return (input - 1) * stride + window - 2 * pad + outputPadding;
    }

    /** Rows before the first output row that the transposed conv2d's padding cuts off (TensorFlow's SAME rule). */
    static int padBefore(int input, int kernel, int stride, int dilation, boolean same, int outputPadding) {
        if (!same) {
            return 0;
        }
        int window = (kernel - 1) * dilation + 1;
        int length = outputLength(input, kernel, stride, dilation, same, outputPadding);
        return Math.max((input - 1) * stride + window - length, 0) / 2;
    }

    /** Kernel (kh, kw, out, in), bias (out,) or null; output (n, Lh, Lw, out). */
    static Array4 conv2dTranspose(Array4 x, Array4 kernel, double[] bias, int[] strides, int[] dilation, boolean same,
                                  int[] outputPadding) {
        int height = outputLength(x.d1(), kernel.d0(), strides[0], dilation[0], same, outputPadding[0]);
        int width = outputLength(x.d2(), kernel.d1(), strides[1], dilation[1], same, outputPadding[1]);
        int top = padBefore(x.d1(), kernel.d0(), strides[0], dilation[0], same, outputPadding[0]);
        int left = padBefore(x.d2(), kernel.d1(), strides[1], dilation[1], same, outputPadding[1]);
        Array4 out = new Array4(x.d0(), height, width, kernel.d2());
        for (int b = 0; b < x.d0(); b++) {
            for (int i = 0; i < x.d1(); i++) {
                for (int j = 0; j < x.d2(); j++) {
                    for (int di = 0; di < kernel.d0(); di++) {
                        for (int dj = 0; dj < kernel.d1(); dj++) {
                            int y = i * strides[0] - top + di * dilation[0];
                            int z = j * strides[1] - left + dj * dilation[1];
                            if (y < 0 || y >= height || z < 0 || z >= width) {
                                continue;
                            }
                            for (int o = 0; o < kernel.d2(); o++) {
                                for (int c = 0; c < x.d3(); c++) {
                                    out.add(b, y, z, o, x.get(b, i, j, c) * kernel.get(di, dj, o, c));
                                }
                            }
                        }
                    }
                }
            }
        }
        if (bias != null) {
            for (int k = 0; k < out.values().length; k++) {
                out.values()[k] += bias[k % out.d3()];
            }
        }
        return out;
    }
}
