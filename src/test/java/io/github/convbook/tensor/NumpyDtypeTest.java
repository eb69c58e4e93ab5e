package io.github.convbook.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Tensor's element-wise operations, casts and reductions against NumPy 1.24 (the lecture's {@code x / 255},
 * {@code astype}, {@code uint8} arithmetic, label comparisons, {@code mean}, {@code sum}, {@code argmax}). Every
 * expected value and dtype below is what NumPy printed for the expression in the comment; the script
 * {@code src/test/resources/io/github/convbook/tensor/numpy_dtype_reference.py} prints them all again.
 * A Java {@code int} argument plays a Python int, a Java {@code double} a Python float.
 */
class NumpyDtypeTest {
    private static final double EPS = 0;

    /** {@code u = np.array([0, 100, 200, 255], np.uint8)} */
    private static Tensor u() {
        return Tensor.ofUint8(new byte[] {0, 100, (byte) 200, (byte) 255}, 4);
    }

    private static Tensor i32() {
        return Tensor.of(new int[] {1, 2, 3}, 3);
    }

    private static long[] longs(Tensor t) {
        return t.data().castTo(DataType.LONG).data().asLong();
    }

    private static boolean[] bools(Tensor t) {
        assertEquals(DType.BOOL, t.dtype());
        int[] v = t.toIntArray();
        boolean[] b = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = v[i] != 0;
        }
        return b;
    }

    @Test
    void trueDivisionOfIntegersIsFloat64() {
        Tensor x = u().div(255);                                         // u / 255 -> float64
        assertEquals(DType.FLOAT64, x.dtype());
        assertArrayEquals(new double[] {0, 100 / 255.0, 200 / 255.0, 1}, x.toDoubleArray(), EPS);
        assertEquals(DType.FLOAT64, u().div(255.0).dtype());             // u / 255. -> float64
        assertEquals(DType.FLOAT64, i32().div(2).dtype());               // i32 / 2 -> float64
        assertArrayEquals(new double[] {0.5, 1, 1.5}, i32().div(2).toDoubleArray(), EPS);
        Tensor uu = u().div(u());                                        // u / u -> float64 [nan 1 1 1]
        assertEquals(DType.FLOAT64, uu.dtype());
        assertTrue(Double.isNaN(uu.toDoubleArray()[0]));
    }

    @Test
    void theLecturesScalingStaysFloat32() {
        for (Tensor x : new Tensor[] {u().astype("float32").div(255), u().astype("float32").div(255.)}) {
            assertEquals(DType.FLOAT32, x.dtype());                      // u.astype('float32') / 255 -> float32
            assertArrayEquals(new float[] {0f, 0.39215687f, 0.78431374f, 1f}, x.toFloatArray(), 0f);
        }
    }

    @Test
    void uint8ArithmeticWrapsModulo256() {
        assertEquals(DType.UINT8, u().add(u()).dtype());
        assertArrayEquals(new int[] {0, 200, 144, 254}, u().add(u()).toIntArray());            // u + u
        Tensor reversed = Tensor.ofUint8(new byte[] {(byte) 255, (byte) 200, 100, 0}, 4);
        assertArrayEquals(new int[] {1, 156, 100, 255}, u().sub(reversed).toIntArray());       // u - u[::-1]
        assertArrayEquals(new int[] {0, 16, 64, 1}, u().mul(u()).toIntArray());                // u * u
        assertArrayEquals(new int[] {0, 16, 64, 1}, u().square().toIntArray());                // np.square(u)
        assertEquals(DType.UINT8, u().mul(2).dtype());                                         // u * 2 -> uint8
        assertArrayEquals(new int[] {0, 200, 144, 254}, u().mul(2).toIntArray());
        assertArrayEquals(new int[] {255, 99, 199, 254}, u().sub(1).toIntArray());             // u - 1
        assertEquals(DType.UINT8, u().neg().dtype());
        assertArrayEquals(new int[] {0, 156, 56, 1}, u().neg().toIntArray());                  // -u
        assertEquals(44, (long) Tensor.of(200).astype("uint8").add(100).item());               // the lecture's E2
    }

    @Test
    void aPythonFloatMakesIntegersFloat64() {
        Tensor x = u().mul(2.0);                                         // u * 2.0 -> float64 [0 200 400 510]
        assertEquals(DType.FLOAT64, x.dtype());
        assertArrayEquals(new double[] {0, 200, 400, 510}, x.toDoubleArray(), EPS);
        assertArrayEquals(new double[] {0, 250, 500, 637.5}, u().mul(2.5).toDoubleArray(), EPS);
        assertEquals(DType.FLOAT64, i32().add(1.5).dtype());             // i32 + 1.5 -> float64
        assertArrayEquals(new double[] {2.5, 3.5, 4.5}, i32().add(1.5).toDoubleArray(), EPS);
        assertEquals(DType.INT32, i32().mul(2).dtype());                 // i32 * 2 -> int32
        Tensor f = Tensor.of(-1.7f, -0.5f);
        assertEquals(DType.FLOAT32, f.mul(2.0).dtype());                 // f32 * 2.0 -> float32
        assertArrayEquals(new float[] {-3.4f, -1f}, f.mul(2.0).toFloatArray(), 0f);
        assertEquals(DType.FLOAT64, f.add(1e300).dtype());               // f32 + 1e300 -> float64 (value-based)
    }

    @Test
    void uint8WithAnIntNumpyWouldWidenIsRefusedWithTheFix() {
        // u + 300 -> uint16 and u + (-1) -> int16 in NumPy: ConvBook has neither, so it says what to write.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> u().add(300));
        assertTrue(e.getMessage().contains("uint16") && e.getMessage().contains("astype(\"int32\")"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> u().add(-1));
        assertTrue(e.getMessage().contains("int16") && e.getMessage().contains("add"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> u().mul(-1));
        assertThrows(IllegalArgumentException.class, () -> u().sub(40000));        // uint16
        // u + (-40000) -> int32 [-40000 -39900 -39800 -39745]: a dtype ConvBook has
        Tensor x = u().add(-40000);
        assertEquals(DType.INT32, x.dtype());
        assertArrayEquals(new int[] {-40000, -39900, -39800, -39745}, x.toIntArray());
        assertArrayEquals(new int[] {1, 102, 203, 256}, u().astype("int32").add(Tensor.of(1, 2, 3, 1)).toIntArray());
    }

    @Test
    void mixedArraysPromoteAsNumpy() {
        Tensor f = Tensor.of(-1.7f, -0.5f, 0.5f, 1.5f);
        assertEquals(DType.FLOAT32, u().add(f).dtype());                 // u + f32 -> float32
        assertArrayEquals(new float[] {-1.7f, 99.5f, 200.5f, 256.5f}, u().add(f).toFloatArray(), 0f);
        Tensor f3 = Tensor.of(-1.7f, -0.5f, 0.5f);
        assertEquals(DType.FLOAT64, i32().add(f3).dtype());              // i32 + f32 -> float64
        assertArrayEquals(new double[] {1 + (double) -1.7f, 1.5, 3.5}, i32().add(f3).toDoubleArray(), EPS);
        assertEquals(DType.FLOAT64, i32().astype("int64").add(f3).dtype());
        Tensor x = u().add(Tensor.of(1, 2, 3, 1));                       // u + i32 -> int32
        assertEquals(DType.INT32, x.dtype());
        assertArrayEquals(new int[] {1, 102, 203, 256}, x.toIntArray());
        Tensor flags = Tensor.of(1, 0, 1, 1).astype("bool");
        assertEquals(DType.UINT8, flags.add(u()).dtype());               // bool + u -> uint8 [1 100 201 0]
        assertArrayEquals(new int[] {1, 100, 201, 0}, flags.add(u()).toIntArray());
        assertEquals(DType.INT64, Tensor.of(1, 0).astype("bool").add(1).dtype());   // bool + 1 -> int64
        assertThrows(IllegalArgumentException.class, () -> flags.sub(flags));       // NumPy: TypeError
        assertThrows(IllegalArgumentException.class, () -> flags.neg());
        assertEquals(DType.FLOAT64, DType.promote(DType.INT32, DType.FLOAT32));
        assertEquals(DType.FLOAT32, DType.promote(DType.UINT8, DType.FLOAT32));
        assertEquals(DType.INT64, DType.promote(DType.UINT8, DType.INT64));
    }

    @Test
    void labelComparisonsGiveBools() {
        Tensor labels = Tensor.of(7, 2, 1, 0);
        Tensor predicted = Tensor.of(7, 2, 3, 0).astype("int64");
        Tensor same = labels.eq(predicted);                              // labels == predicted
        assertArrayEquals(new boolean[] {true, true, false, true}, bools(same));
        assertEquals(0.75, same.mean(), EPS);                            // (labels == predicted).mean() -> 0.75
        assertArrayEquals(new boolean[] {true, false, false, false}, bools(labels.eq(7)));
        Tensor grid = labels.slice(0, 3).eq(predicted.slice(0, 2).reshape(2, 1));   // broadcast to (2, 3)
        assertEquals(Shape.of(2, 3), grid.shape());
        assertArrayEquals(new boolean[] {true, false, false, false, true, false}, bools(grid));
        assertArrayEquals(new boolean[] {true}, bools(Tensor.of(0.1f).eq(0.1)));    // np.float32([0.1]) == 0.1
        assertArrayEquals(new boolean[] {false, false, false, false}, bools(u().eq(300)));
        assertThrows(IllegalArgumentException.class, () -> labels.eq(Tensor.of(1, 2, 3)));
    }

    @Test
    void castsTruncateTowardZeroAndWrapAsNumpyOnX86() {
        Tensor f = Tensor.of(-1.7f, -0.5f, 0.5f, 1.5f, 2.5f, 254.9f, 255.9f, 300.2f);
        assertArrayEquals(new int[] {255, 0, 0, 1, 2, 254, 255, 44}, f.astype("uint8").toIntArray());
        assertArrayEquals(new int[] {255, 0, 0, 1, 2, 254, 255, 44}, f.astype("float64").astype("uint8").toIntArray());
        assertArrayEquals(new int[] {-1, 0, 0, 1, 2, 254, 255, 300}, f.astype("int32").toIntArray());
        assertArrayEquals(new long[] {-1, 0, 0, 1, 2, 254, 255, 300}, longs(f.astype("int64")));
        Tensor odd = Tensor.of(Float.NaN, Float.POSITIVE_INFINITY, 3e9f, -3e9f, 1000.5f, -3.5f, 1234567.8f, 1e20f);
        assertArrayEquals(new int[] {0, 0, 0, 0, 232, 253, 135, 0}, odd.astype("uint8").toIntArray());
        int min = Integer.MIN_VALUE;
        assertArrayEquals(new int[] {min, min, min, min, 1000, -3, 1234567, min}, odd.astype("int32").toIntArray());
    }

    @Test
    void reductionsGiveNumpysValuesAndDtypes() {
        assertEquals(555.0, u().sum(), EPS);                             // u.sum() -> 555 (uint64)
        assertEquals(138.75, u().mean(), EPS);                           // u.mean() -> 138.75 (float64)
        assertEquals(255.0, u().max(), EPS);                             // u.max() -> 255
        Tensor grid = u().reshape(2, 2);
        assertEquals(DType.INT64, grid.sum(0).dtype());                  // NumPy: uint64 [200 355]
        assertArrayEquals(new long[] {200, 355}, longs(grid.sum(0)));
        assertEquals(DType.FLOAT64, grid.mean(1).dtype());               // u.reshape(2, 2).mean(1) -> [50. 227.5]
        assertArrayEquals(new double[] {50, 227.5}, grid.mean(1).toDoubleArray(), EPS);
        assertEquals(DType.UINT8, grid.max(0).dtype());
        Tensor big = Tensor.of(2000000000, 2000000000);                  // int32 sum(0) -> int64 4000000000
        assertEquals(DType.INT64, big.sum(0).dtype());
        assertEquals(4000000000L, longs(big.sum(0))[0]);
        assertEquals(DType.FLOAT32, Tensor.of(1f, 2f).sum(0).dtype());
        assertEquals(DType.FLOAT32, Tensor.of(1f, 2f).mean(0).dtype());
    }

    @Test
    void argmaxTakesTheFirstLargestAndTheFirstNan() {
        assertEquals(3, u().argmax());                                   // u.argmax() -> 3
        assertEquals(2, Tensor.ofUint8(new byte[] {1, 2, 3, 1}, 2, 2).argmax());
        Tensor m = Tensor.of(new float[] {1, Float.NaN, 3, 4, 2, 4}, 2, 3);
        Tensor am = m.argmax(1);                                         // -> [1 0] int64
        assertEquals(DType.INT64, am.dtype());
        assertArrayEquals(new long[] {1, 0}, longs(am));
        assertArrayEquals(new long[] {1, 1, 0}, longs(Tensor.of(new int[] {1, 2, 3, 5, 5, 1}, 2, 3).argmax(0)));
        assertTrue(Double.isNaN(Tensor.of(1f, Float.NaN, 3f).max()));   // np.float32([1, nan, 3]).max() -> nan
    }

    @Test
    void floatFunctionsOfIntegers() {
        assertEquals(DType.FLOAT64, i32().sqrt().dtype());               // np.sqrt(i32) -> float64
        assertArrayEquals(new double[] {1, Math.sqrt(2), Math.sqrt(3)}, i32().sqrt().toDoubleArray(), EPS);
        // np.sqrt(u) -> float16, which ConvBook does not have
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> u().sqrt());
        assertTrue(e.getMessage().contains("float16") && e.getMessage().contains("astype(\"float32\").sqrt()"),
                e.getMessage());
        assertEquals(DType.FLOAT32, u().astype("float32").sqrt().dtype());
    }
}
