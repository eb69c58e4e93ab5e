package io.github.convbook.layers.loops;

/**
 * Keras's {@code MaxPooling2D} and {@code AveragePooling2D} (TensorFlow's {@code tf.nn.max_pool2d} and
 * {@code tf.nn.avg_pool2d}) as plain loops: a window slides over each channel on its own, and each position gives
 * the window's largest value or its mean. Windows land by Keras's padding rule, {@link Conv2DLoops#outputSize} and
 * {@link Conv2DLoops#padBefore}; padded pixels are never part of a window's values.
 */
public final class PoolingLoops {
    private PoolingLoops() {
    }

    /**
     * Keras's {@code MaxPooling2D(pool_size, strides, padding)}: the largest value of each window, channel by
     * channel. Input (batch, height, width, channels), output (batch, outHeight, outWidth, channels).
     *
     * @param x the input images, NHWC
     * @param pool the window's size (rows, columns), Keras's {@code pool_size}
     * @param strides the window's step (down, across); Keras's default is the pool size
     * @param same true for Keras's {@code padding="same"}, false for {@code "valid"}
     * @return the pooled images, NHWC
     */
    public static Array4 maxPool(Array4 x, int[] pool, int[] strides, boolean same) {
        return pool(x, pool, strides, same, true);
    }

    /**
     * Keras's {@code AveragePooling2D(pool_size, strides, padding)}: the mean of each window, channel by channel.
     * With "same", a window that overlaps the padding is averaged over its real pixels only (TensorFlow divides by
     * their count, not by the window's size). Input (batch, height, width, channels), output (batch, outHeight,
     * outWidth, channels).
     *
     * @param x the input images, NHWC
     * @param pool the window's size (rows, columns), Keras's {@code pool_size}
     * @param strides the window's step (down, across); Keras's default is the pool size
     * @param same true for Keras's {@code padding="same"}, false for {@code "valid"}
     * @return the pooled images, NHWC
     */
    public static Array4 avgPool(Array4 x, int[] pool, int[] strides, boolean same) {
        return pool(x, pool, strides, same, false);
    }

    /** The two poolings differ only in what they keep of a window: its maximum, or its sum and count. */
    private static Array4 pool(Array4 x, int[] pool, int[] strides, boolean same, boolean max) {
        int batch = x.d0();
        int height = x.d1();
        int width = x.d2();
        int channels = x.d3();
        int outHeight = Conv2DLoops.outputSize(height, pool[0], strides[0], same);
        int outWidth = Conv2DLoops.outputSize(width, pool[1], strides[1], same);
        int top = Conv2DLoops.padBefore(height, pool[0], strides[0], same);
        int left = Conv2DLoops.padBefore(width, pool[1], strides[1], same);

        Array4 y = new Array4(batch, outHeight, outWidth, channels);
        for (int b = 0; b < batch; b++) {                                   // each image
            for (int i = 0; i < outHeight; i++) {                           // each output row
                for (int j = 0; j < outWidth; j++) {                        // each output column
                    for (int c = 0; c < channels; c++) {                    // each channel, on its own
                        double largest = Double.NEGATIVE_INFINITY;
                        double sum = 0;
                        int count = 0;
                        for (int u = 0; u < pool[0]; u++) {                 // each window row
                            for (int v = 0; v < pool[1]; v++) {             // each window column
                                int row = i * strides[0] - top + u;
                                int column = j * strides[1] - left + v;
                                if (row < 0 || row >= height || column < 0 || column >= width) {
                                    continue;   // padding: not a value of the window
                                }
                                largest = Math.max(largest, x.get(b, row, column, c));
                                sum += x.get(b, row, column, c);
                                count++;
                            }
                        }
                        y.set(b, i, j, c, max ? largest : sum / count);
                    }
                }
            }
        }
        return y;
    }
}
