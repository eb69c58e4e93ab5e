package io.github.convbook.layers.loops;

/**
 * Keras's {@code UpSampling2D(size, interpolation)} as plain loops: the image grows {@code size[0]} times in height
 * and {@code size[1]} times in width, each new pixel copied from its nearest input pixel or blended from the four
 * around it. Input (batch, height, width, channels), output (batch, height * size[0], width * size[1], channels).
 */
public final class UpSamplingLoops {
    private UpSamplingLoops() {
    }

    /**
     * {@code interpolation="nearest"} (Keras's default): output pixel (i, j) is a copy of input pixel
     * {@code (i / size[0], j / size[1])}, so every pixel becomes a {@code size[0] x size[1]} block.
     *
     * @param x the input images, NHWC
     * @param size the growth factors (rows, columns), Keras's {@code size}
     * @return the larger images, NHWC
     */
    public static Array4 nearest(Array4 x, int[] size) {
        Array4 y = new Array4(x.d0(), x.d1() * size[0], x.d2() * size[1], x.d3());
        for (int b = 0; b < y.d0(); b++) {
            for (int i = 0; i < y.d1(); i++) {
                for (int j = 0; j < y.d2(); j++) {
                    for (int c = 0; c < y.d3(); c++) {
                        y.set(b, i, j, c, x.get(b, i / size[0], j / size[1], c));
                    }
                }
            }
        }
        return y;
    }

    /**
     * {@code interpolation="bilinear"}, as TensorFlow 2's {@code tf.image.resize(method="bilinear")}: pixel centres
     * are matched ("half-pixel centres"), so output row i reads input coordinate {@code (i + 0.5) / size - 0.5}; the
     * value is the blend of the two rows and two columns around that coordinate, weighted by closeness, with
     * coordinates outside the image clamped to its border. The coordinates are computed in float, as TensorFlow's
     * kernel ({@code resize_bilinear_op.cc}) computes them.
     *
     * @param x the input images, NHWC
     * @param size the growth factors (rows, columns), Keras's {@code size}
     * @return the larger images, NHWC
     */
    public static Array4 bilinear(Array4 x, int[] size) {
        int height = x.d1();
        int width = x.d2();
        int outHeight = height * size[0];
        int outWidth = width * size[1];
        Array4 y = new Array4(x.d0(), outHeight, outWidth, x.d3());
        for (int b = 0; b < x.d0(); b++) {
            for (int i = 0; i < outHeight; i++) {
                float sourceRow = (i + 0.5f) * (height / (float) outHeight) - 0.5f;
                int above = Math.max((int) Math.floor(sourceRow), 0);
                int below = Math.min((int) Math.ceil(sourceRow), height - 1);
                double down = sourceRow - (float) Math.floor(sourceRow);   // 0 on the row above, 1 on the one below
                for (int j = 0; j < outWidth; j++) {
                    float sourceColumn = (j + 0.5f) * (width / (float) outWidth) - 0.5f;
                    int leftColumn = Math.max((int) Math.floor(sourceColumn), 0);
                    int rightColumn = Math.min((int) Math.ceil(sourceColumn), width - 1);
                    double across = sourceColumn - (float) Math.floor(sourceColumn);
                    for (int c = 0; c < x.d3(); c++) {
                        double value = (1 - down) * (1 - across) * x.get(b, above, leftColumn, c)
                                + (1 - down) * across * x.get(b, above, rightColumn, c)
                                + down * (1 - across) * x.get(b, below, leftColumn, c)
                                + down * across * x.get(b, below, rightColumn, c);
                        y.set(b, i, j, c, value);
                    }
                }
            }
        }
        return y;
    }
}
