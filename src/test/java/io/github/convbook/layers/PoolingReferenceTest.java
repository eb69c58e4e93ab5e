package io.github.convbook.layers;

import static io.github.convbook.layers.ReferenceSupport.BATCH;
import static io.github.convbook.layers.ReferenceSupport.applyWith;
import static io.github.convbook.layers.ReferenceSupport.assertMatches;
import static io.github.convbook.layers.ReferenceSupport.toArray4;
import static io.github.convbook.layers.ReferenceSupport.uniform;

import io.github.convbook.layers.loops.Array4;
import io.github.convbook.layers.loops.PoolingLoops;
import io.github.convbook.layers.loops.UpSamplingLoops;
import io.github.convbook.tensor.DType;
import io.github.convbook.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** MaxPooling2D, AveragePooling2D and UpSampling2D against {@link PoolingLoops} and {@link UpSamplingLoops}. */
class PoolingReferenceTest {

    /** One pooling configuration; stride 0 leaves the layer's default (the pool size). */
    record PoolCase(int pool, int stride, String padding, int height, int width, int channels, DType dtype) {
        boolean same() {
            return padding.equals("same");
        }

        int[] pools() {
            return new int[] {pool, pool};
        }

        int[] strides() {
            return stride == 0 ? pools() : new int[] {stride, stride};
        }

        @Override
        public String toString() {
            return "pool " + pool + (stride == 0 ? " default strides" : " strides " + stride) + " " + padding
                    + " input " + BATCH + "x" + height + "x" + width + "x" + channels + " " + dtype;
        }
    }

    /** Pool sizes {1,2,3} x strides {default,1,2,3} x padding x input sizes x channels {1,3} x dtype. */
    static Stream<PoolCase> poolCases() {
        List<PoolCase> cases = new ArrayList<>();
        for (int pool : new int[] {1, 2, 3}) {
            for (int stride : new int[] {0, 1, 2, 3}) {
                for (String padding : new String[] {"valid", "same"}) {
                    for (int[] size : ReferenceSupport.INPUT_SIZES) {
                        for (int channels : new int[] {1, 3}) {
                            for (DType dtype : ReferenceSupport.DTYPES) {
                                cases.add(new PoolCase(pool, stride, padding, size[0], size[1], channels, dtype));
                            }
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poolCases")
    void maxPooling2dMatchesReference(PoolCase c) {
        checkPool(c, new MaxPooling2D(c.pool()), x -> PoolingLoops.maxPool(x, c.pools(), c.strides(), c.same()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poolCases")
    void averagePooling2dMatchesReference(PoolCase c) {
        checkPool(c, new AveragePooling2D(c.pool()), x -> PoolingLoops.avgPool(x, c.pools(), c.strides(), c.same()));
    }

    private static <T extends Pooling2D<T>> void checkPool(PoolCase c, T layer, Function<Array4, Array4> reference) {
        layer.padding(c.padding()).dtype(c.dtype().toString());
        if (c.stride() > 0) {
            layer.strides(c.stride());
        }
        check(c, layer, c.height(), c.width(), c.channels(), c.dtype(), reference);
    }

    /** One UpSampling2D size; {@code toString} names the test. */
    record UpCase(int sh, int sw, int height, int width, int channels, DType dtype) {
        @Override
        public String toString() {
            return "size " + sh + "x" + sw + " input " + BATCH + "x" + height + "x" + width + "x" + channels
                    + " " + dtype;
        }
    }

    /** Sizes 2 and (2, 3) x input sizes x channels {1,3} x dtype. */
    static Stream<UpCase> upCases() {
        List<UpCase> cases = new ArrayList<>();
        for (int[] factor : new int[][] {{2, 2}, {2, 3}}) {
            for (int[] size : ReferenceSupport.INPUT_SIZES) {
                for (int channels : new int[] {1, 3}) {
                    for (DType dtype : ReferenceSupport.DTYPES) {
                        cases.add(new UpCase(factor[0], factor[1], size[0], size[1], channels, dtype));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("upCases")
    void upSampling2dMatchesReference(UpCase c) {
        UpSampling2D layer = c.sh() == c.sw() ? new UpSampling2D(c.sh()) : new UpSampling2D().size(c.sh(), c.sw());
        layer.dtype(c.dtype().toString());
        check(c, layer, c.height(), c.width(), c.channels(), c.dtype(),
                x -> UpSamplingLoops.nearest(x, new int[] {c.sh(), c.sw()}));
    }

    /** Runs {@code layer} on a random batch seeded by the case and compares it with the reference. */
    private static void check(Object testCase, Layer layer, int height, int width, int channels, DType dtype,
                              Function<Array4, Array4> reference) {
        Tensor x = uniform(ReferenceSupport.random(testCase), dtype, BATCH, height, width, channels);
        Tensor y = applyWith(layer, x);
        assertMatches(testCase, reference.apply(toArray4(x)), y, layer, x.shape(), dtype);
    }
}
