package io.github.convbook.layers;

import static io.github.convbook.layers.ReferenceSupport.assertMatches;
import static io.github.convbook.layers.ReferenceSupport.toArray4;
import static io.github.convbook.layers.ReferenceSupport.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.layers.loops.UpSamplingLoops;
import io.github.convbook.tensor.DType;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * UpSampling2D(interpolation="bilinear") as TensorFlow 2's {@code tf.image.resize(method="bilinear")}: half-pixel
 * centres, source coordinate {@code (dst + 0.5) / scale - 0.5}, borders clamped (ResizeBilinear with
 * half_pixel_centers=True, tensorflow/core/kernels/image/resize_bilinear_op.cc), against
 * {@link UpSamplingLoops#bilinear}.
 */
class UpSamplingBilinearTest {

    /**
     * A 2x2 image doubled. Columns (and rows) 0..3 read source coordinates -0.25, 0.25, 0.75, 1.25: clamped to pixel
     * 0, then 0.75 * p0 + 0.25 * p1, 0.25 * p0 + 0.75 * p1, clamped to pixel 1. Row [1, 2] gives [1, 1.25, 1.75, 2].
     */
    @Test
    void twoByTwoDoubledGivesTensorFlowsValues() {
        for (DType dtype : ReferenceSupport.DTYPES) {
            Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 1, 2, 2, 1).astype(dtype);
            UpSampling2D layer = new UpSampling2D(2).interpolation("bilinear");
            layer.dtype(dtype.toString());
            Tensor y = layer.apply(x);
            assertEquals(dtype, y.dtype());
            assertEquals(Shape.of(1, 4, 4, 1), y.shape());
            assertArrayEquals(new double[] {
                1.0, 1.25, 1.75, 2.0,
                1.5, 1.75, 2.25, 2.5,
                2.5, 2.75, 3.25, 3.5,
                3.0, 3.25, 3.75, 4.0}, y.toDoubleArray(), 0, "exact in binary, " + dtype);
        }
    }

    /**
     * Size 3 on a row [0, 3, 6]: sources (j + 0.5) / 3 - 0.5 = -1/3, 0, 1/3, 2/3, 1, 4/3, 5/3, 2, 7/3, so
     * [0, 0, 1, 2, 3, 4, 5, 6, 6] (up to float's rounding of 1/3, as TensorFlow computes it).
     */
    @Test
    void sizeThreeAlongWidth() {
        Tensor x = Tensor.of(new double[] {0, 3, 6}, 1, 1, 3, 1).astype(DType.FLOAT64);
        UpSampling2D layer = new UpSampling2D().size(1, 3).interpolation("bilinear");
        layer.dtype("float64");
        Tensor y = layer.apply(x);
        assertEquals(Shape.of(1, 1, 9, 1), y.shape());
        assertArrayEquals(new double[] {0, 0, 1, 2, 3, 4, 5, 6, 6}, y.toDoubleArray(), 1e-6);
    }

    @Test
    void randomInputsMatchThePlainLoopReference() {
        int[][] sizes = {{2, 2}, {2, 3}, {3, 1}, {1, 1}, {4, 3}};
        for (DType dtype : ReferenceSupport.DTYPES) {
            for (int[] size : sizes) {
                for (int[] hw : ReferenceSupport.INPUT_SIZES) {
                    String name = "bilinear size " + size[0] + "x" + size[1] + " input " + hw[0] + "x" + hw[1]
                            + " " + dtype;
                    Random random = ReferenceSupport.random(name);
                    Tensor x = uniform(random, dtype, 2, hw[0], hw[1], 3);
                    UpSampling2D layer = new UpSampling2D().size(size).interpolation("bilinear");
                    layer.dtype(dtype.toString());
                    Tensor y = layer.apply(x);
                    assertMatches(name, UpSamplingLoops.bilinear(toArray4(x), size), y, layer, x.shape(), dtype);
                }
            }
        }
    }

    /** A strided view (NCHW data permuted to NHWC) is read correctly. */
    @Test
    void readsStridedViews() {
        Random random = new Random(5);
        Tensor nchw = uniform(random, DType.FLOAT32, 2, 3, 4, 5);
        Tensor x = Tensor.wrap(nchw.data().permute(0, 2, 3, 1));
        UpSampling2D layer = new UpSampling2D().size(2, 3).interpolation("bilinear");
        assertMatches("strided", UpSamplingLoops.bilinear(toArray4(x), new int[] {2, 3}), layer.apply(x), layer,
                x.shape(), DType.FLOAT32);
    }

    /** The backward pass is the transpose of the forward one: {@code <A x, g> = <x, A^T g>}, in float32 too. */
    @Test
    void backwardIsTheTransposeOfForward() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            UpSampling2D layer = new UpSampling2D().size(2, 3).interpolation("bilinear");
            INDArray x = Nd4j.rand(type, 2, 5, 4, 3);
            INDArray out = layer.call(x, true).dup();
            INDArray g = Nd4j.rand(type, out.shape());
            INDArray back = layer.backward(g.dup(), true);
            double lhs = out.mul(g).sumNumber().doubleValue();
            double rhs = x.mul(back).sumNumber().doubleValue();
            assertEquals(lhs, rhs, 1e-4 * Math.abs(lhs), type.toString());
        }
    }

    @Test
    void gradientChecks() {
        GradientCheck.check(new UpSampling2D(2).interpolation("bilinear").dtype("float64"),
                new long[] {2, 3, 4, 2}, 51);
        GradientCheck.check(new UpSampling2D().size(2, 3).interpolation("bilinear").dtype("float64"),
                new long[] {1, 3, 2, 2}, 52);
        GradientCheck.check(new UpSampling2D().size(3, 1).interpolation("bilinear").dtype("float64"),
                new long[] {2, 1, 3, 1}, 53);
    }

    @Test
    void nearestStaysTheDefaultAndUnknownNamesAreRefused() {
        assertEquals("nearest", new UpSampling2D().interpolation());
        assertEquals("bilinear", new UpSampling2D().interpolation("Bilinear").interpolation());
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 1, 2, 2, 1);
        assertArrayEquals(new double[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4},
                new UpSampling2D(2).interpolation("nearest").apply(x).toDoubleArray(), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new UpSampling2D().interpolation("bicubic"));
        assertTrue(e.getMessage().contains("\"nearest\"") && e.getMessage().contains("\"bilinear\"")
                && e.getMessage().contains("bicubic"), e.getMessage());
    }

    @Test
    void outputShapeKeepsTheBatch() {
        UpSampling2D layer = new UpSampling2D().size(2, 3).interpolation("bilinear");
        assertEquals(Shape.of(32, 14, 21, 8), layer.computeOutputShape(Shape.of(32, 7, 7, 8)));
        assertEquals(Shape.of(Shape.UNKNOWN, 14, 21, 8), layer.computeOutputShape(Shape.of(Shape.UNKNOWN, 7, 7, 8)));
    }
}
