package io.github.convbook.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Seed 002's tf.nn examples: the 3x3 image, the 2x2 ones filter, SAME padding, three filters, max pooling. */
class NnTest {
    private final Tensor image = Tensor.of(new float[][][][] {{{{1}, {2}, {3}}, {{4}, {5}, {6}}, {{7}, {8}, {9}}}});
    private final Tensor weight = Tensor.ones(2, 2, 1, 1);

    @Test
    void validConvolutionGivesTheLectureNumbers() {
        assertEquals("(1, 3, 3, 1)", image.shape().toString());
        Tensor out = Nn.conv2d(image, weight, 1, "VALID");
        assertEquals("(1, 2, 2, 1)", out.shape().toString());
        assertArrayEquals(new float[] {12, 16, 24, 28}, out.toFloatArray());
    }

    @Test
    void samePaddingAddsZerosAtTheBottomAndRight() {
        Tensor out = Nn.conv2d(image, weight, 1, "SAME");
        assertEquals("(1, 3, 3, 1)", out.shape().toString());
        assertArrayEquals(new float[] {12, 16, 9, 24, 28, 15, 15, 17, 9}, out.toFloatArray());
        assertEquals("[[12. 16.  9.]\n [24. 28. 15.]\n [15. 17.  9.]]",
                out.reshape(3, 3).toString().lines().skip(1).reduce((a, b) -> a + "\n" + b).orElseThrow());
    }

    @Test
    void threeFiltersGiveThreeChannels() {
        Tensor weights = Tensor.of(new float[][][][] {{{{1, 10, -1}}, {{1, 10, -1}}}, {{{1, 10, -1}}, {{1, 10, -1}}}});
        assertEquals("(2, 2, 1, 3)", weights.shape().toString());
        Tensor out = Nn.conv2d(image, weights, 1, "SAME");
        assertEquals("(1, 3, 3, 3)", out.shape().toString());
        assertArrayEquals(new float[] {12, 16, 9, 24, 28, 15, 15, 17, 9}, out.channel(0).toFloatArray());
        assertArrayEquals(new float[] {120, 160, 90, 240, 280, 150, 150, 170, 90}, out.channel(1).toFloatArray());
        assertArrayEquals(new float[] {-12, -16, -9, -24, -28, -15, -15, -17, -9}, out.channel(2).toFloatArray());
    }

    @Test
    void maxPoolKeepsTheLargest() {
        Tensor small = Tensor.of(new float[][][][] {{{{4}, {3}}, {{2}, {1}}}});
        Tensor pool = Nn.maxPool(small, 2, 1, "VALID");
        assertEquals("(1, 1, 1, 1)", pool.shape().toString());
        assertEquals(4.0, pool.item());
        assertEquals("[[[[4.]]]]", pool.toString().lines().skip(1).findFirst().orElseThrow());
        Tensor same = Nn.maxPool(small, 2, 1, "SAME");
        assertArrayEquals(new float[] {4, 3, 2, 1}, same.toFloatArray());
    }

    @Test
    void badArgumentsSayWhatWasExpected() {
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
                () -> Nn.conv2d(image.reshape(3, 3, 1), weight, 1, "VALID"));
        assertTrue(rank.getMessage().contains("rank 4") && rank.getMessage().contains("(3, 3, 1)"), rank.getMessage());
        IllegalArgumentException padding = assertThrows(IllegalArgumentException.class,
                () -> Nn.conv2d(image, weight, 1, "FULL"));
        assertTrue(padding.getMessage().contains("'FULL'") && padding.getMessage().contains("\"same\""),
                padding.getMessage());
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                () -> Nn.conv2d(image, Tensor.ones(2, 2, 3, 1), 1, "VALID"));
        assertTrue(channels.getMessage().contains("1 channels") && channels.getMessage().contains("3 input channels"),
                channels.getMessage());
        IllegalArgumentException stride = assertThrows(IllegalArgumentException.class,
                () -> Nn.conv2d(image, weight, 0, "VALID"));
        assertTrue(stride.getMessage().contains("strides must be positive"), stride.getMessage());
        IllegalArgumentException fit = assertThrows(IllegalArgumentException.class,
                () -> Nn.maxPool(image, 4, 1, "VALID"));
        assertTrue(fit.getMessage().contains("4x4 window does not fit the 3x3 input"), fit.getMessage());
    }
}
