package io.github.convbook.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.tensor.DType;
import io.github.convbook.tensor.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code cv2.warpAffine} and {@code cv2.getRotationMatrix2D} on float32 and float64 images, value for value against
 * numbers OpenCV 4.6.0 computed. The numbers are pinned in {@code warp_float_reference.txt}, written by
 * {@code make_warp_float_reference.py} next to it (see its docstring); no Python or OpenCV is needed here.
 *
 * <p>OpenCV does not interpolate float images exactly: it rounds the read position to 1/32 pixel, like uint8 images,
 * and sums the four weighted pixels in the image's own precision. Every value below must be equal, not close.
 */
class WarpFloatTest {
    private static final String RESOURCE = "warp_float_reference.txt";

    /** One {@code case} record of the reference file. */
    private record Case(String name, DType dtype, int h, int w, int c, String op, double[] args, double[] matrix,
            double[] src, double[] dst) {
        Tensor source() {
            long[] shape = c == 1 ? new long[] {h, w} : new long[] {h, w, c};
            if (dtype == DType.FLOAT64) {
                return Tensor.of(src, shape);
            }
            float[] f = new float[src.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) src[i];   // exact: the file holds float32 values
            }
            return Tensor.of(f, shape);
        }
    }

    private static List<String[]> records() throws IOException {
        var in = WarpFloatTest.class.getResourceAsStream(RESOURCE);
        assertNotNull(in, RESOURCE + " is missing from the test resources");
        List<String[]> lines = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    lines.add(line.trim().split(" "));
                }
            }
        }
        return lines;
    }

    private static double[] numbers(String[] fields, int from) {
        return Arrays.stream(fields, from, fields.length).mapToDouble(Double::parseDouble).toArray();
    }

    private static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        List<String[]> lines = records();
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i);
            if (!f[0].equals("case")) {
                continue;
            }
            String op = f[6];
            double[] matrix = null;
            if (op.equals("warp")) {
                matrix = numbers(lines.get(++i), 1);
            }
            double[] src = numbers(lines.get(++i), 1);
            double[] dst = numbers(lines.get(++i), 1);
            cases.add(new Case(f[1], DType.of(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                    Integer.parseInt(f[5]), op, numbers(f, 7), matrix, src, dst));
        }
        return cases;
    }

    private static Tensor run(Case k) {
        Tensor image = k.source();
        return switch (k.op()) {
            case "warp" -> {
                double[] m = k.matrix();
                yield Images.warpAffine(image, AffineMatrix.of(m[0], m[1], m[2], m[3], m[4], m[5]),
                        (int) k.args()[0], (int) k.args()[1]);
            }
            case "rotate" -> Images.rotate(image, k.args()[0]);
            default -> Images.shift(image, k.args()[0], k.args()[1]);
        };
    }

    @TestFactory
    List<DynamicTest> warpAffineEqualsOpenCvForFloatImages() throws IOException {
        List<Case> cases = cases();
        assertEquals(16, cases.size(), "8 cases for float32 and 8 for float64");
        return cases.stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> {
            Tensor out = run(k);
            assertEquals(k.dtype(), out.dtype(), "warpAffine keeps the dtype, as OpenCV");
            if (k.dtype() == DType.FLOAT64) {
                assertArrayEquals(k.dst(), out.toDoubleArray(), 0.0, k.name());
            } else {
                float[] expected = new float[k.dst().length];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = (float) k.dst()[i];
                }
                assertArrayEquals(expected, out.toFloatArray(), 0f, k.name());
            }
        })).toList();
    }

    @Test
    void getRotationMatrix2DEqualsOpenCvBitForBit() throws IOException {
        int seen = 0;
        for (String[] f : records()) {
            if (f[0].equals("rotmat")) {
                double[] n = numbers(f, 1);
                AffineMatrix m = Images.getRotationMatrix2D(n[0], n[1], n[2], n[3]);
                double[] expected = Arrays.copyOfRange(n, 4, 10);
                double[] actual = m.toTensor().toDoubleArray();
                assertArrayEquals(expected, actual, 0.0, () -> "getRotationMatrix2D(" + n[0] + ", " + n[1] + ", "
                        + n[2] + ", " + n[3] + ")");
                assertEquals(DType.FLOAT64, m.toTensor().dtype());
                seen++;
            }
        }
        assertEquals(5, seen);
    }

    @Test
    void floatImagesAreReadAtOpenCvsOneThirtySecondPixelNotExactly() {
        // A shift by 0.3 pixel: OpenCV reads 0.3125 (10/32) pixel to the left, so a step edge 0 | 1 becomes
        // 0.3125, not 0.3 as exact bilinear interpolation would give (cv2.warpAffine: 0.3125).
        float[] edge = {0, 0, 1, 1};
        Tensor out = Images.warpAffine(Tensor.of(edge, 1, 4), AffineMatrix.translation(0.3, 0), 4, 1);
        assertArrayEquals(new float[] {0, 0, 0.6875f, 1}, out.toFloatArray(), 0f);
        Tensor out64 = Images.warpAffine(Tensor.of(new double[] {0, 0, 1, 1}, 1, 4),
                AffineMatrix.translation(0.3, 0), 4, 1);
        assertArrayEquals(new double[] {0, 0, 0.6875, 1}, out64.toDoubleArray(), 0.0);
    }

    @Test
    void pixelsNearTheBorderAreMixedWithZero() {
        // Half a pixel right: the first column mixes the border value 0 with pixel 0; the last source pixel's
        // right neighbour is outside, so the image loses half of it (OpenCV: [2.0, 6.0, 10.0]).
        Tensor row = Tensor.of(new float[] {4, 8, 12}, 1, 3);
        assertArrayEquals(new float[] {2, 6, 10}, Images.shift(row, 0.5, 0).toFloatArray(), 0f);
        // A pixel whose 2x2 neighbourhood lies wholly outside is the border value.
        assertArrayEquals(new float[] {0, 0, 0}, Images.shift(row, 5, 0).toFloatArray(), 0f);
    }

    @Test
    void floatResultsAreSummedInTheImagesOwnPrecision() {
        // float32 images are summed in float32 (OpenCV's WT = float), float64 in float64: the same pixels at
        // the same position give results that differ in the last float32 bits, as they do in OpenCV.
        float third = 1f / 3;
        Tensor f32 = Tensor.of(new float[] {third, 0.1f, 0.7f, 0.9f}, 2, 2);
        AffineMatrix m = AffineMatrix.of(1, 0, -0.40625, 0, 1, -0.71875);
        float got = Images.warpAffine(f32, m, 1, 1).toFloatArray()[0];
        // ((v00*w0 + v01*w1) + v10*w2) + v11*w3 with fx = 13/32, fy = 23/32, all in float
        float fx = 13 / 32f, fy = 23 / 32f;
        float expected = third * ((1 - fy) * (1 - fx)) + 0.1f * ((1 - fy) * fx) + 0.7f * (fy * (1 - fx))
                + 0.9f * (fy * fx);
        assertEquals(expected, got, 0f);
        assertEquals(0.62861323f, got, 0f);   // cv2.warpAffine(np.float32(...), M, (1, 1))
        double got64 = Images.warpAffine(f32.astype(DType.FLOAT64), m, 1, 1).toDoubleArray()[0];
        double expected64 = (double) third * ((1 - fy) * (1 - fx)) + (double) 0.1f * ((1 - fy) * fx)
                + (double) 0.7f * (fy * (1 - fx)) + (double) 0.9f * (fy * fx);
        assertEquals(expected64, got64, 0.0);
        assertEquals(0.6286132710301899, got64, 0.0);   // the same image as float64
        assertTrue(Math.abs(got64 - got) < 1e-6);
    }
}
