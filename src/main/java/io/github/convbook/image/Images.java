package io.github.convbook.image;

import io.github.convbook.backend.Memory;
import io.github.convbook.tensor.DType;
import io.github.convbook.tensor.Tensor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * OpenCV's geometric image transforms, as the lecture uses them ({@code cv2.getRotationMatrix2D},
 * {@code cv2.warpAffine}), plus {@link #rotate} and {@link #shift} for whole batches of MNIST digits.
 *
 * <pre>
 * var m = Images.getRotationMatrix2D(20, 25, 20, 1);      // M = cv2.getRotationMatrix2D((20, 25), 20, 1)
 * m.set(0, 2, m.get(0, 2) + 3);                            // M[0, 2] = M[0, 2] + 3
 * m.set(1, 2, m.get(1, 2) + 3);                            // M[1, 2] = M[1, 2] + 3
 * var testImage = Images.warpAffine(xTrain.get(5), m, 28, 28);   // cv2.warpAffine(X_train[5], M, (28, 28))
 * </pre>
 *
 * <p>Coordinates are OpenCV's: x is the column, y the row, the origin (0, 0) is the centre of the top-left
 * pixel, and y grows downwards; sizes are given as (width, height), in that order, as OpenCV's {@code dsize}.
 */
public final class Images {
    private Images() {
    }

    /**
     * The matrix that rotates by {@code angleDegrees} about {@code (centerX, centerY)} and scales by {@code scale},
     * as {@code cv2.getRotationMatrix2D(center, angle, scale)}. A positive angle turns the picture
     * counter-clockwise on screen (the origin is top-left). With {@code alpha = scale*cos(angle)} and
     * {@code beta = scale*sin(angle)}:
     * <pre>
     * [[ alpha, beta,  (1-alpha)*centerX - beta*centerY ],
     *  [ -beta, alpha, beta*centerX + (1-alpha)*centerY ]]
     * </pre>
     * The centre is rounded to float32 first, because OpenCV takes it as a {@code Point2f}.
     * The result can be edited with {@link AffineMatrix#set} to add a shift, as the lecture does.
     *
     * @param centerX the x (column) of the centre of rotation, in pixels from the centre of the top-left pixel
     * @param centerY the y (row) of the centre of rotation, in pixels, growing downwards
     * @param angleDegrees the angle in degrees (not radians), counter-clockwise on screen when positive
     * @param scale the zoom: 1 keeps the size, 2 doubles it
     * @return a new float64 matrix
     */
    public static AffineMatrix getRotationMatrix2D(double centerX, double centerY, double angleDegrees,
            double scale) {
        double cx = (float) centerX;
        double cy = (float) centerY;
        double angle = angleDegrees * (Math.PI / 180);   // OpenCV: angle *= CV_PI/180 (same bits)
        double alpha = Math.cos(angle) * scale;
        double beta = Math.sin(angle) * scale;
        return AffineMatrix.of(
                alpha, beta, (1 - alpha) * cx - beta * cy,
                -beta, alpha, beta * cx + (1 - alpha) * cy);
    }

    /**
     * Moves the pixels of one image with an affine matrix, as {@code cv2.warpAffine(image, M, (width, height))}.
     *
     * <p>The matrix maps source positions to destination positions. To fill destination pixel (x, y) the warp
     * goes the other way: it reads the source at {@code inverse(M) * (x, y)} and mixes the four nearest pixels
     * (bilinear, OpenCV's {@code INTER_LINEAR}); parts of the destination that come from outside the source are 0
     * ({@code BORDER_CONSTANT}).
     *
     * <p>The result has the input's dtype, and every dtype OpenCV's {@code warpAffine} accepts is computed the way
     * OpenCV 4.x computes it ({@code WarpAffineInvoker} + {@code remapBilinear}, checked pixel for pixel against
     * OpenCV 4.6.0): the read position is rounded to 1/32 pixel ({@code INTER_BITS = 5}, via 1/1024-pixel fixed
     * point, {@code AB_BITS = 10}) and the four pixels are mixed with OpenCV's table weights. So even float images
     * are <em>not</em> exact bilinear interpolation: a shift by 0.3 pixel reads at 0.3125, as in OpenCV.
     * <ul>
     *   <li>uint8 ({@code CV_8U}): the mixed value is rounded half up and clipped to 0..255, as OpenCV's
     *       fixed-point kernel ({@code (sum + 2^14) >> 15}).</li>
     *   <li>float32 ({@code CV_32F}): the value is summed in float32, in OpenCV's order, and not rounded.</li>
     *   <li>float64 ({@code CV_64F}): the same in float64 (the weights are OpenCV's float32 table).</li>
     *   <li>int32 and int64: OpenCV refuses these ({@code Assertion failed: ifunc != 0 in function 'remap'});
     *       ConvBook computes them like float64 and rounds half to even, a convenience with no OpenCV twin.</li>
     * </ul>
     * OpenCV builds whose kernels round differently (IPP, newer SIMD kernels) may differ in a few pixels.
     *
     * @param image  (height, width) or (height, width, channels), any numeric dtype
     * @param matrix the 2x3 matrix, e.g. from {@link #getRotationMatrix2D}
     * @param width  width of the result (OpenCV's {@code dsize} is (width, height))
     * @param height height of the result
     * @return the warped image, shape (height, width) or (height, width, channels), the input's dtype
     * @throws IllegalArgumentException if the image is not 2-D or 3-D, the size is not positive, the matrix holds
     *         NaN or infinity or cannot be inverted, the dtype is bool, or the result is too large for the memory left
     */
    public static Tensor warpAffine(Tensor image, AffineMatrix matrix, int width, int height) {
        Layout layout = Layout.ofImage(image);
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("warpAffine: the output size (width, height) must be positive, got ("
                    + width + ", " + height + ")");
        }
        long[] outShape = image.rank() == 3 ? new long[] {height, width, layout.channels}
                : new long[] {height, width};
        return warp("warpAffine", image, layout, matrix, width, height, outShape);
    }

    /**
     * {@link #warpAffine(Tensor, AffineMatrix, int, int)} with the matrix as a (2, 3) tensor, as OpenCV takes a NumPy
     * array: {@code cv2.warpAffine(image, M, (width, height))}.
     *
     * @param image  (height, width) or (height, width, channels), any numeric dtype
     * @param matrix the matrix, shape {@code (2, 3)}, any numeric dtype
     * @param width  width of the result
     * @param height height of the result
     * @return the warped image, shape (height, width) or (height, width, channels), the input's dtype
     * @throws IllegalArgumentException as {@link #warpAffine(Tensor, AffineMatrix, int, int)}, or when the matrix is
     *     not {@code (2, 3)}
     */
    public static Tensor warpAffine(Tensor image, Tensor matrix, int width, int height) {
        return warpAffine(image, AffineMatrix.of(matrix), width, height);
    }

    /**
     * Rotates an image or every image of a batch by {@code degrees} (counter-clockwise when positive) about the
     * image centre {@code ((width-1)/2, (height-1)/2)}, the middle of the pixel grid, which is how OpenCV users
     * usually call {@code getRotationMatrix2D}: a square image turned by 90 degrees keeps every pixel.
     * Sizes and dtype are kept; corners that come from outside the image are 0.
     *
     * <p>Each image is warped exactly as {@link #warpAffine} (OpenCV's sampling and rounding for its dtype) with
     * {@code cv2.getRotationMatrix2D(((W-1)/2, (H-1)/2), degrees, 1)}.
     *
     * @param images (H, W) one image, (N, H, W) a batch such as MNIST, or (N, H, W, C); uint8, float32, float64
     *               (int32 and int64 as in {@link #warpAffine})
     * @param degrees the angle in degrees, counter-clockwise on screen when positive
     * @return new images of the same shape and dtype
     * @throws IllegalArgumentException for another rank, a bool dtype, a non-finite angle, or too little memory
     */
    public static Tensor rotate(Tensor images, double degrees) {
        Layout layout = Layout.ofBatch("rotate", images);
        return warpBatch("rotate", images, layout,
                getRotationMatrix2D((layout.width - 1) / 2.0, (layout.height - 1) / 2.0, degrees, 1));
    }

    /**
     * Shifts an image or every image of a batch right by {@code dx} and down by {@code dy} pixels (negative values
     * go left and up; fractions mix neighbouring pixels). Sizes and dtype are kept; what moves in from outside is 0.
     *
     * <p>Each image is warped exactly as {@link #warpAffine} with {@code [[1, 0, dx], [0, 1, dy]]}, so a fractional
     * shift is rounded to 1/32 pixel as in OpenCV.
     *
     * @param images (H, W) one image, (N, H, W) a batch such as MNIST, or (N, H, W, C); uint8, float32, float64
     *               (int32 and int64 as in {@link #warpAffine})
     * @param dx the shift to the right, in pixels (negative: left)
     * @param dy the shift down, in pixels (negative: up)
     * @return new images of the same shape and dtype
     * @throws IllegalArgumentException for another rank, a bool dtype, a non-finite shift, or too little memory
     */
    public static Tensor shift(Tensor images, double dx, double dy) {
        Layout layout = Layout.ofBatch("shift", images);
        return warpBatch("shift", images, layout, AffineMatrix.translation(dx, dy));
    }

    /** Warps every image of a batch to its own size. */
    private static Tensor warpBatch(String who, Tensor images, Layout layout, AffineMatrix matrix) {
        return warp(who, images, layout, matrix, layout.width, layout.height, images.shape().toArray());
    }

    /** Warps the images that {@code layout} describes, stored one after another, keeping the dtype. */
    private static Tensor warp(String who, Tensor images, Layout layout, AffineMatrix matrix, int outWidth,
            int outHeight, long[] outShape) {
        if (!matrix.isFinite()) {
            throw new IllegalArgumentException(who + ": the matrix must hold finite numbers, got " + matrix);
        }
        DType dtype = images.dtype();
        if (dtype == DType.BOOL) {
            throw new IllegalArgumentException(who + " works on numeric images (uint8, int32, int64, float32, "
                    + "float64), got dtype bool: convert first with astype(\"uint8\")");
        }
        int count = layout.count;
        // checked before any array is made: a huge dsize must fail with a message, not crash or overflow
        Memory.check(who, dtype.nd4j(), outShape);
        int outSize = Memory.checkJavaArray(who,
                dtype == DType.FLOAT32 || dtype == DType.UINT8 ? Float.BYTES : Double.BYTES, outShape);
        if (images.size() == 0 || outSize == 0) {
            return Tensor.zeros(outShape).astype(dtype);   // an empty batch (or image) stays empty
        }
        var warp = new BilinearWarp(matrix, layout.height, layout.width, layout.channels, outHeight, outWidth);
        if (dtype == DType.FLOAT32 || dtype == DType.UINT8) {
            float[] out = new float[outSize];   // uint8 values are exact in float32, see BilinearWarp
            warp.apply(images.toFloatArray(), out, count);
            return dtype == DType.FLOAT32 ? Tensor.of(out, outShape) : Tensor.ofUint8(toUint8(out), outShape);
        }
        double[] out = new double[outSize];
        warp.apply(images.toDoubleArray(), out, count);
        return switch (dtype) {
            case FLOAT64 -> Tensor.of(out, outShape);
            case INT32 -> Tensor.of(toInt(out), outShape);
            default -> Tensor.wrap(Nd4j.createFromArray(toLong(out)).reshape('c', outShape));
        };
    }

    /** OpenCV's fixed-point rounding: {@code (v + 2^14) >> 15}, i.e. half up, then clipped to 0..255. */
    private static byte[] toUint8(float[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) Math.max(0, Math.min(255, (int) Math.floor(values[i] + 0.5)));
        }
        return bytes;
    }

    /** Rounds half to even and clips, as OpenCV's {@code saturate_cast<int>}. */
    private static int[] toInt(double[] values) {
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ints[i] = (int) Math.rint(values[i]);   // a Java cast clips to the int range
        }
        return ints;
    }

    /** Rounds half to even and clips to the int64 range. */
    private static long[] toLong(double[] values) {
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = (long) Math.rint(values[i]);
        }
        return longs;
    }

    /** How many images of which size a tensor holds, one after another. */
    private record Layout(int count, int height, int width, int channels) {
        /** warpAffine's input: one image (H, W) or (H, W, C), as OpenCV takes it. */
        static Layout ofImage(Tensor image) {
            int[] d = image.shape().toIntArray();
            return switch (d.length) {
                case 2 -> new Layout(1, d[0], d[1], 1);
                case 3 -> new Layout(1, d[0], d[1], d[2]);
                default -> throw new IllegalArgumentException("warpAffine expects one image of shape (height, width) "
                        + "or (height, width, channels), got shape " + image.shape()
                        + (d.length == 4 ? ": for a batch use Images.rotate / Images.shift, or warp images.get(i) "
                                + "one at a time" : ""));
            };
        }

        /** rotate's and shift's input: (H, W) one image, (N, H, W) grey images such as MNIST, (N, H, W, C). */
        static Layout ofBatch(String who, Tensor images) {
            int[] d = images.shape().toIntArray();
            return switch (d.length) {
                case 2 -> new Layout(1, d[0], d[1], 1);
                case 3 -> new Layout(d[0], d[1], d[2], 1);
                case 4 -> new Layout(d[0], d[1], d[2], d[3]);
                default -> throw new IllegalArgumentException(who + " expects one image (height, width) or a batch "
                        + "(N, height, width) or (N, height, width, channels), got shape " + images.shape());
            };
        }
    }
}
