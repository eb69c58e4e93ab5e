package io.github.convbook.layers;

import static io.github.convbook.layers.ReferenceSupport.applyWith;
import static io.github.convbook.layers.ReferenceSupport.assertMatches;
import static io.github.convbook.layers.ReferenceSupport.toArray4;
import static io.github.convbook.layers.ReferenceSupport.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.layers.loops.Array4;
import io.github.convbook.layers.loops.Conv2DTransposeLoops;
import io.github.convbook.tensor.DType;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Conv2DTranspose's {@code outputPadding} (Keras's {@code output_padding}) against {@link Conv2DTransposeLoops}. */
class OutputPaddingTest {

    record Case(int kernel, int stride, String padding, int outputPadding, DType dtype) {
        boolean same() {
            return padding.equals("same");
        }

        /** TensorFlow cannot compute "same" with an even kernel and output padding 0 (see Conv2DTranspose). */
        boolean refused() {
            return same() && kernel % 2 == 0 && outputPadding == 0;
        }

        @Override
        public String toString() {
            return "kernel " + kernel + " stride " + stride + " " + padding + " output padding " + outputPadding
                    + " " + dtype;
        }
    }

    /** Kernels 1-3, strides 1-3, valid and same, every output padding below the stride, float32 and float64. */
    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (int kernel = 1; kernel <= 3; kernel++) {
            for (int stride = 1; stride <= 3; stride++) {
                for (String padding : new String[] {"valid", "same"}) {
                    for (int op = 0; op < stride; op++) {
                        for (DType dtype : ReferenceSupport.DTYPES) {
                            cases.add(new Case(kernel, stride, padding, op, dtype));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    private static Conv2DTranspose layer(Case c, int filters) {
        Conv2DTranspose layer = new Conv2DTranspose(filters, c.kernel()).strides(c.stride()).padding(c.padding())
                .outputPadding(c.outputPadding());
        layer.dtype(c.dtype().toString());
        return layer;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesReference(Case c) {
        Random random = ReferenceSupport.random("outputPadding " + c);
        Tensor x = uniform(random, c.dtype(), 2, 5, 4, 3);
        Tensor kernel = uniform(random, c.dtype(), c.kernel(), c.kernel(), 2, 3);
        Tensor bias = uniform(random, c.dtype(), 2);
        Conv2DTranspose layer = layer(c, 2);
        if (c.refused()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> layer.apply(x));
            assertTrue(e.getMessage().contains("TensorFlow cannot produce"), e.getMessage());
            return;
        }
        Tensor y = applyWith(layer, x, kernel, bias);
        int[] op = {c.outputPadding(), c.outputPadding()};
        Array4 expected = Conv2DTransposeLoops.conv2dTranspose(toArray4(x), toArray4(kernel), bias.toDoubleArray(),
                new int[] {c.stride(), c.stride()}, new int[] {1, 1}, c.same(), op);
        assertMatches(c, expected, y, layer, x.shape(), c.dtype());
    }

    /** Rectangular strides and paddings, no bias: catches swapped axes. */
    @Test
    void rectangularWithoutBias() {
        for (DType dtype : ReferenceSupport.DTYPES) {
            Random random = ReferenceSupport.random("rectangular " + dtype);
            Tensor x = uniform(random, dtype, 2, 4, 6, 2);
            Tensor kernel = uniform(random, dtype, 3, 2, 3, 2);
            for (String padding : new String[] {"valid", "same"}) {
                Conv2DTranspose layer = new Conv2DTranspose(3, 1).kernelSize(3, 2).strides(2, 3).padding(padding)
                        .outputPadding(1, 2).useBias(false);
                layer.dtype(dtype.toString());
                Tensor y = applyWith(layer, x, kernel);
                Array4 expected = Conv2DTransposeLoops.conv2dTranspose(toArray4(x), toArray4(kernel), null,
                        new int[] {2, 3}, new int[] {1, 1}, padding.equals("same"), new int[] {1, 2});
                assertMatches(padding + " " + dtype, expected, y, layer, x.shape(), dtype);
            }
        }
    }

    /**
     * Dilation needs stride 1, so output padding 0: the explicit length (N - 1) + F - 2 * pad, F the dilated kernel.
     */
    @Test
    void dilatedWithOutputPaddingZero() {
        for (DType dtype : ReferenceSupport.DTYPES) {
            for (String padding : new String[] {"valid", "same"}) {
                Random random = ReferenceSupport.random("dilated " + padding + " " + dtype);
                Tensor x = uniform(random, dtype, 2, 6, 5, 2);
                Tensor kernel = uniform(random, dtype, 3, 3, 2, 2);
                Tensor bias = uniform(random, dtype, 2);
                Conv2DTranspose layer = new Conv2DTranspose(2, 3).dilationRate(2).padding(padding).outputPadding(0);
                layer.dtype(dtype.toString());
                Tensor y = applyWith(layer, x, kernel, bias);
                Array4 expected = Conv2DTransposeLoops.conv2dTranspose(toArray4(x), toArray4(kernel),
                        bias.toDoubleArray(), new int[] {1, 1}, new int[] {2, 2}, padding.equals("same"),
                        new int[] {0, 0});
                assertMatches("dilated " + padding + " " + dtype, expected, y, layer, x.shape(), dtype);
            }
        }
        GradientCheck.check(new Conv2DTranspose(2, 2).dilationRate(2).outputPadding(0).dtype("float64"),
                new long[] {1, 3, 4, 2}, 43);
    }

    /**
     * The loops' two length rules: where Keras's explicit length equals the inferred one (valid with output padding 0
     * and a kernel at least the stride; same with an odd kernel and output padding stride - 1), an explicit output
     * padding gives what {@code output_padding=None} gives.
     */
    @Test
    void explicitOutputPaddingAgreesWithNoneWhereTheLengthsAgree() {
        Random random = new Random(11);
        Array4 x = toArray4(uniform(random, DType.FLOAT64, 1, 5, 4, 2));
        for (int stride = 1; stride <= 3; stride++) {
            for (int k = 1; k <= 5; k++) {
                Array4 kernel = toArray4(uniform(random, DType.FLOAT64, k, k, 3, 2));
                int[] s = {stride, stride};
                int[] d = {1, 1};
                if (k >= stride) {
                    assertArrayEquals(Conv2DTransposeLoops.conv2dTranspose(x, kernel, null, s, d, false).values(),
                            Conv2DTransposeLoops.conv2dTranspose(x, kernel, null, s, d, false, new int[] {0, 0})
                                    .values(), 1e-12, "valid k " + k + " s " + stride);
                }
                if (k % 2 == 1) {
                    int[] op = {stride - 1, stride - 1};
                    assertArrayEquals(Conv2DTransposeLoops.conv2dTranspose(x, kernel, null, s, d, true).values(),
                            Conv2DTransposeLoops.conv2dTranspose(x, kernel, null, s, d, true, op).values(), 1e-12,
                            "same k " + k + " s " + stride);
                }
            }
        }
    }

    @Test
    void outputShapesFollowKerasDeconvOutputLength() {
        Shape in = Shape.of(Shape.UNKNOWN, 7, 7, 4);
        // (7 - 1) * 2 + 3 - 2 * 1 + 1 = 14
        assertEquals(Shape.of(Shape.UNKNOWN, 14, 14, 8),
                new Conv2DTranspose(8, 3).strides(2).padding("same").outputPadding(1).computeOutputShape(in));
        // (7 - 1) * 2 + 3 + 1 = 16, one more than without output padding
        assertEquals(Shape.of(Shape.UNKNOWN, 16, 16, 8),
                new Conv2DTranspose(8, 3).strides(2).outputPadding(1).computeOutputShape(in));
        assertEquals(Shape.of(Shape.UNKNOWN, 15, 15, 8), new Conv2DTranspose(8, 3).strides(2).computeOutputShape(in));
        // (7 - 1) * 3 + 1 - 0 + 2 = 21 per axis with a pair (2, 0): 21 and 19
        assertEquals(Shape.of(Shape.UNKNOWN, 21, 19, 8),
                new Conv2DTranspose(8, 1).strides(3).padding("same").outputPadding(2, 0).computeOutputShape(in));
        // a known batch and unknown sizes pass through
        assertEquals(Shape.of(32, -1, 16, 8),
                new Conv2DTranspose(8, 3).strides(2).outputPadding(1).computeOutputShape(Shape.of(32, -1, 7, 4)));
        // (5 - 1) * 3 + 2 - 2 * 1 + 1 = 13 and (4 - 1) * 3 + 1 = 10; symbolic and eager agree
        Conv2DTranspose layer = new Conv2DTranspose(2, 2).strides(3).padding("same").outputPadding(1);
        assertEquals(Shape.of(2, 13, 10, 2), layer.apply(Tensor.zeros(2, 5, 4, 1)).shape());
    }

    @Test
    void outputPaddingMustBeSmallerThanTheStride() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Conv2DTranspose(4, 3).strides(2).outputPadding(2));
        assertTrue(e.getMessage().contains("strides [2, 2] must be greater than output padding [2, 2]"),
                e.getMessage());
        // the default stride 1 allows only 0
        assertThrows(IllegalArgumentException.class, () -> new Conv2DTranspose(4, 3).outputPadding(1));
        // strides set after the output padding are checked too
        e = assertThrows(IllegalArgumentException.class,
                () -> new Conv2DTranspose(4, 3).strides(3).outputPadding(2, 1).strides(2, 3));
        assertTrue(e.getMessage().contains("must be greater than output padding [2, 1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Conv2DTranspose(4, 3).strides(2).outputPadding(-1));
        assertThrows(IllegalArgumentException.class, () -> new Conv2DTranspose(4, 3).strides(2).outputPadding(1, 1, 1));
        assertEquals(null, new Conv2DTranspose(4, 3).outputPadding());
        assertArrayEquals(new int[] {1, 0}, new Conv2DTranspose(4, 3).strides(2).outputPadding(1, 0).outputPadding());
    }

    static Stream<Case> gradientCases() {
        return cases().filter(c -> c.dtype() == DType.FLOAT64 && !c.refused());
    }

    @ParameterizedTest(name = "gradients {0}")
    @MethodSource("gradientCases")
    void gradients(Case c) {
        GradientCheck.check(new Conv2DTranspose(2, c.kernel()).strides(c.stride()).padding(c.padding())
                .outputPadding(c.outputPadding()).dtype("float64"), new long[] {2, 3, 4, 2},
                31 + c.toString().hashCode());
    }

    @Test
    void gradientsWithoutBiasAndRectangular() {
        GradientCheck.check(new Conv2DTranspose(2, 1).kernelSize(3, 2).strides(2, 3).padding("same").outputPadding(1, 2)
                .useBias(false).dtype("float64"), new long[] {1, 3, 4, 2}, 41);
        GradientCheck.check(new Conv2DTranspose(2, 1).kernelSize(1, 2).strides(3, 2).outputPadding(2, 1)
                .activation("tanh").dtype("float64"), new long[] {2, 3, 2, 1}, 42);
    }
}
