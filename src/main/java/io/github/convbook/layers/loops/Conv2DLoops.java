package io.github.convbook.layers.loops;

/**
 * Keras's {@code Conv2D} (TensorFlow's {@code tf.nn.conv2d} plus the bias) as seven nested loops, and Keras's rule
 * for where a sliding window lands ({@code padding="valid"} or {@code "same"}), which the pooling layers share.
 */
public final class Conv2DLoops {
    private Conv2DLoops() {
    }

    /**
     * How many pixels a kernel covers once its taps are spread {@code dilation} pixels apart:
     * {@code (kernel - 1) * dilation + 1}. A 3-tap kernel with dilation 2 covers 5 pixels, every other one.
     *
     * @param kernel the kernel's length (taps) along the axis
     * @param dilation Keras's {@code dilation_rate} along the axis (1: adjacent taps)
     * @return the window's length in pixels
     */
    public static int dilatedSize(int kernel, int dilation) {
        return (kernel - 1) * dilation + 1;
    }

    /**
     * How many positions a window of {@code window} pixels, moved {@code stride} pixels at a time, takes along one
     * axis of {@code input} pixels: {@code (input - window) / stride + 1} with "valid" (the window stays inside),
     * {@code ceil(input / stride)} with "same" (the image is padded so that only the stride shrinks it).
     *
     * @param input the input's length along the axis (height or width)
     * @param window the window's length, dilation included: {@link #dilatedSize}
     * @param stride the step between two window positions
     * @param same true for Keras's {@code padding="same"}, false for {@code "valid"}
     * @return the output's length along the axis
     */
    public static int outputSize(int input, int window, int stride, boolean same) {
        if (same) {
            return (input + stride - 1) / stride;
        }
        return (input - window) / stride + 1;
    }

    /**
     * How many padding pixels come before the first input pixel: none with "valid"; with "same", TensorFlow pads
     * {@code max((output - 1) * stride + window - input, 0)} pixels in all and puts the smaller half before (so an
     * odd total puts the extra pixel after, at the bottom or the right).
     *
     * @param input the input's length along the axis
     * @param window the window's length, dilation included
     * @param stride the step between two window positions
     * @param same true for Keras's {@code padding="same"}, false for {@code "valid"}
     * @return the padding before the first pixel (the top rows, or the left columns)
     */
    public static int padBefore(int input, int window, int stride, boolean same) {
        if (!same) {
            return 0;
        }
        int total = Math.max((outputSize(input, window, stride, true) - 1) * stride + window - input, 0);
        return total / 2;
    }

    /**
     * Keras's {@code Conv2D(filters, kernel_size, strides, padding, dilation_rate, use_bias)} on channels-last
     * images: each output value is the bias plus the sum, over a kernel-sized window of the input and over all its
     * channels, of input times kernel. Padded pixels count as zero.
     *
     * <p>Input {@code x} (batch, height, width, channels); kernel (kernel rows, kernel columns, channels, filters),
     * Keras's layout; output (batch, outHeight, outWidth, filters) with the lengths of {@link #outputSize}.
     *
     * @param x the input images, NHWC
     * @param kernel the weights, (kh, kw, channels, filters)
     * @param bias one value per filter, or null for {@code use_bias=False}
     * @param strides the window's step down and across, Keras's {@code strides}
     * @param dilation the gap between the kernel's taps down and across, Keras's {@code dilation_rate} (1: adjacent)
     * @param same true for Keras's {@code padding="same"}, false for {@code "valid"}
     * @return the output images, NHWC
     */
    public static Array4 conv2d(Array4 x, Array4 kernel, double[] bias, int[] strides, int[] dilation, boolean same) {
        int batch = x.d0();
        int height = x.d1();
        int width = x.d2();
        int channels = x.d3();
        int kernelRows = kernel.d0();
        int kernelColumns = kernel.d1();
        int filters = kernel.d3();
        int windowRows = dilatedSize(kernelRows, dilation[0]);
        int windowColumns = dilatedSize(kernelColumns, dilation[1]);
        int outHeight = outputSize(height, windowRows, strides[0], same);
        int outWidth = outputSize(width, windowColumns, strides[1], same);
        int top = padBefore(height, windowRows, strides[0], same);
        int left = padBefore(width, windowColumns, strides[1], same);

        Array4 y = new Array4(batch, outHeight, outWidth, filters);
        for (int b = 0; b < batch; b++) {                                   // 1. each image
            for (int i = 0; i < outHeight; i++) {                           // 2. each output row
                for (int j = 0; j < outWidth; j++) {                        // 3. each output column
                    for (int f = 0; f < filters; f++) {                     // 4. each output channel (filter)
                        double sum = bias == null ? 0 : bias[f];
                        for (int u = 0; u < kernelRows; u++) {              // 5. each kernel row
                            for (int v = 0; v < kernelColumns; v++) {       // 6. each kernel column
                                int row = i * strides[0] - top + u * dilation[0];
                                int column = j * strides[1] - left + v * dilation[1];
                                if (row < 0 || row >= height || column < 0 || column >= width) {
                                    continue;   // a padding pixel: zero, so it adds nothing
                                }
                                for (int c = 0; c < channels; c++) {        // 7. each input channel
                                    sum += x.get(b, row, column, c) * kernel.get(u, v, c, f);
                                }
                            }
                        }
                        y.set(b, i, j, f, sum);
                    }
                }
            }
        }
        return y;
    }
}
