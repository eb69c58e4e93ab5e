package io.github.convbook.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The bit-mask relu gradient gives the very bits of the plain definition {@code if (y <= 0) g = 0}, for every kind of
 * float: zeros of both signs, subnormals, infinities and NaNs of both signs (a NaN output keeps its gradient, since
 * {@code NaN <= 0} is false), and NaN gradients keep their payloads.
 */
class ReluGradientTest {
    private static final float[] SPECIAL = {0f, -0f, 1f, -1f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL,
        -Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.NaN, Float.intBitsToFloat(0xffc00000), Float.intBitsToFloat(0x7f800001),
        Float.intBitsToFloat(0xff800001), Float.intBitsToFloat(0x7fffffff), Float.intBitsToFloat(0xffffffff)};

    @Test
    void sameBitsAsTheBranchForEveryKindOfFloat() {
        int n = SPECIAL.length * SPECIAL.length + 1000;
        float[] y = new float[n];
        float[] g = new float[n];
        int k = 0;
        for (float a : SPECIAL) {
            for (float b : SPECIAL) {
                y[k] = a;
                g[k++] = b;
            }
        }
        Random random = new Random(7);
        for (; k < n; k++) {
            y[k] = Float.intBitsToFloat(random.nextInt());
            g[k] = Float.intBitsToFloat(random.nextInt());
        }
        INDArray output = Nd4j.createFromArray(y);
        INDArray gradient = Nd4j.createFromArray(g);
        assertTrue(ReluGradient.applies(output, gradient));
        ReluGradient.zeroWhereOff(output, gradient);
        assertArrayEquals(FloatBits.of(branch(y, g)), FloatBits.of(gradient.toFloatVector()));
    }

    @Test
    void aSliceAlongTheFirstAxisIsMaskedAtItsOwnOffset() {
        Nd4j.getRandom().setSeed(11);
        INDArray y = Nd4j.randn(DataType.FLOAT, 6, 5).get(NDArrayIndex.interval(2, 5));
        INDArray g = Nd4j.randn(DataType.FLOAT, 6, 5).get(NDArrayIndex.interval(1, 4));
        float[] expected = branch(y.dup().data().asFloat(), g.dup().data().asFloat());
        INDArray whole = g.dup();
        ReluGradient.zeroWhereOff(y, g);
        assertArrayEquals(FloatBits.of(expected), FloatBits.of(g.dup().data().asFloat()));
        assertFalse(whole.equals(g), "some gradients were zeroed");
    }

    @Test
    void otherTypesAndViewsAreLeftToTheGeneralLoop() {
        INDArray d = Nd4j.rand(DataType.DOUBLE, 3, 4);
        assertFalse(ReluGradient.applies(d, d.dup()), "float64");
        INDArray f = Nd4j.rand(DataType.FLOAT, 3, 4);
        assertFalse(ReluGradient.applies(f.transpose(), f.dup()), "a transpose is not contiguous");
        assertFalse(ReluGradient.applies(f, Nd4j.rand(DataType.FLOAT, 3, 5)), "different lengths");
    }

    private static float[] branch(float[] y, float[] g) {
        float[] out = g.clone();
        for (int i = 0; i < y.length; i++) {
            if (y[i] <= 0) {
                out[i] = 0;
            }
        }
        return out;
    }
}
