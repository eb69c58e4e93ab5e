package io.github.convbook.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.tensor.DType;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImagesTest {
    private static final double EPS = 1e-5;

    /** A (h, w) float32 image of zeros with the given pixels set: {x, y, value} triples. */
    private static Tensor floatImage(int h, int w, int... xyValue) {
        float[] v = new float[h * w];
        for (int i = 0; i < xyValue.length; i += 3) {
            v[xyValue[i + 1] * w + xyValue[i]] = xyValue[i + 2];
        }
        return Tensor.of(v, h, w);
    }

    private static Tensor uint8Image(int h, int w, int... xyValue) {
        return floatImage(h, w, xyValue).astype(DType.UINT8);
    }

    /** The value at column x, row y of a (h, w) image. */
    private static double at(Tensor image, int x, int y) {
        return image.getDouble(y, x);
    }

    // ------------------------------------------------------------------ getRotationMatrix2D

    @Test
    void rotationMatrixOfTheLectureMatchesHandComputedValues() {
        AffineMatrix m = Images.getRotationMatrix2D(20, 25, 20, 1);
        // alpha = cos 20deg, beta = sin 20deg
        double alpha = 0.9396926207859084;
        double beta = 0.3420201433256687;
        // (1 - alpha) * 20 - beta * 25 = 1.2061475842818320 - 8.5505035831417175
        double m02 = -7.3443559988598855;
        // beta * 20 + (1 - alpha) * 25 = 6.8404028665133740 + 1.5076844803522900
        double m12 = 8.3480873468656640;
        double[] expected = {alpha, beta, m02, -beta, alpha, m12};
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], m.get(i / 3, i % 3), 1e-12, "M[" + i / 3 + ", " + i % 3 + "]");
        }
        Tensor t = m.toTensor();
        assertEquals(Shape.of(2, 3), t.shape());
        assertEquals(DType.FLOAT64, t.dtype());
    }

    @Test
    void matrixEntriesCanBeEditedAsInTheLecture() {
        AffineMatrix m = Images.getRotationMatrix2D(20, 25, 20, 1);
        double before = m.get(0, 2);
        m.set(0, 2, m.get(0, 2) + 3);   // M[0, 2] = M[0, 2] + 3
        m.set(1, 2, m.get(1, 2) + 3);   // M[1, 2] = M[1, 2] + 3
        assertEquals(before + 3, m.get(0, 2), 0);
        assertEquals(8.3480873468656640 + 3, m.get(1, 2), 1e-12);
        assertEquals(before + 3, m.toTensor().getDouble(0, 2), 0);
        assertTrue(m.toString().contains("float64"));
    }

    @Test
    void inverseUndoesTheMatrix() {
        AffineMatrix m = Images.getRotationMatrix2D(3, 4, 33, 1.5).set(0, 2, 2.5);
        AffineMatrix inv = m.inverse();
        double x = 7, y = -2;
        double u = m.get(0, 0) * x + m.get(0, 1) * y + m.get(0, 2);
        double v = m.get(1, 0) * x + m.get(1, 1) * y + m.get(1, 2);
        assertEquals(x, inv.get(0, 0) * u + inv.get(0, 1) * v + inv.get(0, 2), 1e-12);
        assertEquals(y, inv.get(1, 0) * u + inv.get(1, 1) * v + inv.get(1, 2), 1e-12);
    }

    // ------------------------------------------------------------------ warpAffine by hand

    @Test
    void rotatingBy90DegreesAboutTheCentreMovesPixelsExactly() {
        // About (2, 2) by +90 degrees (counter-clockwise on screen): source (x, y) lands on (y, 4 - x).
        AffineMatrix m = Images.getRotationMatrix2D(2, 2, 90, 1);
        int[] pixels = {4, 2, 10, 1, 0, 20, 3, 3, 30};   // (x, y, value)
        for (Tensor image : new Tensor[] {floatImage(5, 5, pixels), uint8Image(5, 5, pixels)}) {
            Tensor out = Images.warpAffine(image, m, 5, 5);
            assertEquals(image.dtype(), out.dtype());
            assertEquals(Shape.of(5, 5), out.shape());
            Tensor expected = floatImage(5, 5, 2, 0, 10, 0, 3, 20, 3, 1, 30);   // right-middle goes to top-middle
            assertTrue(out.astype(DType.FLOAT32).allClose(expected, EPS), () -> "got\n" + out);
        }
    }

    @Test
    void rotatingBy45DegreesMixesTheFourNearestPixels() {
        // About (1, 1) by 45 degrees, destination (2, 1) reads the source at
        // (1 + cos 45, 1 + sin 45) = (1.7071, 1.7071): between pixels (1..2, 1..2), 0.7071 of the way.
        AffineMatrix m = Images.getRotationMatrix2D(1, 1, 45, 1);

        // A single bright pixel at (2, 2) contributes fx * fy of its value; OpenCV rounds the read position to 1/32 of
        // a pixel (0.7071 -> 23/32), so the weight is (23/32)^2 = 529/1024, not 0.5 (cv2 4.6 gives 51.66015625).
        Tensor out = Images.warpAffine(floatImage(3, 3, 2, 2, 100), m, 3, 3);
        assertEquals(100 * 529.0 / 1024, at(out, 2, 1), EPS);

        // Bilinear interpolation reproduces a linear ramp, value = x + 10 y + 1, at the rounded position
        // (1 + 23/32, 1 + 23/32).
        float[] ramp = new float[9];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                ramp[y * 3 + x] = x + 10 * y + 1;
            }
        }
        double s = 23.0 / 32;
        out = Images.warpAffine(Tensor.of(ramp, 3, 3), m, 3, 3);
        assertEquals((1 + s) + 10 * (1 + s) + 1, at(out, 2, 1), EPS);

        // uint8 follows OpenCV's fixed point: 0.7071 is rounded to 23/32 pixel, so the weight is
        // (23 * 23) / 1024 = 0.5166 and 100 * 0.5166 = 51.66 rounds to 52.
        Tensor out8 = Images.warpAffine(uint8Image(3, 3, 2, 2, 100), m, 3, 3);
        assertEquals(DType.UINT8, out8.dtype());
        assertEquals(52, at(out8, 2, 1));
    }

    @Test
    void integerTranslationMovesEveryPixel() {
        // [[1, 0, 1], [0, 1, 2]]: right by 1, down by 2; what leaves the image is gone, what enters is 0.
        AffineMatrix m = AffineMatrix.of(1, 0, 1, 0, 1, 2);
        int[] pixels = {0, 0, 5, 3, 1, 7, 1, 3, 9};
        Tensor expected = floatImage(4, 4, 1, 2, 5);   // (3,1) -> (4,3) and (1,3) -> (2,5) fall outside
        assertTrue(Images.warpAffine(floatImage(4, 4, pixels), m, 4, 4).allClose(expected, 0));
        assertTrue(Images.warpAffine(uint8Image(4, 4, pixels), m, 4, 4).astype(DType.FLOAT32).allClose(expected, 0));
        assertTrue(Images.shift(floatImage(4, 4, pixels), 1, 2).allClose(expected, 0));
    }

    @Test
    void fractionalTranslationSharesAPixelBetweenNeighbours() {
        Tensor image = floatImage(3, 4, 1, 1, 100);
        // Right by 0.5: destination x reads source x - 0.5, half of each neighbour.
        Tensor half = Images.shift(image, 0.5, 0);
        assertTrue(half.allClose(floatImage(3, 4, 1, 1, 50, 2, 1, 50), EPS), () -> "got\n" + half);
        // Right by 0.25: 75 stays, 25 spills over to the right.
        Tensor quarter = Images.shift(image, 0.25, 0);
        assertTrue(quarter.allClose(floatImage(3, 4, 1, 1, 75, 2, 1, 25), EPS), () -> "got\n" + quarter);
        // Up by 0.5 (negative dy).
        Tensor up = Images.shift(image, 0, -0.5);
        assertTrue(up.allClose(floatImage(3, 4, 1, 0, 50, 1, 1, 50), EPS), () -> "got\n" + up);
        // uint8: quarters are exact multiples of 1/32, so the fixed-point result is exact too.
        Tensor quarter8 = Images.shift(image.astype(DType.UINT8), 0.25, 0);
        assertEquals(DType.UINT8, quarter8.dtype());
        assertArrayEquals(quarter.toIntArray(), quarter8.toIntArray());
    }

    @Test
    void uint8ResultEqualsOpenCv() {
        // Expected output from OpenCV 4.6.0:
        //   M = cv2.getRotationMatrix2D((3, 4), 20, 1); M[0, 2] += 1.5; M[1, 2] += 0.75
        //   cv2.warpAffine(img, M, (7, 9))      with img[y, x] = (37 * (8y + x)) % 256
        byte[] pixels = new byte[64];
        for (int i = 0; i < 64; i++) {
            pixels[i] = (byte) (37 * i % 256);
        }
        AffineMatrix m = Images.getRotationMatrix2D(3, 4, 20, 1);
        m.set(0, 2, m.get(0, 2) + 1.5);
        m.set(1, 2, m.get(1, 2) + 0.75);
        Tensor out = Images.warpAffine(Tensor.ofUint8(pixels, 8, 8), m, 7, 9);
        assertEquals(Shape.of(9, 7), out.shape());
        int[] openCv = {
            0, 0, 0, 4, 58, 135, 202,
            0, 10, 45, 103, 154, 202, 74,
            0, 33, 81, 130, 178, 165, 30,
            12, 58, 106, 155, 197, 108, 44,
            2, 81, 131, 179, 203, 59, 69,
            0, 76, 156, 204, 132, 45, 94,
            0, 45, 181, 203, 21, 70, 118,
            0, 0, 184, 130, 50, 95, 143,
            0, 0, 106, 86, 71, 86, 64};
        assertArrayEquals(openCv, out.toIntArray());
    }

    @Test
    void colourImagesWarpEveryChannel() {
        float[] v = new float[4 * 4 * 3];
        v[(1 * 4 + 0) * 3] = 10;       // (x=0, y=1) red
        v[(1 * 4 + 0) * 3 + 2] = 30;   // (x=0, y=1) blue
        Tensor out = Images.warpAffine(Tensor.of(v, 4, 4, 3), AffineMatrix.translation(2, 0), 5, 3);
        assertEquals(Shape.of(3, 5, 3), out.shape());
        assertEquals(10, out.getDouble(1, 2, 0), 0);
        assertEquals(0, out.getDouble(1, 2, 1), 0);
        assertEquals(30, out.getDouble(1, 2, 2), 0);
        assertEquals(40, out.sum(), 0);
    }

    @Test
    void matrixMayBeATensor() {
        Tensor m = Tensor.of(new double[][] {{1, 0, 1}, {0, 1, 0}});
        Tensor out = Images.warpAffine(floatImage(2, 3, 0, 0, 4), m, 3, 2);
        assertTrue(out.allClose(floatImage(2, 3, 1, 0, 4), 0));
    }

    // ------------------------------------------------------------------ rotate and shift

    @Test
    void rotatingByZeroDegreesIsTheIdentity() {
        Random random = new Random(1);
        byte[] bytes = new byte[3 * 28 * 28];
        random.nextBytes(bytes);   // all of 0..255, including values above 127
        Tensor images = Tensor.ofUint8(bytes, 3, 28, 28);
        Tensor same = Images.rotate(images, 0);
        assertEquals(DType.UINT8, same.dtype());
        assertArrayEquals(images.toIntArray(), same.toIntArray());

        Tensor floats = images.astype(DType.FLOAT32).div(255);
        assertArrayEquals(floats.toFloatArray(), Images.rotate(floats, 0).toFloatArray(), 0f);
        Tensor doubles = floats.astype(DType.FLOAT64);
        assertArrayEquals(doubles.toDoubleArray(), Images.rotate(doubles, 0).toDoubleArray(), 0);
    }

    @Test
    void rotatingFourTimesBy90DegreesGivesTheImageBack() {
        Random random = new Random(2);
        float[] v = new float[6 * 6];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(256);
        }
        Tensor image = Tensor.of(v, 6, 6);
        Tensor turned = image;
        for (int i = 0; i < 4; i++) {
            turned = Images.rotate(turned, 90);   // about (2.5, 2.5), the middle of the pixel grid
        }
        assertTrue(turned.allClose(image, 1e-3));
    }

    @Test
    void batchesKeepTheirShapeAndDtype() {
        Tensor gray = Tensor.ofUint8(new byte[5 * 28 * 28], 5, 28, 28);
        assertEquals(Shape.of(5, 28, 28), Images.rotate(gray, 15).shape());
        assertEquals(DType.UINT8, Images.shift(gray, 2, -3).dtype());

        Tensor channels = Tensor.zeros(5, 28, 28, 1);
        assertEquals(Shape.of(5, 28, 28, 1), Images.rotate(channels, 15).shape());
        assertEquals(DType.FLOAT32, Images.shift(channels, 1.5, 0).dtype());

        Tensor single = Tensor.zeros(28, 28).astype(DType.INT32);
        assertEquals(Shape.of(28, 28), Images.rotate(single, 30).shape());
        assertEquals(DType.INT32, Images.rotate(single, 30).dtype());
        assertEquals(DType.FLOAT64, Images.shift(single.astype(DType.FLOAT64), 1, 1).dtype());
        assertEquals(DType.INT64, Images.shift(single.astype(DType.INT64), 1, 1).dtype());

        assertEquals(Shape.of(0, 28, 28), Images.rotate(Tensor.zeros(0, 28, 28), 10).shape());
    }

    @Test
    void aBatchIsWarpedImageByImage() {
        Random random = new Random(3);
        byte[] bytes = new byte[4 * 10 * 12];
        random.nextBytes(bytes);
        Tensor batch = Tensor.ofUint8(bytes, 4, 10, 12);
        Tensor rotated = Images.rotate(batch, 20);
        AffineMatrix m = Images.getRotationMatrix2D(5.5, 4.5, 20, 1);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(Images.warpAffine(batch.get(i), m, 12, 10).toIntArray(), rotated.get(i).toIntArray());
        }
    }

    @Test
    void tenThousandDigitsRotateQuickly() {
        byte[] bytes = new byte[10_000 * 28 * 28];
        new Random(4).nextBytes(bytes);
        Tensor images = Tensor.ofUint8(bytes, 10_000, 28, 28);
        Images.rotate(images.slice(0, 100), 20);   // warm up the JIT
        long start = System.nanoTime();
        Tensor rotated = Images.rotate(images, 20);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(Shape.of(10_000, 28, 28), rotated.shape());
        assertTrue(seconds < 3, "rotating 10,000 digits took " + seconds + " s");
    }

    // ------------------------------------------------------------------ errors

    @Test
    void wrongMatrixShapeIsNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Images.warpAffine(Tensor.zeros(4, 4), Tensor.zeros(3, 3), 4, 4));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(3, 3)"), e.getMessage());
        var index = assertThrows(IndexOutOfBoundsException.class, () -> AffineMatrix.translation(1, 1).get(2, 0));
        assertTrue(index.getMessage().contains("[2, 0]"), index.getMessage());
    }

    @Test
    void wrongImageRankIsNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Images.warpAffine(Tensor.zeros(2, 4, 4, 1), AffineMatrix.translation(1, 1), 4, 4));
        assertTrue(e.getMessage().contains("(height, width)") && e.getMessage().contains("(2, 4, 4, 1)"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Images.rotate(Tensor.zeros(784), 10));
        assertTrue(e.getMessage().contains("rotate") && e.getMessage().contains("(784,)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Images.shift(Tensor.zeros(1, 2, 3, 4, 5), 1, 1));
        assertTrue(e.getMessage().contains("shift") && e.getMessage().contains("(1, 2, 3, 4, 5)"), e.getMessage());
    }

    @Test
    void nonPositiveSizesAreRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Images.warpAffine(Tensor.zeros(4, 4), AffineMatrix.translation(1, 1), 0, 4));
        assertTrue(e.getMessage().contains("(0, 4)"), e.getMessage());
    }

    @Test
    void aMatrixThatCannotBeInvertedIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Images.warpAffine(Tensor.zeros(4, 4), AffineMatrix.of(1, 2, 0, 2, 4, 0), 4, 4));
        assertTrue(e.getMessage().contains("determinant 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Images.warpAffine(Tensor.zeros(4, 4), AffineMatrix.translation(Double.NaN, 0), 4, 4));
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
    }
}
