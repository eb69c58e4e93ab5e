package io.github.convbook.ops;

import io.github.convbook.backend.Checks;
import io.github.convbook.backend.NativeOps;
import io.github.convbook.tensor.DType;
import io.github.convbook.tensor.Tensor;

/**
 * The {@code tf.nn} functions the lecture calls directly: a convolution and a max pool on NHWC tensors,
 * with TensorFlow's "VALID"/"SAME" padding.
 * <pre>
 * Nn.conv2d(image, weight, 1, "VALID");   // tf.nn.conv2d(image, weight, strides=[1, 1, 1, 1], padding='VALID')
 * Nn.maxPool(image, 2, 1, "VALID");       // tf.nn.max_pool(image, ksize=[1, 2, 2, 1], strides=[1, 1, 1, 1], ...)
 * </pre>
 */
public final class Nn {
    private Nn() {
    }

    /**
     * Convolution of input (batch, height, width, in) with filters (kh, kw, in, out), the same stride along height
     * and width, as {@code tf.nn.conv2d(input, filters, strides=[1, s, s, 1], padding)}. Each output pixel is the sum,
     * over a {@code kh x kw} window and all input channels, of input times filter (a cross-correlation: the filter is
     * not flipped); there is no bias and no activation. A {@code (1, 28, 28, 1)} digit with {@code (3, 3, 1, 32)}
     * filters, stride 1 and "VALID" gives {@code (1, 26, 26, 32)}.
     *
     * @param input the images, {@code (batch, height, width, in_channels)}, any dtype
     * @param filters the filters, {@code (kernel_height, kernel_width, in_channels, out_channels)}, TensorFlow's
     *                (and Keras's) layout; {@code in_channels} must match the input's
     * @param stride the step between windows along height and width, at least 1
     * @param padding "VALID" or "SAME" in any case (see {@link Padding}): VALID gives
     *                {@code (height - kernel_height) / stride + 1} rows, SAME {@code ceil(height / stride)}
     * @return a new tensor {@code (batch, out_height, out_width, out_channels)}, in the floating dtype NumPy would
     *         promote the two dtypes to (float32 when both are integer or bool)
     * @throws IllegalArgumentException when a rank is not 4, the channels differ, the stride is below 1, the padding
     *                                  is unknown, or a VALID window is larger than the image
     * @throws IllegalStateException when {@code input} or {@code filters} is symbolic (a shape without values)
     */
    public static Tensor conv2d(Tensor input, Tensor filters, int stride, String padding) {
        return conv2d(input, filters, new int[] {stride, stride}, padding);
    }

    /**
     * {@link #conv2d(Tensor, Tensor, int, String)} with separate strides for height and width, as
     * {@code tf.nn.conv2d(input, filters, strides=[1, sh, sw, 1], padding)}.
     *
     * @param input the images, {@code (batch, height, width, in_channels)}, any dtype
     * @param filters the filters, {@code (kernel_height, kernel_width, in_channels, out_channels)}; {@code in_channels}
     *                must match the input's
     * @param strides {@code {stride}} for both axes or {@code {stride_height, stride_width}}, each at least 1 (not
     *                TensorFlow's four-element {@code [1, sh, sw, 1]})
     * @param padding "VALID" or "SAME" in any case (see {@link Padding})
     * @return a new tensor {@code (batch, out_height, out_width, out_channels)}, in the floating dtype NumPy would
     *         promote the two dtypes to (float32 when both are integer or bool)
     * @throws IllegalArgumentException when a rank is not 4, the channels differ, {@code strides} does not hold one
     *                                  or two values of at least 1, the padding is unknown, or a VALID window is
     *                                  larger than the image
     * @throws IllegalStateException when {@code input} or {@code filters} is symbolic (a shape without values)
     */
    public static Tensor conv2d(Tensor input, Tensor filters, int[] strides, String padding) {
        String op = "tf.nn.conv2d";
        Checks.rank(op, "input", input.rank(), input.shape().toString(), 4, "(batch, height, width, channels)");
        Checks.rank(op, "filters", filters.rank(), filters.shape().toString(), 4,
                "(kernel_height, kernel_width, in_channels, out_channels)");
        if (input.shape().get(3) != filters.shape().get(2)) {
            throw new IllegalArgumentException(op + ": input has " + input.shape().get(3) + " channels " + input.shape()
                    + " but filters expect " + filters.shape().get(2) + " input channels " + filters.shape());
        }
        int[] s = Checks.pair(op, "strides", strides);
        Padding pad = Padding.of(padding);
        Checks.windowFits(op, input.shape().get(1), input.shape().get(2), input.shape().toString(),
                (int) filters.shape().get(0), (int) filters.shape().get(1), pad == Padding.VALID);
        DType type = floating(input, filters);
        return Tensor.wrap(NativeOps.conv2d(input.astype(type).data(), filters.astype(type).data(), null, s,
                pad == Padding.SAME, new int[] {1, 1}));
    }

    /**
     * Max pooling with a square window {@code poolSize} moved by {@code stride}, as
     * {@code tf.nn.max_pool(input, ksize=[1, k, k, 1], strides=[1, s, s, 1], padding)}: each output pixel is the
     * largest value of its window, channel by channel (padded cells never win). A {@code (1, 26, 26, 32)} feature map
     * with pool 2, stride 2 and "VALID" gives {@code (1, 13, 13, 32)}.
     *
     * @param input the images or feature maps, {@code (batch, height, width, channels)}, any dtype
     * @param poolSize the window's height and width, at least 1
     * @param stride the step between windows along height and width, at least 1 (Keras's MaxPooling2D defaults it to
     *               the pool size; here it must be given)
     * @param padding "VALID" or "SAME" in any case (see {@link Padding}): VALID gives
     *                {@code (height - poolSize) / stride + 1} rows, SAME {@code ceil(height / stride)}
     * @return a new tensor {@code (batch, out_height, out_width, channels)}; float32 and float64 inputs keep their
     *         dtype, other dtypes give float32
     * @throws IllegalArgumentException when the rank is not 4, the window or stride is below 1, the padding is
     *                                  unknown, or a VALID window is larger than the image
     * @throws IllegalStateException when {@code input} is symbolic (a shape without values)
     */
    public static Tensor maxPool(Tensor input, int poolSize, int stride, String padding) {
        return maxPool(input, new int[] {poolSize, poolSize}, new int[] {stride, stride}, padding);
    }

    /**
     * {@link #maxPool(Tensor, int, int, String)} with a window and strides that may differ between height and width,
     * as {@code tf.nn.max_pool(input, ksize=[1, kh, kw, 1], strides=[1, sh, sw, 1], padding)}.
     *
     * @param input the images or feature maps, {@code (batch, height, width, channels)}, any dtype
     * @param poolSize {@code {size}} for both axes or {@code {height, width}}, each at least 1
     * @param strides {@code {stride}} for both axes or {@code {stride_height, stride_width}}, each at least 1
     * @param padding "VALID" or "SAME" in any case (see {@link Padding})
     * @return a new tensor {@code (batch, out_height, out_width, channels)}; float32 and float64 inputs keep their
     *         dtype, other dtypes give float32
     * @throws IllegalArgumentException when the rank is not 4, {@code poolSize} or {@code strides} does not hold one
     *                                  or two values of at least 1, the padding is unknown, or a VALID window is
     *                                  larger than the image
     * @throws IllegalStateException when {@code input} is symbolic (a shape without values)
     */
    public static Tensor maxPool(Tensor input, int[] poolSize, int[] strides, String padding) {
        String op = "tf.nn.max_pool";
        Checks.rank(op, "input", input.rank(), input.shape().toString(), 4, "(batch, height, width, channels)");
        int[] k = Checks.pair(op, "ksize", poolSize);
        int[] s = Checks.pair(op, "strides", strides);
        Padding pad = Padding.of(padding);
        Checks.windowFits(op, input.shape().get(1), input.shape().get(2), input.shape().toString(), k[0], k[1],
                pad == Padding.VALID);
        Tensor x = input.dtype().isFloating() ? input : input.astype(DType.FLOAT32);
        return Tensor.wrap(NativeOps.maxPool(x.data(), k, s, pad == Padding.SAME));
    }

    private static DType floating(Tensor a, Tensor b) {
        DType type = DType.promote(a.dtype(), b.dtype());
        return type.isFloating() ? type : DType.FLOAT32;
    }
}
