package io.github.convbook.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.convbook.layers.loops.Array4;
import io.github.convbook.tensor.DType;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/** Inputs, conversions and the comparison shared by the reference tests. */
final class ReferenceSupport {
    /** (height, width) of the inputs: odd and even, never square, so swapped axes or a lost pixel show. */
    static final int[][] INPUT_SIZES = {{7, 6}, {7, 9}, {8, 6}, {8, 9}};
    static final int BATCH = 2;
    /** float32 is what notebooks use (oneDNN kernels); float64 takes libnd4j's own kernels and a tighter tolerance. */
    static final DType[] DTYPES = {DType.FLOAT32, DType.FLOAT64};
    private static final long SEED = 20240611L;

    private ReferenceSupport() {
    }

    /** A generator seeded by the case's name, so each case sees the same numbers whatever runs before it. */
    static Random random(Object testCase) {
        return new Random(SEED ^ testCase.toString().hashCode());
    }

    /** Uniform values in [-1, 1) of the given dtype. */
    static Tensor uniform(Random random, DType dtype, int... shape) {
        double[] values = new double[Math.toIntExact(Shape.of(shape).size())];
        for (int k = 0; k < values.length; k++) {
            values[k] = 2 * random.nextDouble() - 1;
        }
        return Tensor.of(values, shape).astype(dtype);
    }

    static Array4 toArray4(Tensor t) {
        int[] s = t.shape().toIntArray();
        return new Array4(s[0], s[1], s[2], s[3], t.toDoubleArray());
    }

    /** A (rows, columns) array's values laid out row-major, as a tensor's {@code toDoubleArray()}. */
    static double[] flat(double[][] rows) {
        return Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray();
    }

    /** Builds {@code layer} on {@code x}, installs {@code weights}, and returns its eager output. */
    static Tensor applyWith(Layer layer, Tensor x, Tensor... weights) {
        layer.ensureBuilt(x.shape());
        if (weights.length > 0) {
            layer.setWeights(weights);
        }
        return layer.apply(x);
    }

    /** float32 rounds a sum of a few dozen products of values ~1 to about 1e-6; float64 to about 1e-14. */
    static double tolerance(DType dtype) {
        return dtype == DType.FLOAT64 ? 1e-10 : 1e-5;
    }

    /**
     * Every value of {@code actual} within {@code tolerance * max(1, |expected|)} of the reference, and both the
     * eager shape and the layer's symbolic {@code computeOutputShape} equal to the reference's shape.
     * Messages start with the case, as build tools often show only a parameterized test's index.
     */
    static void assertMatches(Object testCase, Array4 expected, Tensor actual, Layer layer, Shape inputShape,
                              DType dtype) {
        Shape shape = Shape.of(expected.shape());
        assertEquals(shape, actual.shape(), testCase + ": eager output shape");
        assertEquals(shape, layer.computeOutputShape(inputShape), testCase + ": computeOutputShape");
        assertEquals(dtype, actual.dtype(), testCase + ": output dtype");
        double[] got = actual.toDoubleArray();
        double[] want = expected.values();
        double tolerance = tolerance(dtype);
        int[] bad = IntStream.range(0, want.length)
                .filter(k -> !(Math.abs(got[k] - want[k]) <= tolerance * Math.max(1, Math.abs(want[k])))).toArray();
        if (bad.length > 0) {
            int k = bad[0];
            fail(testCase + ": " + bad.length + " of " + want.length + " values differ; first at flat index " + k
                    + " " + position(k, shape) + ": expected " + want[k] + ", got " + got[k]);
        }
    }

    private static String position(int flat, Shape shape) {
        long[] dims = shape.toArray();
        long[] at = new long[dims.length];
        for (int d = dims.length - 1; d >= 0; d--) {
            at[d] = flat % dims[d];
            flat /= (int) dims[d];
        }
        return Shape.of(at).toString();
    }
}
