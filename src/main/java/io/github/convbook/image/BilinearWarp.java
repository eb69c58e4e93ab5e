package io.github.convbook.image;

/**
 * The inner loop of {@code cv2.warpAffine} with {@code INTER_LINEAR} and {@code BORDER_CONSTANT} (zero): every
 * destination pixel {@code (x, y)} is read from the source at the position the <em>inverse</em> matrix gives,
 * mixing the four nearest source pixels by bilinear weights; source pixels outside the image count as 0.
 *
 * <p>Two ways to find the position:
 * <ul>
 *   <li><b>exact</b> (every dtype but uint8): the position is used as computed, weights are exact.</li>
 *   <li><b>fixed point</b> (uint8 images): OpenCV's integer arithmetic, the position rounded to 1/32 of a pixel
 *       ({@code INTER_TAB_SIZE = 32}) in the same steps OpenCV takes, so uint8 results equal OpenCV's.</li>
 * </ul>
 * One destination row's sampling positions ("taps") are computed once and reused for every image of a batch.
 */
final class BilinearWarp {
    private static final int INTER_BITS = 5;                  // OpenCV: positions in 1/32 pixel
    private static final int INTER_TAB_SIZE = 1 << INTER_BITS;
    private static final int AB_BITS = 10;                    // OpenCV: matrix products in 1/1024 pixel
    private static final int AB_SCALE = 1 << AB_BITS;
    private static final int ROUND_DELTA = AB_SCALE / INTER_TAB_SIZE / 2;

    private final AffineMatrix inverse;   // destination -> source
    private final boolean fixedPoint;
    private final int srcHeight;
    private final int srcWidth;
    private final int channels;
    private final int dstHeight;
    private final int dstWidth;

    // Taps of the current destination row: four per pixel, the source pixel index (row*width + col, or -1 when
    // outside the image) and its weight, in the order top-left, top-right, bottom-left, bottom-right.
    private final int[] tapIndex;
    private final double[] tapWeight;

    BilinearWarp(AffineMatrix matrix, int srcHeight, int srcWidth, int channels, int dstHeight, int dstWidth,
            boolean fixedPoint) {
        this.inverse = matrix.inverse();
        this.fixedPoint = fixedPoint;
        this.srcHeight = srcHeight;
        this.srcWidth = srcWidth;
        this.channels = channels;
        this.dstHeight = dstHeight;
        this.dstWidth = dstWidth;
        this.tapIndex = new int[4 * dstWidth];
        this.tapWeight = new double[4 * dstWidth];
    }

    /** Warps {@code images} consecutive images, each (srcHeight, srcWidth, channels) row-major, into {@code dst}. */
    void apply(float[] src, float[] dst, int images) {
        int srcSize = srcHeight * srcWidth * channels;
        int dstSize = dstHeight * dstWidth * channels;
        for (int y = 0; y < dstHeight; y++) {
            computeTaps(y);
            for (int n = 0; n < images; n++) {
                int in = n * srcSize;
                int out = n * dstSize + y * dstWidth * channels;
                for (int x = 0; x < dstWidth; x++) {
                    for (int c = 0; c < channels; c++) {
                        double sum = 0;
                        for (int k = 4 * x; k < 4 * x + 4; k++) {
                            if (tapIndex[k] >= 0) {
                                sum += tapWeight[k] * src[in + tapIndex[k] * channels + c];
                            }
                        }
                        dst[out++] = (float) sum;
                    }
                }
            }
        }
    }

    /** The same loop for float64 images (Java has no generics over primitive arrays). */
    void apply(double[] src, double[] dst, int images) {
        int srcSize = srcHeight * srcWidth * channels;
        int dstSize = dstHeight * dstWidth * channels;
        for (int y = 0; y < dstHeight; y++) {
            computeTaps(y);
            for (int n = 0; n < images; n++) {
                int in = n * srcSize;
                int out = n * dstSize + y * dstWidth * channels;
                for (int x = 0; x < dstWidth; x++) {
                    for (int c = 0; c < channels; c++) {
                        double sum = 0;
                        for (int k = 4 * x; k < 4 * x + 4; k++) {
                            if (tapIndex[k] >= 0) {
                                sum += tapWeight[k] * src[in + tapIndex[k] * channels + c];
                            }
                        }
                        dst[out++] = sum;
                    }
                }
            }
        }
    }

    /** Fills the taps of destination row {@code y}. */
    private void computeTaps(int y) {
        double a00 = inverse.get(0, 0), a01 = inverse.get(0, 1), a02 = inverse.get(0, 2);
        double a10 = inverse.get(1, 0), a11 = inverse.get(1, 1), a12 = inverse.get(1, 2);
        if (fixedPoint) {
            // OpenCV's WarpAffineInvoker: the row part and the column part are rounded to 1/1024 separately,
            // then the sum is rounded to 1/32; its integer part is the pixel, the rest picks the weights.
            long rowX = saturateInt((a01 * y + a02) * AB_SCALE) + ROUND_DELTA;
            long rowY = saturateInt((a11 * y + a12) * AB_SCALE) + ROUND_DELTA;
            for (int x = 0; x < dstWidth; x++) {
                long sx = (rowX + saturateInt(a00 * x * AB_SCALE)) >> (AB_BITS - INTER_BITS);
                long sy = (rowY + saturateInt(a10 * x * AB_SCALE)) >> (AB_BITS - INTER_BITS);
                setTaps(x, sx >> INTER_BITS, sy >> INTER_BITS,
                        (double) (sx & (INTER_TAB_SIZE - 1)) / INTER_TAB_SIZE,
                        (double) (sy & (INTER_TAB_SIZE - 1)) / INTER_TAB_SIZE);
            }
        } else {
            for (int x = 0; x < dstWidth; x++) {
                double sx = a00 * x + a01 * y + a02;
                double sy = a10 * x + a11 * y + a12;
                double left = Math.floor(sx);
                double top = Math.floor(sy);
                setTaps(x, clampToLong(left), clampToLong(top), sx - left, sy - top);
            }
        }
    }

    /** The four taps around source pixel (col, row) with fractional offsets fx, fy in [0, 1). */
    private void setTaps(int x, long col, long row, double fx, double fy) {
        int k = 4 * x;
        tapIndex[k] = sourceIndex(col, row);
        tapIndex[k + 1] = sourceIndex(col + 1, row);
        tapIndex[k + 2] = sourceIndex(col, row + 1);
        tapIndex[k + 3] = sourceIndex(col + 1, row + 1);
        tapWeight[k] = (1 - fx) * (1 - fy);
        tapWeight[k + 1] = fx * (1 - fy);
        tapWeight[k + 2] = (1 - fx) * fy;
        tapWeight[k + 3] = fx * fy;
    }

    /** row*width + col, or -1 outside the source: BORDER_CONSTANT reads 0 there. */
    private int sourceIndex(long col, long row) {
        if (col < 0 || col >= srcWidth || row < 0 || row >= srcHeight) {
            return -1;
        }
        return (int) (row * srcWidth + col);
    }

    /** OpenCV's {@code saturate_cast<int>(double)}: round half to even, then clip to the int range. */
    private static long saturateInt(double v) {
        return (long) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.rint(v)));
    }

    /** Keeps huge positions (far outside any image) from overflowing when 1 is added. */
    private static long clampToLong(double v) {
        return (long) Math.max(-(1L << 40), Math.min(1L << 40, v));
    }
}
