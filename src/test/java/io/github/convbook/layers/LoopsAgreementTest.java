package io.github.convbook.layers;

import static io.github.convbook.layers.ReferenceSupport.applyWith;
import static io.github.convbook.layers.ReferenceSupport.flat;
import static io.github.convbook.layers.ReferenceSupport.toArray4;
import static io.github.convbook.layers.ReferenceSupport.tolerance;
import static io.github.convbook.layers.ReferenceSupport.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.layers.loops.ActivationLoops;
import io.github.convbook.layers.loops.BatchNormalizationLoops;
import io.github.convbook.layers.loops.DenseLoops;
import io.github.convbook.layers.loops.DropoutLoops;
import io.github.convbook.layers.loops.FlattenLoops;
import io.github.convbook.tensor.DType;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The layers whose plain-loop definitions no other test compares them with: Dense, Dropout, Flatten and
 * BatchNormalization at inference, one random case each.
 */
class LoopsAgreementTest {

    private static void assertClose(double[] expected, Tensor actual, DType dtype, String what) {
        assertEquals(dtype, actual.dtype(), what + ": dtype");
        double[] got = actual.toDoubleArray();
        assertEquals(expected.length, got.length, what + ": number of values");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], tolerance(dtype) * Math.max(1, Math.abs(expected[i])), what + " at " + i);
        }
    }

    /** The (rows, columns) array whose row-major values are {@code values}. */
    private static double[][] rows(double[] values, int columns) {
        double[][] rows = new double[values.length / columns][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = Arrays.copyOfRange(values, r * columns, (r + 1) * columns);
        }
        return rows;
    }

    /** Dense on a rank-3 input works on the last axis; its activation follows the linear part. */
    @Test
    void denseMatchesItsLoops() {
        for (DType dtype : ReferenceSupport.DTYPES) {
            Random random = ReferenceSupport.random("dense " + dtype);
            Tensor x = uniform(random, dtype, 2, 3, 4);
            Tensor kernel = uniform(random, dtype, 4, 5);
            Tensor bias = uniform(random, dtype, 5);
            Dense layer = new Dense(5).activation("tanh");
            layer.dtype(dtype.toString());
            Tensor y = applyWith(layer, x, kernel, bias);
            double[] linear = flat(DenseLoops.dense(rows(x.toDoubleArray(), 4), rows(kernel.toDoubleArray(), 5),
                    bias.toDoubleArray()));
            assertEquals(Shape.of(2, 3, 5), y.shape());
            assertClose(ActivationLoops.activation("tanh", linear, 5), y, dtype, "Dense " + dtype);
        }
    }

    /** The values a training call keeps are scaled by 1 / (1 - rate); inference passes them unchanged. */
    @Test
    void dropoutMatchesItsLoops() {
        Tensor x = uniform(ReferenceSupport.random("dropout"), DType.FLOAT32, 4, 50);
        double[] values = x.toDoubleArray();
        Dropout layer = new Dropout(0.4);
        Tensor y = layer.apply(x, true);
        double[] got = y.toDoubleArray();
        boolean[] keep = new boolean[got.length];
        int kept = 0;
        for (int i = 0; i < got.length; i++) {
            keep[i] = got[i] != 0;
            kept += keep[i] ? 1 : 0;
        }
        assertTrue(kept > 0 && kept < got.length, kept + " of " + got.length + " kept");
        assertClose(DropoutLoops.dropout(values, 0.4, keep), y, DType.FLOAT32, "Dropout(0.4) training");
        assertArrayEquals(values, layer.apply(x).toDoubleArray(), "inference");
    }

    @Test
    void flattenMatchesItsLoops() {
        Tensor x = uniform(ReferenceSupport.random("flatten"), DType.FLOAT64, 2, 3, 4, 5);
        Flatten layer = new Flatten();
        layer.dtype("float64");
        Tensor y = layer.apply(x);
        assertEquals(Shape.of(2, 60), y.shape());
        assertClose(flat(FlattenLoops.flatten(toArray4(x))), y, DType.FLOAT64, "Flatten");
    }

    /** Inference normalises with the moving statistics (float64: Keras's non-fused path, epsilon as given). */
    @Test
    void batchNormalizationInferenceMatchesItsLoops() {
        Random random = ReferenceSupport.random("batch normalization inference");
        Tensor x = uniform(random, DType.FLOAT64, 3, 4, 5, 6);
        Tensor gamma = uniform(random, DType.FLOAT64, 6);
        Tensor beta = uniform(random, DType.FLOAT64, 6);
        Tensor movingMean = uniform(random, DType.FLOAT64, 6);
        Tensor movingVariance = uniform(random, DType.FLOAT64, 6).add(1.5);
        BatchNormalization layer = new BatchNormalization().epsilon(0.01);
        layer.dtype("float64");
        Tensor y = applyWith(layer, x, gamma, beta, movingMean, movingVariance);
        double[] expected = BatchNormalizationLoops.inference(x.toDoubleArray(), 6, gamma.toDoubleArray(),
                beta.toDoubleArray(), movingMean.toDoubleArray(), movingVariance.toDoubleArray(), 0.01);
        assertClose(expected, y, DType.FLOAT64, "BatchNormalization inference");
    }
}
