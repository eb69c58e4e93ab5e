package io.github.convbook.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The upsampling copies give the very bits of libnd4j's {@code upsampling2d} (signed zeros and all), for float32 and
 * float64, square and rectangular factors, and batches large enough to run in parts on both cores.
 */
class UpSamplingTest {
    @ParameterizedTest(name = "{0}x{1}x{2}x{3}, size {4}x{5}")
    @CsvSource({
        "1, 1, 1, 1, 2, 2",
        "2, 3, 5, 3, 2, 2",
        "2, 4, 3, 2, 3, 2",
        "3, 5, 4, 7, 1, 3",
        "256, 14, 14, 16, 2, 2",
        "256, 7, 7, 8, 2, 2",
    })
    void sameBitsAsLibnd4j(int n, int h, int w, int c, int fh, int fw) {
        Random random = new Random(n + 10L * h + 100L * w + 1000L * c + fh + fw);
        INDArray input = Nd4j.createFromArray(values(n * h * w * c, random)).reshape('c', n, h, w, c);
        int[] size = {fh, fw};
        INDArray expected = NativeOps.upSample(input, size);
        INDArray output = Nd4j.rand(DataType.FLOAT, expected.shape());   // garbage to overwrite
        assertTrue(UpSampling.applies(input, output));
        UpSampling.forward(input, size, output);
        assertArrayEquals(FloatBits.of(expected.dup().data().asFloat()), FloatBits.of(output.data().asFloat()),
                "float32");

        INDArray wide = input.castTo(DataType.DOUBLE);
        INDArray wideOutput = Nd4j.rand(DataType.DOUBLE, expected.shape());
        assertTrue(UpSampling.applies(wide, wideOutput));
        UpSampling.forward(wide, size, wideOutput);
        assertEquals(NativeOps.upSample(wide, size), wideOutput, "float64");
    }

    @Test
    void mixedDtypesAndViewsAreLeftToLibnd4j() {
        assertFalse(UpSampling.applies(Nd4j.rand(DataType.DOUBLE, 1, 2, 2, 1), Nd4j.rand(DataType.FLOAT, 1, 4, 4, 1)));
        assertFalse(UpSampling.applies(Nd4j.rand(DataType.FLOAT, 1, 2, 2, 3).permute(0, 2, 1, 3),
                Nd4j.rand(DataType.FLOAT, 1, 4, 4, 3)));
    }

    /** Values of very different sizes, some zeros of both signs. */
    private static float[] values(int count, Random random) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            int r = random.nextInt(10);
            v[i] = r == 0 ? -0f : r == 1 ? 0f : (float) (random.nextGaussian() * Math.pow(10, random.nextInt(8) - 4));
        }
        return v;
    }
}
