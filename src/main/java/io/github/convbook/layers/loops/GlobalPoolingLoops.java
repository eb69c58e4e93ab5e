package io.github.convbook.layers.loops;

/**
 * Keras's {@code GlobalAveragePooling2D} and {@code GlobalMaxPooling2D} as plain loops: one value per channel over
 * the whole image, input (batch, height, width, channels), output (batch, channels). Keras's {@code keepdims=True}
 * gives the same values shaped (batch, 1, 1, channels).
 */
public final class GlobalPoolingLoops {
    private GlobalPoolingLoops() {
    }

    /**
     * Keras's {@code GlobalAveragePooling2D}: the mean of each channel over all rows and columns.
     *
     * @param x the input images, NHWC
     * @return (batch, channels): {@code y[b][c]} is the mean of channel c of image b
     */
    public static double[][] globalAverage(Array4 x) {
        double[][] y = new double[x.d0()][x.d3()];
        for (int b = 0; b < x.d0(); b++) {
            for (int c = 0; c < x.d3(); c++) {
                double sum = 0;
                for (int i = 0; i < x.d1(); i++) {
                    for (int j = 0; j < x.d2(); j++) {
                        sum += x.get(b, i, j, c);
                    }
                }
                y[b][c] = sum / (x.d1() * x.d2());
            }
        }
        return y;
    }

    /**
     * Keras's {@code GlobalMaxPooling2D}: the largest value of each channel over all rows and columns, "is this
     * feature anywhere in the image?".
     *
     * @param x the input images, NHWC
     * @return (batch, channels): {@code y[b][c]} is the largest value of channel c of image b
     */
    public static double[][] globalMax(Array4 x) {
        double[][] y = new double[x.d0()][x.d3()];
        for (int b = 0; b < x.d0(); b++) {
            for (int c = 0; c < x.d3(); c++) {
                double largest = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < x.d1(); i++) {
                    for (int j = 0; j < x.d2(); j++) {
                        largest = Math.max(largest, x.get(b, i, j, c));
                    }
                }
                y[b][c] = largest;
            }
        }
        return y;
    }
}
