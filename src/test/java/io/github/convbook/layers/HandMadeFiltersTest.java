package io.github.convbook.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.Utils;
import io.github.convbook.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed 004: a 50x50 half-bright image, a Conv2D(2, 2) built lazily, then the smoothing and edge filters set by hand.
 */
class HandMadeFiltersTest {

    private static Tensor halfBrightImage() {
        Utils.setRandomSeed(43052);
        Tensor bright = Tensor.ones(50, 25).mul(10);
        Tensor dark = Tensor.zeros(50, 25).mul(10);
        Tensor noise = Tensor.randn(50 * 50).reshape(50, 50);
        return Tensor.concat(1, bright, dark).add(noise).reshape(1, 50, 50, 1);
    }

    private static List<Tensor> smoothingAndEdgeFilters() {
        Tensor w0 = Tensor.of(new double[][] {{0.25, 0.25}, {0.25, 0.25}}).reshape(2, 2, 1, 1);
        Tensor w1 = Tensor.of(new double[][] {{-1.0, 1.0}, {-1.0, 1.0}}).reshape(2, 2, 1, 1);
        Tensor w = Tensor.concat(-1, w0, w1);
        Tensor b = Tensor.of(0.0, 0.0);
        return List.of(w, b);
    }

    @Test
    void weightsAppearOnFirstCallInKerasLayouts() {
        Tensor xxx = halfBrightImage();
        Conv2D conv = new Conv2D(2, 2);
        assertTrue(conv.weights().isEmpty(), "no weights before the first input");
        Tensor out = conv.apply(xxx);
        assertEquals("(1, 49, 49, 2)", out.shape().toString());
        assertEquals("(2, 2, 1, 2)", conv.weights().get(0).shape().toString());
        assertEquals("(2,)", conv.weights().get(1).shape().toString());
        assertArrayEquals(new float[] {0, 0}, conv.weights().get(1).toFloatArray(), "biases start at zero");
        assertEquals(List.of(conv.name() + "/kernel:0", conv.name() + "/bias:0"), conv.weightNames());
    }

    @Test
    void smoothingAndEdgeFiltersDoWhatTheLectureSays() {
        Tensor xxx = halfBrightImage();
        Conv2D conv = new Conv2D(2, 2);
        conv.apply(xxx);
        conv.setWeights(smoothingAndEdgeFilters());
        assertArrayEquals(new float[] {0.25f, -1f, 0.25f, 1f, 0.25f, -1f, 0.25f, 1f},
                conv.getWeights().get(0).toFloatArray());

        Tensor smooth = conv.apply(xxx).channel(0);
        Tensor edges = conv.apply(xxx).channel(1);
        assertEquals("(1, 49, 49)", smooth.shape().toString());
        // the average filter is the mean of each 2x2 window
        float[] img = xxx.toFloatArray();
        double expected = (img[0] + img[1] + img[50] + img[51]) / 4.0;
        assertEquals(expected, smooth.getDouble(0, 0, 0), 1e-5);
        // the edge filter answers most strongly on the column where bright meets dark (x = 24 -> 25)
        Tensor edgeRow = edges.reshape(49, 49).get(10).abs();
        assertEquals(24, (int) edgeRow.argmax(0).item());
        // second pass, as the lecture's 3x4 grid: (1, 49, 49, 1) -> (48, 48)
        Tensor twice = conv.apply(smooth.reshape(1, 49, 49, 1)).channel(1).reshape(48, 48);
        assertEquals("(48, 48)", twice.shape().toString());
    }
}
