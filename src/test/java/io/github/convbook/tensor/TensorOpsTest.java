package io.github.convbook.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.Utils;
import org.junit.jupiter.api.Test;

/** The NumPy-style operations the lecture uses, with NumPy's results. */
class TensorOpsTest {

    @Test
    void reshapeSqueezeExpandDims() {
        Tensor x = Tensor.arange(12);
        assertEquals(Shape.of(3, 4), x.reshape(3, -1).shape());
        assertEquals(Shape.of(3, 4, 1), x.reshape(3, 4).expandDims(-1).shape());
        assertEquals(Shape.of(1, 12), x.expandDims(0).shape());
        assertEquals(Shape.of(3, 4), x.reshape(3, 4, 1).squeeze(-1).shape());
        assertEquals(Shape.of(12), x.reshape(1, 12, 1).squeeze().shape());
        assertThrows(IllegalArgumentException.class, () -> x.reshape(5, -1));
        IllegalArgumentException squeeze = assertThrows(IllegalArgumentException.class,
                () -> x.reshape(3, 4).squeeze(0));
        assertTrue(squeeze.getMessage().contains("size 3"), squeeze.getMessage());
    }

    @Test
    void concatAlongAnyAxis() {
        Tensor left = Tensor.ones(50, 25).mul(10);
        Tensor right = Tensor.zeros(50, 25);
        Tensor both = Tensor.concat(1, left, right);
        assertEquals(Shape.of(50, 50), both.shape());
        assertEquals(10.0, both.getDouble(3, 24));
        assertEquals(0.0, both.getDouble(3, 25));
        assertEquals(Shape.of(100, 25), Tensor.concat(0, left, right).shape());
        assertThrows(IllegalArgumentException.class, () -> Tensor.concat(0, left, Tensor.zeros(50, 3)));
    }

    @Test
    void arithmeticBroadcastsLikeNumpy() {
        Tensor m = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new float[] {11, 22, 33, 14, 25, 36}, m.add(Tensor.of(10f, 20f, 30f)).toFloatArray());
        assertArrayEquals(new float[] {0, 1, 2, 2, 3, 4}, m.sub(Tensor.of(new float[] {1, 2}, 2, 1)).toFloatArray());
        assertArrayEquals(new float[] {2, 4, 6, 8, 10, 12}, m.mul(2).toFloatArray());
        assertArrayEquals(new float[] {0.5f, 1, 1.5f, 2, 2.5f, 3}, m.div(2).toFloatArray());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> m.add(Tensor.of(1f, 2f)));
        assertTrue(bad.getMessage().contains("(2, 3) and (2,)"), bad.getMessage());
    }

    @Test
    void integerTypesStayUntilAstype() {
        Tensor pixels = Tensor.ofUint8(new byte[] {0, (byte) 128, (byte) 255}, 3);
        assertEquals(DType.UINT8, pixels.dtype());
        assertEquals(DType.UINT8, pixels.reshape(1, 3).dtype());
        assertEquals(DType.INT32, Tensor.arange(3).add(1).dtype());
        Tensor scaled = pixels.astype("float32").div(255);
        assertEquals(DType.FLOAT32, scaled.dtype());
        assertArrayEquals(new float[] {0f, 128f / 255, 1f}, scaled.toFloatArray(), 1e-7f);
        assertEquals(DType.FLOAT64, pixels.div(255).dtype(), "true division of integers gives float64, as in NumPy");
        assertArrayEquals(new int[] {0, 128, 255}, pixels.toIntArray());
        assertThrows(IllegalArgumentException.class, () -> pixels.astype("float16"));
    }

    @Test
    void indexingSlicingAndChannels() {
        Tensor x = Tensor.arange(24).reshape(2, 3, 4);
        assertEquals(Shape.of(3, 4), x.get(1).shape());
        assertEquals(23.0, x.get(-1).getDouble(2, 3));
        assertEquals(Shape.of(4), x.get(0, 1).shape());
        assertEquals(Shape.of(1, 3, 4), x.slice(1, 2).shape());
        assertEquals(Shape.of(2, 3, 2), x.slice(-1, 1, 3).shape());
        assertArrayEquals(new int[] {0, 4, 8, 12, 16, 20}, x.channel(0).toIntArray());
        assertEquals(Shape.of(0, 3, 4), x.slice(5, 9).shape());
        assertThrows(IndexOutOfBoundsException.class, () -> x.get(2));
        assertThrows(IndexOutOfBoundsException.class, () -> x.channel(4));
    }

    @Test
    void transposeArgmaxAndReductions() {
        Tensor m = Tensor.of(new float[] {1, 9, 3, 7, 5, 6}, 2, 3);
        assertArrayEquals(new float[] {1, 7, 9, 5, 3, 6}, m.transpose().toFloatArray());
        assertArrayEquals(new int[] {1, 0}, m.argmax(1).toIntArray());
        assertEquals(31.0, m.sum());
        assertEquals(9.0, m.max());
        assertArrayEquals(new float[] {8, 14, 9}, m.sum(0).toFloatArray());
        assertArrayEquals(new float[] {13, 18},
                m.matmul(Tensor.of(new float[] {1, 1, 1}, 3, 1)).reshape(2).toFloatArray());
    }

    @Test
    void javaArraysInAndOut() {
        float[][] rows = {{1, 2}, {3, 4}};
        Tensor t = Tensor.of(rows);
        assertEquals(Shape.of(2, 2), t.shape());
        assertArrayEquals(rows, (float[][]) t.toArray());
        assertEquals(DType.FLOAT64, Tensor.of(new double[][] {{1}}).dtype());
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[] {1, 2, 3}, 2, 2));
    }

    @Test
    void oneSeedGivesTheSameRandomNumbers() {
        Utils.setRandomSeed(42);
        float[] first = Tensor.randn(5).toFloatArray();
        Utils.setRandomSeed(42);
        assertArrayEquals(first, Tensor.randn(5).toFloatArray());
        assertNotEquals(first[0], Tensor.randn(5).toFloatArray()[0]);
    }
}
