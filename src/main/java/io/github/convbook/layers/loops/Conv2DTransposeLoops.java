package io.github.convbook.layers.loops;

/**
 * Keras's {@code Conv2DTranspose} as plain loops: each input pixel, times the kernel, is spread ("scattered") over
 * a kernel-sized patch of the output, the reverse of {@link Conv2DLoops#conv2d} gathering a patch into one pixel.
 * It is exactly the gradient of that convolution with respect to its input, which is how TensorFlow computes it
 * ({@code tf.nn.conv2d_transpose}).
 *
 * <p>Keras first chooses the output length L ({@code conv_utils.deconv_output_length}, see {@link #outputSize});
 * TensorFlow then places the patches as the forward convolution of an L-pixel input would place its windows:
 * input pixel i writes kernel tap k to output position {@code i * stride - padBefore + k * dilation}, where
 * "same" pads {@code max((N - 1) * stride + window - L, 0)} pixels in all, the smaller half before, and "valid"
 * pads nothing. Positions outside {@code [0, L)} are dropped.
 */
public final class Conv2DTransposeLoops {
    private Conv2DTransposeLoops() {
    }

    /**
     * Keras's {@code deconv_output_length}: the output's length along one axis. Without output padding (Keras's
     * {@code output_padding=None}) it is {@code N * stride + max(window - stride, 0)} with "valid" and
     * {@code N * stride} with "same"; with output padding p it is {@code (N - 1) * stride + window - 2 * pad + p},
     * pad being 0 with "valid" and {@code window / 2} with "same".
     *
     * @param input the input's length N along the axis
     * @param window the kernel's length, dilation included: {@link Conv2DLoops#dilatedSize}
     * @param stride Keras's {@code strides} along the axis
     * @param same true for Keras's {@code padding="same"}, false for {@code "valid"}
     * @param outputPadding Keras's {@code output_padding} along the axis, or null for None
     * @return the output's length L along the axis
     */
    public static int outputSize(int input, int window, int stride, boolean same, Integer outputPadding) {
        if (outputPadding == null) {
            return same ? input * stride : input * stride + Math.max(window - stride, 0);
        }
        int pad = same ? window / 2 : 0;
        return (input - 1) * stride + window - 2 * pad + outputPadding;
    }

    /**
     * Keras's {@code Conv2DTranspose(filters, kernel_size, strides, padding, dilation_rate, use_bias)} with
     * {@code output_padding=None}: {@link #conv2dTranspose(Array4, Array4, double[], int[], int[], boolean, int[])}
     * with a null output padding.
     *
     * @param x the input images, NHWC (batch, height, width, channels)
     * @param kernel the weights, (kh, kw, filters, channels): Keras's layout, output channels before input ones
     * @param bias one value per filter, or null for {@code use_bias=False}
     * @param strides Keras's {@code strides} (down, across)
     * @param dilation Keras's {@code dilation_rate} (down, across)
     * @param same true for Keras's {@code padding="same"}, false for {@code "valid"}
     * @return the output images, NHWC (batch, outHeight, outWidth, filters)
     */
    public static Array4 conv2dTranspose(Array4 x, Array4 kernel, double[] bias, int[] strides, int[] dilation,
                                         boolean same) {
        return conv2dTranspose(x, kernel, bias, strides, dilation, same, null);
    }

    /**
     * Keras's {@code Conv2DTranspose(filters, kernel_size, strides, padding, output_padding, dilation_rate,
     * use_bias)} on channels-last images.
     *
     * <p>Input {@code x} (batch, height, width, channels); kernel (kernel rows, kernel columns, filters, channels);
     * output (batch, outHeight, outWidth, filters) with the lengths of {@link #outputSize}. Every output value
     * starts at zero, gathers the contributions of the input pixels whose patch covers it, and gets the bias.
     *
     * @param x the input images, NHWC
     * @param kernel the weights, (kh, kw, filters, channels)
     * @param bias one value per filter, or null for {@code use_bias=False}
     * @param strides Keras's {@code strides} (down, across): an input step of 1 moves the patch this far
     * @param dilation Keras's {@code dilation_rate} (down, across): the gap between the kernel's taps
     * @param same true for Keras's {@code padding="same"}, false for {@code "valid"}
     * @param outputPadding Keras's {@code output_padding} (down, across), or null for None
     * @return the output images, NHWC
     */
    public static Array4 conv2dTranspose(Array4 x, Array4 kernel, double[] bias, int[] strides, int[] dilation,
                                         boolean same, int[] outputPadding) {
        int kernelRows = kernel.d0();
        int kernelColumns = kernel.d1();
        int filters = kernel.d2();
        int windowRows = Conv2DLoops.dilatedSize(kernelRows, dilation[0]);
        int windowColumns = Conv2DLoops.dilatedSize(kernelColumns, dilation[1]);
        int batch = x.d0();
        int height = x.d1();
        int width = x.d2();
        int channels = x.d3();
        int outHeight = outputSize(height, windowRows, strides[0], same,
                outputPadding == null ? null : outputPadding[0]);
        int outWidth = outputSize(width, windowColumns, strides[1], same,
                outputPadding == null ? null : outputPadding[1]);
        // the padding of the forward convolution whose input has the output's length (TensorFlow's SAME rule)
        int top = same ? Math.max((height - 1) * strides[0] + windowRows - outHeight, 0) / 2 : 0;
        int left = same ? Math.max((width - 1) * strides[1] + windowColumns - outWidth, 0) / 2 : 0;

        Array4 y = new Array4(batch, outHeight, outWidth, filters);
        for (int b = 0; b < batch; b++) {                                   // 1. each image
            for (int i = 0; i < height; i++) {                              // 2. each input row
                for (int j = 0; j < width; j++) {                           // 3. each input column
                    for (int u = 0; u < kernelRows; u++) {                  // 4. each kernel row
                        for (int v = 0; v < kernelColumns; v++) {           // 5. each kernel column
                            int row = i * strides[0] - top + u * dilation[0];
                            int column = j * strides[1] - left + v * dilation[1];
                            if (row < 0 || row >= outHeight || column < 0 || column >= outWidth) {
                                continue;   // falls in the forward convolution's padding: cut off
                            }
                            for (int f = 0; f < filters; f++) {             // 6. each output channel
                                for (int c = 0; c < channels; c++) {        // 7. each input channel
                                    y.add(b, row, column, f, x.get(b, i, j, c) * kernel.get(u, v, f, c));
                                }
                            }
                        }
                    }
                }
            }
        }
        if (bias != null) {
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < outHeight; i++) {
                    for (int j = 0; j < outWidth; j++) {
                        for (int f = 0; f < filters; f++) {
                            y.add(b, i, j, f, bias[f]);
                        }
                    }
                }
            }
        }
        return y;
    }
}
