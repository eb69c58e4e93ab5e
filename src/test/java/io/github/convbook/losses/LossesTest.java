package io.github.convbook.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Loss values computed by hand with Keras's formulas (clip at 1e-7), and gradients against finite differences. */
class LossesTest {
    private static final INDArray PROBS = Nd4j.create(new double[][] {{0.7, 0.2, 0.1}, {0.1, 0.1, 0.8}});
    private static final INDArray LABELS = Nd4j.create(new double[] {0, 2});
    private static final INDArray ONE_HOT = Nd4j.create(new double[][] {{1, 0, 0}, {0, 0, 1}});

    @Test
    void sparseCategoricalCrossentropyIsMinusLogOfTheLabelsProbability() {
        double expected = (-Math.log(0.7) - Math.log(0.8)) / 2;
        assertEquals(expected, Losses.get("sparse_categorical_crossentropy").value(LABELS, PROBS), 1e-12);
    }

    @Test
    void categoricalCrossentropyMatchesForOneHotTargets() {
        double expected = (-Math.log(0.7) - Math.log(0.8)) / 2;
        assertEquals(expected, Losses.get("categorical_crossentropy").value(ONE_HOT, PROBS), 1e-12);
    }

    @Test
    void aCertainWrongAnswerIsClippedAt1eMinus7() {
        INDArray p = Nd4j.create(new double[][] {{1.0, 0.0}});
        double loss = Losses.get("sparse_categorical_crossentropy").value(Nd4j.create(new double[] {1}), p);
        // clip(0) = 1e-7 and clip(1) = 1 - 1e-7: -log(1e-7) + log(1e-7 + 1 - 1e-7)
        assertEquals(-Math.log(1e-7) + Math.log(1.0), loss, 1e-6);
        assertTrue(Double.isFinite(Losses.get("binary_crossentropy").value(Nd4j.create(new double[][] {{1, 0}}),
                Nd4j.create(new double[][] {{0, 1}}))));
    }

    @Test
    void binaryCrossentropyAddsEpsilonInsideTheLog() {
        INDArray y = Nd4j.create(new double[][] {{1, 0}, {0, 1}});
        INDArray p = Nd4j.create(new double[][] {{0.9, 0.2}, {0.3, 0.6}});
        double e = 1e-7;
        double expected = -(Math.log(0.9 + e) + Math.log(1 - 0.2 + e) + Math.log(1 - 0.3 + e) + Math.log(0.6 + e)) / 4;
        assertEquals(expected, Losses.get("binary_crossentropy").value(y, p), 1e-12);
    }

    @Test
    void meanSquaredError() {
        INDArray y = Nd4j.create(new double[][] {{1, 2}, {3, 4}});
        INDArray p = Nd4j.create(new double[][] {{1.5, 2}, {2, 4}});
        assertEquals((0.25 + 1) / 4, Losses.get("mse").value(y, p), 1e-12);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        INDArray p = Nd4j.create(new double[][] {{0.5, 0.3, 0.2}, {0.05, 0.15, 0.8}});
        check(Losses.get("sparse_categorical_crossentropy"), LABELS, p);
        check(Losses.get("categorical_crossentropy"), ONE_HOT, p);
        check(Losses.get("binary_crossentropy"), ONE_HOT, p);
        check(Losses.get("mse"), ONE_HOT, p);
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
            double a = analytic.getDouble(i);
            assertEquals(numeric, a, 1e-6 * Math.max(1, Math.abs(numeric)), loss + " value " + i);
        }
    }

    @Test
    void wrongTargetsAreExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.get("sparse_categorical_crossentropy").validate(new long[] {2, 3}, new long[] {2, 3}));
        assertTrue(e.getMessage().contains("categorical_crossentropy"), e.getMessage());
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> Losses.get("categorical_crossentropy").validate(new long[] {2}, new long[] {2, 3}));
        assertTrue(c.getMessage().contains("Utils.toCategorical"), c.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Losses.get("hinge"));
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> Losses.get("sparse_categorical_crossentropy").value(Nd4j.create(new double[] {0, 7}), PROBS));
        assertTrue(label.getMessage().contains("label 7"), label.getMessage());
    }

    @Test
    void floatTypesAreKept() {
        INDArray p = PROBS.castTo(DataType.FLOAT);
        assertEquals(DataType.FLOAT, Losses.get("sparse_categorical_crossentropy").gradient(LABELS, p).dataType());
    }
}
