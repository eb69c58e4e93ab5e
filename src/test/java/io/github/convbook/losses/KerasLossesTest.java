package io.github.convbook.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.layers.Activations;
import io.github.convbook.tensor.DType;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loss objects with Keras's arguments, their values against hand-computed Keras results (float32 rounding included)
 * and the from-logits gradients against finite differences.
 */
class KerasLossesTest {

    @Test
    void categoricalFromLogitsOfASaturatedRow() {
        Tensor logits = Tensor.of(new float[][] {{14.4f, 50.1f, 3.5f}});
        Tensor target = Tensor.of(new float[][] {{1, 0, 0}});
        Tensor loss = new CategoricalCrossentropy().fromLogits(true).apply(target, logits);
        assertEquals(Shape.of(), loss.shape());
        assertEquals(DType.FLOAT32, loss.dtype());
        // logsumexp(z) - z_0 = 50.1 + log(1 + e^-35.7 + e^-46.6) - 14.4
        assertEquals(35.7, loss.item(), 1e-5);
        // the probability formula clips softmax(z)_0 ~ 3e-16 at 1e-7: -log(1e-7) = 16.12, and its gradient is zero
        Tensor probs = Tensor.of(new float[][] {{(float) Math.exp(14.4 - 50.1), 1f, (float) Math.exp(3.5 - 50.1)}});
        assertEquals(-Math.log((float) 1e-7), new CategoricalCrossentropy().apply(target, probs).item(), 1e-4);
    }

    @Test
    void binaryOnPlainLabelVectorsGivesKerasValue() {
        Tensor p = Tensor.of(new float[] {0.9f, 0.2f, 0.6f, 0.4f}, 4, 1);
        Tensor y = Tensor.of(1, 0, 0, 0);   // (4,) int labels for a (4, 1) output
        // -(log .9 + log .8 + log .4 + log .6) / 4
        assertEquals(0.43891, new BinaryCrossentropy().apply(y, p).item(), 1e-5);
        assertEquals(0.43891, Losses.get("binary_crossentropy").apply(y, p).item(), 1e-5);
    }

    @Test
    void binaryClipRoundsInFloat32AsKerasDoes() {
        // p = 1 with target 0: Keras clips p to float32(1 - 1e-7) = 0.99999988, then -log(1 - 0.99999988 + 1e-7)
        Tensor y = Tensor.of(new float[] {0f}, 1, 1);
        double float32 = -Math.log((1 - (double) (1f - 1e-7f)) + (double) 1e-7f);
        assertEquals(15.33325, float32, 1e-4);
        assertEquals(float32, new BinaryCrossentropy().apply(y, Tensor.of(new float[] {1f}, 1, 1)).item(), 1e-4);
        // in float64 the bound is 1 - 1e-7 exactly: -log(2e-7)
        Tensor p64 = Tensor.of(new double[] {1.0}, 1, 1);
        assertEquals(-Math.log(2e-7), new BinaryCrossentropy().apply(y.astype("float64"), p64).item(), 1e-9);
    }

    @Test
    void binaryFromLogitsIsStableForLargeLogits() {
        Tensor z = Tensor.of(new double[] {20, -20, 0, 3}, 4, 1);
        Tensor y = Tensor.of(new double[] {0, 0, 1, 1});
        double expected = (20 + Math.log1p(Math.exp(-20)) + Math.log1p(Math.exp(-20)) + Math.log(2)
                + Math.log1p(Math.exp(-3))) / 4;
        assertEquals(expected, new BinaryCrossentropy().fromLogits(true).apply(y, z).item(), 1e-12);
    }

    @Test
    void sparseFromLogitsAndPerSampleCall() {
        Tensor z = Tensor.of(new double[][] {{2, 1, 0}, {0, 0, 5}});
        Tensor labels = Tensor.of(0, 2);
        double first = Math.log(Math.exp(2) + Math.exp(1) + 1) - 2;
        double second = Math.log(2 + Math.exp(5)) - 5;
        Tensor each = new SparseCategoricalCrossentropy().fromLogits(true).call(labels, z);
        assertEquals(Shape.of(2), each.shape());
        assertEquals(first, each.getDouble(0), 1e-12);
        assertEquals(second, each.getDouble(1), 1e-12);
        assertEquals((first + second) / 2,
                new SparseCategoricalCrossentropy().fromLogits(true).apply(labels, z).item(), 1e-12);
    }

    @Test
    void floatLabelsAreTruncatedAsKerasCastsThemToInt64() {
        Tensor p = Tensor.of(new double[][] {{0.2, 0.3, 0.5}});
        double asTwo = new SparseCategoricalCrossentropy().apply(Tensor.of(2), p).item();
        assertEquals(asTwo, new SparseCategoricalCrossentropy().apply(Tensor.of(new double[] {2.7}), p).item(), 0);
        assertEquals(-Math.log(0.5), asTwo, 1e-12);
    }

    @Test
    void meanAbsoluteErrorByNameAndObject() {
        Tensor y = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        Tensor p = Tensor.of(new double[][] {{1.5, 2}, {2, 6}});
        assertEquals((0.5 + 0 + 1 + 2) / 4, new MeanAbsoluteError().apply(y, p).item(), 1e-12);
        assertEquals("mae", Losses.get("mean_absolute_error").name());
        assertEquals("mae", Losses.get("MAE").name());
        assertEquals((0.25 + 1 + 4) / 4, new MeanSquaredError().apply(y, p).item(), 1e-12);
        Tensor perSample = new MeanAbsoluteError().call(y, p);
        assertEquals(0.25, perSample.getDouble(0), 1e-12);
        assertEquals(1.5, perSample.getDouble(1), 1e-12);
    }

    @Test
    void labelSmoothingAsKeras() {
        Tensor z = Tensor.of(new double[][] {{1, 2, 3}});
        Tensor y = Tensor.of(new double[][] {{0, 0, 1}});
        // y becomes [0.1/3, 0.1/3, 0.9 + 0.1/3]
        double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        double expected = (0.1 / 3) * (lse - 1) + (0.1 / 3) * (lse - 2) + (0.9 + 0.1 / 3) * (lse - 3);
        assertEquals(expected,
                new CategoricalCrossentropy().fromLogits(true).labelSmoothing(0.1).apply(y, z).item(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new BinaryCrossentropy().labelSmoothing(1.5));
    }

    @Test
    void logitsRuleFollowsKerasGetLogits() {
        Loss sparse = new SparseCategoricalCrossentropy();
        Loss binary = new BinaryCrossentropy();
        // activation functions attach their logits for any cross-entropy
        assertTrue(sparse.readsLogitsOf(Activations.SOFTMAX, true));
        assertTrue(binary.readsLogitsOf(Activations.SIGMOID, true));
        assertTrue(binary.readsLogitsOf(Activations.SOFTMAX, true));   // Keras's own rule, even when mismatched
        // a bare Softmax operation is recognised by the categorical losses only
        assertTrue(sparse.readsLogitsOf(Activations.SOFTMAX, false));
        assertFalse(binary.readsLogitsOf(Activations.SOFTMAX, false));
        assertFalse(sparse.readsLogitsOf(Activations.RELU, true));
        assertFalse(new MeanSquaredError().readsLogitsOf(Activations.SIGMOID, true));
    }

    @Test
    void fromLogitsGradientsMatchFiniteDifferences() {
        INDArray z = Nd4j.create(new double[][] {{0.5, -1.3, 2.0}, {3.1, 0.2, -0.7}});
        check(new SparseCategoricalCrossentropy().fromLogits(true), Nd4j.create(new double[] {2, 0}).reshape(2, 1), z);
        check(new CategoricalCrossentropy().fromLogits(true).labelSmoothing(0.2),
                Nd4j.create(new double[][] {{0, 0, 1}, {0.3, 0.7, 0}}), z);
        check(new BinaryCrossentropy().fromLogits(true), Nd4j.create(new double[][] {{0, 1, 1}, {1, 0, 0.5}}), z);
        INDArray p = Nd4j.create(new double[][] {{0.5, 0.3, 0.2}, {0.05, 0.15, 0.8}});
        check(new MeanAbsoluteError(), Nd4j.create(new double[][] {{0, 1, 1}, {1, 0, 0.5}}), p);
        check(new BinaryCrossentropy().labelSmoothing(0.1), Nd4j.create(new double[][] {{0, 1, 1}, {1, 0, 0.5}}), p);
    }

    private static void check(Loss loss, INDArray y, INDArray p) {
        INDArray analytic = loss.gradient(y, p);
        double h = 1e-6;
        for (int i = 0; i < p.length(); i++) {
            INDArray plus = p.dup();
            plus.putScalar(i, p.getDouble(i) + h);
            INDArray minus = p.dup();
            minus.putScalar(i, p.getDouble(i) - h);
            double numeric = (loss.value(y, plus) - loss.value(y, minus)) / (2 * h);
            assertEquals(numeric, analytic.getDouble(i), 1e-7 * Math.max(1, Math.abs(numeric)), loss + " value " + i);
        }
    }

    @Test
    void badInputsAreExplained() {
        Tensor p = Tensor.of(new double[][] {{0.2, 0.8}, {0.6, 0.4}});
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> new SparseCategoricalCrossentropy().apply(Tensor.of(1, 2), p));
        assertTrue(label.getMessage().contains("yTrue[1] = 2"), label.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> new MeanSquaredError().apply(Tensor.of(new double[] {1, 2, 3}), p));
        assertTrue(shape.getMessage().contains("(2, 2)") && shape.getMessage().contains("(3,)"), shape.getMessage());
        IllegalArgumentException ints = assertThrows(IllegalArgumentException.class,
                () -> new MeanSquaredError().apply(p, Tensor.of(new int[][] {{1, 2}, {3, 4}})));
        assertTrue(ints.getMessage().contains("astype(\"float32\")"), ints.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Losses.get("hinge"));
        assertTrue(unknown.getMessage().contains("mae"), unknown.getMessage());
    }

    @Test
    void float32ValuesStayFloat32() {
        INDArray p = Nd4j.create(new double[][] {{0.7, 0.2, 0.1}}).castTo(DataType.FLOAT);
        Tensor v = new SparseCategoricalCrossentropy().apply(Tensor.of(0), Tensor.wrap(p));
        assertEquals(DType.FLOAT32, v.dtype());
        assertEquals((double) (float) -Math.log(0.7f), v.item(), 1e-6);
    }
}
