package io.github.convbook.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A single filter's input, kernel and bias gradients (a turned-kernel convolution and one matrix product) agree with
 * ND4J's {@code conv2d_bp} computed in float64 to float32 rounding: square and rectangular odd kernels, one and many
 * channels, images smaller than the kernel, a batch large enough for im2col to run in parts, with and without bias.
 */
class SingleFilterGradientTest {
    private static void check(int n, int h, int w, int channels, int kh, int kw, boolean bias) {
        String what = String.format("n%d %dx%dx%d kernel %dx%d bias %s", n, h, w, channels, kh, kw, bias);
        int[] one = {1, 1};
        Nd4j.getRandom().setSeed(h * 31 + kh * 7 + channels);
        INDArray x = Nd4j.rand(DataType.FLOAT, n, h, w, channels);
        INDArray kernel = Nd4j.randn(DataType.FLOAT, kh, kw, channels, 1);
        INDArray b = bias ? Nd4j.randn(DataType.FLOAT, 1) : null;
        INDArray g = Nd4j.randn(DataType.FLOAT, n, h, w, 1);
        INDArray[] expected = NativeOps.conv2dBackward(x.castTo(DataType.DOUBLE), kernel.castTo(DataType.DOUBLE),
                bias ? b.castTo(DataType.DOUBLE) : null, g.castTo(DataType.DOUBLE), one, true, one);

        assertTrue(SingleFilterGradient.applies(x, kernel, g, one, true, one), what);
        INDArray[] into = bias
                ? new INDArray[] {Nd4j.rand(DataType.FLOAT, x.shape()), Nd4j.rand(DataType.FLOAT, kernel.shape()),
                    Nd4j.rand(DataType.FLOAT, 1)}
                : new INDArray[] {Nd4j.rand(DataType.FLOAT, x.shape()), Nd4j.rand(DataType.FLOAT, kernel.shape())};
        Scratch scratch = new Scratch();
        for (int pass = 0; pass < 2; pass++) {   // the second pass reuses the buffers
            INDArray[] actual = SingleFilterGradient.gradients(x, kernel, g, into, scratch);
            assertSame(into, actual, what);
            assertClose(expected[0], actual[0], what + " input");
            assertClose(expected[1], actual[1], what + " kernel");
            if (bias) {
                assertClose(expected[2], actual[2], what + " bias");
            }
        }
    }

    /** Each sum has up to n * h * w terms of size ~1: float32 rounding leaves ~1e-6 of the largest magnitude. */
    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertEquals(DataType.FLOAT, actual.dataType(), what);
        INDArray e = expected.castTo(DataType.FLOAT).reshape(actual.shape());
        double scale = Math.max(1, e.amaxNumber().doubleValue());
        double worst = e.sub(actual).amaxNumber().doubleValue();
        assertTrue(worst <= 1e-5 * scale, what + ": off by " + worst + " at scale " + scale);
    }

    @Test
    void squareKernels() {
        check(3, 7, 6, 3, 3, 3, true);
        check(2, 9, 9, 2, 5, 5, true);
        check(2, 6, 7, 1, 3, 3, false);
    }

    @Test
    void rectangularKernelsAndSmallImages() {
        check(2, 8, 5, 4, 3, 1, true);
        check(2, 5, 8, 4, 1, 5, true);
        check(2, 2, 3, 2, 5, 7, true);
    }

    @Test
    void theLectureAutoencodersLastLayer() {
        check(64, 28, 28, 16, 3, 3, true);
    }

    @Test
    void otherConvolutionsUseConv2dBp() {
        int[] one = {1, 1};
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 6, 6, 3);
        INDArray g = Nd4j.rand(DataType.FLOAT, 2, 6, 6, 1);
        assertFalse(SingleFilterGradient.applies(x, Nd4j.rand(DataType.FLOAT, 3, 3, 3, 2),
                Nd4j.rand(DataType.FLOAT, 2, 6, 6, 2), one, true, one), "two filters");
        INDArray kernel = Nd4j.rand(DataType.FLOAT, 3, 3, 3, 1);
        assertFalse(SingleFilterGradient.applies(x, kernel, g, one, false, one), "valid");
        assertFalse(SingleFilterGradient.applies(x, kernel, g, new int[] {2, 2}, true, one), "strides");
        assertFalse(SingleFilterGradient.applies(x, kernel, g, one, true, new int[] {2, 2}), "dilation");
        assertFalse(SingleFilterGradient.applies(x, Nd4j.rand(DataType.FLOAT, 2, 2, 3, 1), g, one, true, one),
                "an even kernel");
        assertFalse(SingleFilterGradient.applies(x.castTo(DataType.DOUBLE), kernel.castTo(DataType.DOUBLE),
                g.castTo(DataType.DOUBLE), one, true, one), "float64");
        assertFalse(SingleFilterGradient.applies(x.permute(0, 2, 1, 3), kernel, g, one, true, one), "a view");
    }
}
