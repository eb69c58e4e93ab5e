package io.github.convbook.image;

import io.github.convbook.CellInterruptedException;

/**
 * The inner loop of OpenCV's {@code cv2.warpAffine} with {@code INTER_LINEAR} and {@code BORDER_CONSTANT} (zero),
 * for every depth OpenCV's warpAffine takes that ConvBook has (uint8 {@code CV_8U}, float32 {@code CV_32F},
 * float64 {@code CV_64F}): every destination pixel {@code (x, y)} is read from the source at the position the
 * <em>inverse</em> matrix gives, mixing the four nearest source pixels by bilinear weights; source pixels outside
 * the image count as 0.
 *
 * <p>Positions and weights follow OpenCV 4.x ({@code WarpAffineInvoker}, then {@code remapBilinear} in
 * {@code modules/imgproc/src/imgwarp.cpp}) for <em>every</em> dtype, not only uint8:
 * <ol>
 *   <li>The position is computed in fixed point: the row part {@code M[0,1]*y + M[0,2]} and the column part
 *       {@code M[0,0]*x} are each rounded to 1/1024 pixel ({@code AB_BITS = 10}, {@code saturate_cast<int>},
 *       round half to even), added with half a step, then cut to 1/32 pixel ({@code INTER_BITS = 5},
 *       {@code INTER_TAB_SIZE = 32}). Its integer part picks the top-left source pixel (saturated to a
 *       {@code short}, as OpenCV stores it), the 5-bit remainders in x and y pick the weights.</li>
 *   <li>The four weights come from OpenCV's float table {@code BilinearTab_f}:
 *       {@code (1 - fy)(1 - fx), (1 - fy) fx, fy (1 - fx), fy fx} with {@code fx, fy} in steps of 1/32 (all
 *       exact in float).</li>
 *   <li>The value is {@code ((v00*w0 + v01*w1) + v10*w2) + v11*w3}, in that order, in float32 arithmetic for
 *       float32 (and uint8) images and in float64 arithmetic for float64 images, exactly as OpenCV's scalar loop
 *       ({@code RemapNoVec}) evaluates it; a source pixel outside the image contributes the border value 0, and a
 *       destination pixel whose 2x2 neighbourhood lies wholly outside is 0.</li>
 * </ol>
 * For uint8 every product and sum above is exact in float32 (a multiple of 1/1024 below 256), so rounding the
 * float result half up equals OpenCV's integer kernel ({@code BilinearTab_i}, {@code (sum + 2^14) >> 15}).
 * One destination row's sampling positions ("taps") are computed once and reused for every image of a batch.
 */
final class BilinearWarp {
    private static final int INTER_BITS = 5;                  // OpenCV: positions in 1/32 pixel
    private static final int INTER_TAB_SIZE = 1 << INTER_BITS;
    private static final int AB_BITS = 10;                    // OpenCV: matrix products in 1/1024 pixel
    private static final int AB_SCALE = 1 << AB_BITS;
    private static final int ROUND_DELTA = AB_SCALE / INTER_TAB_SIZE / 2;

    /** OpenCV's {@code BilinearTab_f}: four float weights for each of the 32 x 32 sub-pixel offsets (fy, fx). */
    private static final float[] WEIGHTS = bilinearTable();

    private final AffineMatrix inverse;   // destination -> source
    private final int srcHeight;
    private final int srcWidth;
    private final int channels;
    private final int dstHeight;
    private final int dstWidth;

    // Taps of the current destination row: four source pixel indices per pixel (row*width + col, or -1 outside
    // the image) in the order top-left, top-right, bottom-left, bottom-right, and one weight-table row per pixel.
    private final int[] tapIndex;
    private final int[] tapWeights;

    BilinearWarp(AffineMatrix matrix, int srcHeight, int srcWidth, int channels, int dstHeight, int dstWidth) {
        this.inverse = matrix.inverse();
        this.srcHeight = srcHeight;
        this.srcWidth = srcWidth;
        this.channels = channels;
        this.dstHeight = dstHeight;
        this.dstWidth = dstWidth;
        this.tapIndex = new int[4 * dstWidth];
        this.tapWeights = new int[dstWidth];
    }

    /**
     * Warps {@code images} consecutive float32 images, each (srcHeight, srcWidth, channels) row-major, into
     * {@code dst}, in float32 arithmetic as OpenCV's {@code CV_32F} kernel (also used for uint8 images, where it
     * is exact).
     */
    void apply(float[] src, float[] dst, int images) {
        int srcSize = srcHeight * srcWidth * channels;
        int dstSize = dstHeight * dstWidth * channels;
        for (int y = 0; y < dstHeight; y++) {
            int row = y;
            // a batch of 60000 images takes seconds: stop at the next row once the cell is interrupted
            CellInterruptedException.checkpoint(() -> "image warp: interrupted at output row " + row + "/" + dstHeight);
            computeTaps(y);
            for (int n = 0; n < images; n++) {
                int in = n * srcSize;
                int out = n * dstSize + y * dstWidth * channels;
                for (int x = 0; x < dstWidth; x++) {
                    int k = 4 * x;
                    int w = 4 * tapWeights[x];
                    for (int c = 0; c < channels; c++) {
                        float v00 = tapIndex[k] < 0 ? 0f : src[in + tapIndex[k] * channels + c];
                        float v01 = tapIndex[k + 1] < 0 ? 0f : src[in + tapIndex[k + 1] * channels + c];
                        float v10 = tapIndex[k + 2] < 0 ? 0f : src[in + tapIndex[k + 2] * channels + c];
                        float v11 = tapIndex[k + 3] < 0 ? 0f : src[in + tapIndex[k + 3] * channels + c];
                        dst[out++] = v00 * WEIGHTS[w] + v01 * WEIGHTS[w + 1] + v10 * WEIGHTS[w + 2]
                                + v11 * WEIGHTS[w + 3];
                    }
                }
            }
        }
    }

    /** The same loop for float64 images, in float64 arithmetic as OpenCV's {@code CV_64F} kernel. */
    void apply(double[] src, double[] dst, int images) {
        int srcSize = srcHeight * srcWidth * channels;
        int dstSize = dstHeight * dstWidth * channels;
        for (int y = 0; y < dstHeight; y++) {
            int row = y;
            // a batch of 60000 images takes seconds: stop at the next row once the cell is interrupted
            CellInterruptedException.checkpoint(() -> "image warp: interrupted at output row " + row + "/" + dstHeight);
            computeTaps(y);
            for (int n = 0; n < images; n++) {
                int in = n * srcSize;
                int out = n * dstSize + y * dstWidth * channels;
                for (int x = 0; x < dstWidth; x++) {
                    int k = 4 * x;
                    int w = 4 * tapWeights[x];
                    for (int c = 0; c < channels; c++) {
                        double v00 = tapIndex[k] < 0 ? 0.0 : src[in + tapIndex[k] * channels + c];
                        double v01 = tapIndex[k + 1] < 0 ? 0.0 : src[in + tapIndex[k + 1] * channels + c];
                        double v10 = tapIndex[k + 2] < 0 ? 0.0 : src[in + tapIndex[k + 2] * channels + c];
                        double v11 = tapIndex[k + 3] < 0 ? 0.0 : src[in + tapIndex[k + 3] * channels + c];
                        dst[out++] = v00 * WEIGHTS[w] + v01 * WEIGHTS[w + 1] + v10 * WEIGHTS[w + 2]
                                + v11 * WEIGHTS[w + 3];
                    }
                }
            }
        }
    }

    /** Fills the taps of destination row {@code y}, as OpenCV's {@code WarpAffineInvoker}. */
    private void computeTaps(int y) {
        double a00 = inverse.get(0, 0), a01 = inverse.get(0, 1), a02 = inverse.get(0, 2);
        double a10 = inverse.get(1, 0), a11 = inverse.get(1, 1), a12 = inverse.get(1, 2);
        // The row part and the column part are rounded to 1/1024 separately, then the sum is cut to 1/32; its
        // integer part is the pixel, the rest picks the weights.
        long rowX = saturateInt((a01 * y + a02) * AB_SCALE) + ROUND_DELTA;
        long rowY = saturateInt((a11 * y + a12) * AB_SCALE) + ROUND_DELTA;
        for (int x = 0; x < dstWidth; x++) {
            long sx = (rowX + saturateInt(a00 * x * AB_SCALE)) >> (AB_BITS - INTER_BITS);
            long sy = (rowY + saturateInt(a10 * x * AB_SCALE)) >> (AB_BITS - INTER_BITS);
            int col = saturateShort(sx >> INTER_BITS);
            int row = saturateShort(sy >> INTER_BITS);
            int k = 4 * x;
            tapIndex[k] = sourceIndex(col, row);
            tapIndex[k + 1] = sourceIndex(col + 1, row);
            tapIndex[k + 2] = sourceIndex(col, row + 1);
            tapIndex[k + 3] = sourceIndex(col + 1, row + 1);
            tapWeights[x] = (int) ((sy & (INTER_TAB_SIZE - 1)) * INTER_TAB_SIZE + (sx & (INTER_TAB_SIZE - 1)));
        }
    }

    /** row*width + col, or -1 outside the source: BORDER_CONSTANT reads 0 there. */
    private int sourceIndex(int col, int row) {
        if (col < 0 || col >= srcWidth || row < 0 || row >= srcHeight) {
            return -1;
        }
        return row * srcWidth + col;
    }

    /** OpenCV's {@code initInterTab2D(INTER_LINEAR)} float table, row {@code fy * 32 + fx}. */
    private static float[] bilinearTable() {
        float[] oneD = new float[2 * INTER_TAB_SIZE];
        float scale = 1f / INTER_TAB_SIZE;
        for (int i = 0; i < INTER_TAB_SIZE; i++) {
            oneD[2 * i] = 1f - i * scale;
            oneD[2 * i + 1] = i * scale;
        }
        float[] table = new float[4 * INTER_TAB_SIZE * INTER_TAB_SIZE];
        int t = 0;
        for (int i = 0; i < INTER_TAB_SIZE; i++) {          // fy
            for (int j = 0; j < INTER_TAB_SIZE; j++) {      // fx
                for (int k1 = 0; k1 < 2; k1++) {
                    for (int k2 = 0; k2 < 2; k2++) {
                        table[t++] = oneD[2 * i + k1] * oneD[2 * j + k2];
                    }
                }
            }
        }
        return table;
    }

    /** OpenCV's {@code saturate_cast<int>(double)}: round half to even, then clip to the int range. */
    private static long saturateInt(double v) {
        return (long) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.rint(v)));
    }

    /** OpenCV's {@code saturate_cast<short>(int)}: the pixel coordinates are stored as shorts. */
    private static int saturateShort(long v) {
        return (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }
}
