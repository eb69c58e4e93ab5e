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

    /** Convolution of input (batch, height, width, in) with filters (kh, kw, in, out). */
    public static Tensor conv2d(Tensor input, Tensor filters, int stride, String padding) {
        return conv2d(input, filters, new int[] {stride, stride}, padding);
    }

    public static Tensor conv2d(Tensor input, Tensor filters, int[] strides, String padding) {
        String op = "tf.nn.conv2d";
        Checks.rank(op, "input", input.rank(), input.shape().toString(), 4, "(batch, height, width, channels)");
        Checks.rank(op, "filters", filters.rank(), filters.shape().toString(), 4, "(kernel_height, kernel_width, in_channels, out_channels)");
        if (input.shape().get(3) != filters.shape().get(2)) {
            throw new IllegalArgumentException(op + ": input has " + input.shape().get(3) + " channels " + input.shape()
                    + " but filters expect " + filters.shape().get(2) + " input channels " + filters.shape());
        }
        int[] s = Checks.pair(op, "strides", strides);
        Padding pad = Padding.of(padding);
        Checks.windowFits(op, input.shape().get(1), input.shape().get(2), input.shape().toString(),
                (int) filters.shape().get(0), (int) filters.shape().get(1), pad == Padding.VALID);
        DType type = floating(input, filters);
        return Tensor.wrap(NativeOps.conv2d(input.astype(type).data(), filters.astype(type).data(), null, s, pad == Padding.SAME, new int[] {1, 1}));
    }

    /** Max pooling with a square window {@code poolSize} moved by {@code stride}. */
    public static Tensor maxPool(Tensor input, int poolSize, int stride, String padding) {
        return maxPool(input, new int[] {poolSize, poolSize}, new int[] {stride, stride}, padding);
    }

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
