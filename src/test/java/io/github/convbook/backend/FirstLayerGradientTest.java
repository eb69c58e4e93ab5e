package io.github.convbook.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The first layer's kernel and bias gradients from im2col + one matrix product agree with ND4J's {@code conv2d_bp}
 * (computed in float64, so the reference's own rounding does not count) to float32 rounding, for both paddings,
 * strides, dilation, one and several channels, odd sizes and a ragged "same" padding.
 */
class FirstLayerGradientTest {
    private static void check(int n, int h, int w, int ci, int kh, int kw, int co, int[] strides, boolean same,
                              int[] dilation) {
        String what = String.format("n%d %dx%dx%d kernel %dx%d->%d strides %d,%d %s dilation %d,%d", n, h, w, ci, kh,
                kw, co, strides[0], strides[1], same ? "same" : "valid", dilation[0], dilation[1]);
        Nd4j.getRandom().setSeed(h * 31 + kh);
        INDArray x = Nd4j.rand(DataType.FLOAT, n, h, w, ci);
        INDArray kernel = Nd4j.randn(DataType.FLOAT, kh, kw, ci, co);
        INDArray bias = Nd4j.randn(DataType.FLOAT, co);
        INDArray out = NativeOps.conv2d(x, kernel, bias, strides, same, dilation);
        INDArray g = Nd4j.randn(DataType.FLOAT, out.shape());

        INDArray[] expected = NativeOps.conv2dBackward(x.castTo(DataType.DOUBLE), kernel.castTo(DataType.DOUBLE),
                bias.castTo(DataType.DOUBLE), g.castTo(DataType.DOUBLE), strides, same, dilation);
        assertTrue(FirstLayerGradient.applies(x, kernel, g), what);
        INDArray[] actual = FirstLayerGradient.kernelAndBias(x, kernel, true, g, strides, same, dilation,
                new Scratch());
        assertClose(expected[1], actual[0], what + " kernel");
        assertClose(expected[2], actual[1], what + " bias");
        INDArray[] kernelOnly = FirstLayerGradient.kernelAndBias(x, kernel, false, g, strides, same, dilation,
                new Scratch());
        assertEquals(1, kernelOnly.length, what);
        assertClose(expected[1], kernelOnly[0], what + " kernel without bias");
    }

    /** Each sum has n * oh * ow terms of size ~1: float32 rounding leaves ~1e-6 of the largest magnitude. */
    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertEquals(DataType.FLOAT, actual.dataType(), what);
        INDArray e = expected.castTo(DataType.FLOAT);
        double scale = Math.max(1, e.amaxNumber().doubleValue());
        double worst = e.sub(actual).amaxNumber().doubleValue();
        assertTrue(worst <= 1e-5 * scale, what + ": off by " + worst + " at scale " + scale);
    }

    @Test
    void valid() {
        check(8, 28, 28, 1, 3, 3, 32, new int[] {1, 1}, false, new int[] {1, 1});
        check(3, 11, 9, 3, 5, 3, 4, new int[] {1, 1}, false, new int[] {1, 1});
    }

    @Test
    void same() {
        check(8, 28, 28, 1, 3, 3, 16, new int[] {1, 1}, true, new int[] {1, 1});
        check(2, 10, 7, 2, 4, 2, 3, new int[] {1, 1}, true, new int[] {1, 1});
    }

    @Test
    void stridesAndDilation() {
        check(2, 13, 12, 2, 3, 3, 5, new int[] {2, 3}, false, new int[] {1, 1});
        check(2, 13, 12, 2, 3, 3, 5, new int[] {2, 2}, true, new int[] {1, 1});
        check(2, 13, 12, 1, 3, 2, 5, new int[] {1, 1}, false, new int[] {2, 3});
        check(2, 13, 12, 1, 3, 3, 5, new int[] {1, 1}, true, new int[] {2, 2});
        // one channel, kernels as wide as the image or wider once dilated: some taps see only padding in a row
        check(2, 5, 3, 1, 3, 5, 2, new int[] {1, 1}, true, new int[] {1, 1});
        check(2, 6, 4, 1, 2, 3, 2, new int[] {1, 1}, true, new int[] {1, 3});
        check(3, 6, 7, 1, 3, 3, 2, new int[] {2, 1}, true, new int[] {1, 1});
    }

    @Test
    void largeBatchInParts() {
        // more patch values than one part of Parallel, so im2col runs in parts that start mid-row
        check(40, 28, 28, 1, 3, 3, 8, new int[] {1, 1}, true, new int[] {1, 1});
    }

    @Test
    void otherTypesAndViewsUseConv2dBp() {
        INDArray kernel = Nd4j.rand(DataType.FLOAT, 3, 3, 1, 4);
        INDArray g = Nd4j.rand(DataType.FLOAT, 2, 4, 4, 4);
        assertFalse(FirstLayerGradient.applies(Nd4j.rand(DataType.DOUBLE, 2, 6, 6, 1), kernel.castTo(DataType.DOUBLE),
                g.castTo(DataType.DOUBLE)), "float64");
        INDArray wide = Nd4j.rand(DataType.FLOAT, 2, 6, 8, 1);
        assertFalse(FirstLayerGradient.applies(wide.permute(0, 2, 1, 3), kernel, g), "a permuted view");
    }
}
