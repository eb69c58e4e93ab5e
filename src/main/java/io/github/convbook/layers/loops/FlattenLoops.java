package io.github.convbook.layers.loops;

/**
 * Keras's {@code Flatten} as plain loops: every image becomes one row of values, in row-major (NHWC) order, so the
 * channels of a pixel stay next to each other. Input (batch, height, width, channels), output
 * (batch, height * width * channels).
 */
public final class FlattenLoops {
    private FlattenLoops() {
    }

    /**
     * Keras's {@code Flatten()}: pixel (i, j), channel c of image b goes to feature
     * {@code (i * width + j) * channels + c} of row b.
     *
     * @param x the input images, NHWC
     * @return (batch, height * width * channels)
     */
    public static double[][] flatten(Array4 x) {
        double[][] y = new double[x.d0()][x.d1() * x.d2() * x.d3()];
        for (int b = 0; b < x.d0(); b++) {
            for (int i = 0; i < x.d1(); i++) {
                for (int j = 0; j < x.d2(); j++) {
                    for (int c = 0; c < x.d3(); c++) {
                        y[b][(i * x.d2() + j) * x.d3() + c] = x.get(b, i, j, c);
                    }
                }
            }
        }
        return y;
    }
}
