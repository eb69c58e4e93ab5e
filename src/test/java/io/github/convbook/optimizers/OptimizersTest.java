package io.github.convbook.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.convbook.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One, two and three steps of each optimizer against Keras's update rules written out by hand with plain doubles.
 * The weight is a Dense(1) kernel (1, 1) starting at 1.0; the gradients of the three steps are 0.5, -0.3, 0.2.
 */
class OptimizersTest {
    private static final double[] GRADIENTS = {0.5, -0.3, 0.2};

    /** The weights after each of three steps of {@code optimizer} on the fixed gradients. */
    private static double[] run(Optimizer optimizer) {
        INDArray kernel = Nd4j.valueArrayOf(new long[] {1, 1}, 1.0, DataType.DOUBLE);
        double[] after = new double[GRADIENTS.length];
        for (int step = 0; step < GRADIENTS.length; step++) {
            INDArray gradient = Nd4j.valueArrayOf(new long[] {1, 1}, GRADIENTS[step], DataType.DOUBLE);
            optimizer.apply(List.of(new Parameter("dense/kernel:0", Tensor.wrap(kernel), Tensor.wrap(gradient))));
            after[step] = kernel.getDouble(0);
        }
        return after;
    }

    private static void assertSteps(double[] expected, double[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12, "after step " + (i + 1));
        }
    }

    @Test
    void sgdPlainAndWithMomentum() {
        double w = 1;
        double[] plain = new double[3];
        for (int t = 0; t < 3; t++) {
            w -= 0.01 * GRADIENTS[t];
            plain[t] = w;
        }
        assertSteps(plain, run(new SGD()));

        double v = 0;
        w = 1;
        double[] momentum = new double[3];
        for (int t = 0; t < 3; t++) {
            v = 0.9 * v - 0.1 * GRADIENTS[t];
            w += v;
            momentum[t] = w;
        }
        assertSteps(momentum, run(new SGD(0.1, 0.9, false)));

        v = 0;
        w = 1;
        double[] nesterov = new double[3];
        for (int t = 0; t < 3; t++) {
            v = 0.9 * v - 0.1 * GRADIENTS[t];
            w += 0.9 * v - 0.1 * GRADIENTS[t];
            nesterov[t] = w;
        }
        assertSteps(nesterov, run(new SGD(0.1, 0.9, true)));
    }

    @Test
    void rmsprop() {
        double ms = 0;
        double w = 1;
        double[] expected = new double[3];
        for (int t = 0; t < 3; t++) {
            double g = GRADIENTS[t];
            ms = 0.9 * ms + 0.1 * g * g;
            w -= 0.001 * g / (Math.sqrt(ms) + 1e-7);
            expected[t] = w;
        }
        assertSteps(expected, run(Optimizers.get("rmsprop")));
    }

    @Test
    void adam() {
        double m = 0;
        double v = 0;
        double w = 1;
        double[] expected = new double[3];
        for (int t = 1; t <= 3; t++) {
            double g = GRADIENTS[t - 1];
            m = 0.9 * m + 0.1 * g;
            v = 0.999 * v + 0.001 * g * g;
            double alpha = 0.001 * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
            w -= alpha * m / (Math.sqrt(v) + 1e-7);
            expected[t - 1] = w;
        }
        assertSteps(expected, run(Optimizers.get("adam")));
    }

    @Test
    void adadeltaWithTfKerasDefaultLearningRate() {
        double accumulated = 0;
        double accumulatedDelta = 0;
        double w = 1;
        double[] expected = new double[3];
        for (int t = 0; t < 3; t++) {
            double g = GRADIENTS[t];
            accumulated = 0.95 * accumulated + 0.05 * g * g;
            double delta = Math.sqrt(accumulatedDelta + 1e-7) / Math.sqrt(accumulated + 1e-7) * g;
            w -= 0.001 * delta;
            accumulatedDelta = 0.95 * accumulatedDelta + 0.05 * delta * delta;
            expected[t] = w;
        }
        assertSteps(expected, run(Optimizers.get("adadelta")));
        assertEquals(0.001, new Adadelta().learningRate());
    }

    @Test
    void namesAndBadSettings() {
        assertEquals(0.01, ((SGD) Optimizers.get("SGD")).learningRate());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizers.get("adamw"));
        assertEquals("Unknown optimizer 'adamw': expected sgd, rmsprop, adam, adadelta or adagrad", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Adam(-1));
    }
}
