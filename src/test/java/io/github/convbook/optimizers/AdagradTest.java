package io.github.convbook.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.tensor.Tensor;
import java.util.List;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adagrad against Keras 2.x's rule written out by hand (ResourceApplyAdagradV2: {@code accum += g^2;
 * w -= lr * g / (sqrt(accum) + eps)}, accumulator starting at initial_accumulator_value), and learning rate 0 for
 * every optimizer. Same set-up as {@link OptimizersTest}: a Dense(1) kernel starting at 1.0, gradients 0.5, -0.3, 0.2.
 */
class AdagradTest {
    private static final double[] GRADIENTS = {0.5, -0.3, 0.2};

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

    private static double[] byHand(double lr, double initialAccumulator, double epsilon) {
        double accum = initialAccumulator;
        double w = 1;
        double[] expected = new double[3];
        for (int t = 0; t < 3; t++) {
            double g = GRADIENTS[t];
            accum += g * g;
            w -= lr * g / (Math.sqrt(accum) + epsilon);
            expected[t] = w;
        }
        return expected;
    }

    private static void assertSteps(double[] expected, double[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12, "after step " + (i + 1));
        }
    }

    @Test
    void kerasDefaults() {
        assertSteps(byHand(0.001, 0.1, 1e-7), run(Optimizers.get("adagrad")));
        assertSteps(byHand(0.001, 0.1, 1e-7), run(new Adagrad()));
        // first step by the numbers: accum = 0.1 + 0.25 = 0.35, w = 1 - 0.001 * 0.5 / (sqrt(0.35) + 1e-7)
        assertEquals(1 - 0.0005 / (Math.sqrt(0.35) + 1e-7), run(new Adagrad())[0], 1e-15);
        Adagrad adagrad = new Adagrad();
        assertEquals(0.001, adagrad.learningRate());
        assertEquals(0.1, adagrad.initialAccumulatorValue());
        assertEquals(1e-7, adagrad.epsilon());
    }

    @Test
    void otherSettings() {
        assertSteps(byHand(0.1, 0.0, 1e-7), run(new Adagrad(0.1, 0.0, 1e-7)));
        assertSteps(byHand(0.05, 1.0, 1e-3), run(new Adagrad(0.05, 1.0, 1e-3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Adagrad(0.1, -0.1, 1e-7));
        assertTrue(e.getMessage().contains("initial_accumulator_value must be non-negative"), e.getMessage());
    }

    /** The accumulator starts at 0.1 for every weight, each weight its own (a float32 layer with a bias too). */
    @Test
    void everyWeightHasItsOwnAccumulator() {
        INDArray kernel = Nd4j.valueArrayOf(new long[] {3, 2}, 1.0, DataType.FLOAT);
        INDArray bias = Nd4j.zeros(DataType.FLOAT, 2);
        new Adagrad(0.1).apply(List.of(
                new Parameter("dense/kernel:0", Tensor.wrap(kernel),
                        Tensor.wrap(Nd4j.valueArrayOf(new long[] {3, 2}, 0.5, DataType.FLOAT))),
                new Parameter("dense/bias:0", Tensor.wrap(bias),
                        Tensor.wrap(Nd4j.valueArrayOf(new long[] {2}, -0.3, DataType.FLOAT)))));
        assertEquals(1 - 0.1 * 0.5 / (Math.sqrt(0.35) + 1e-7), kernel.getDouble(2), 1e-6);
        assertEquals(0.1 * 0.3 / (Math.sqrt(0.19) + 1e-7), bias.getDouble(1), 1e-6);
    }

    @Test
    void learningRateZeroLeavesWeightsUnchangedForEveryOptimizer() {
        List<DoubleFunction<Optimizer>> makers = List.of(SGD::new, lr -> new SGD(lr, 0.9, false),
                lr -> new SGD(lr, 0.9, true), RMSprop::new, Adam::new, Adadelta::new, Adagrad::new);
        for (DoubleFunction<Optimizer> make : makers) {
            Optimizer optimizer = make.apply(0.0);
            assertEquals(0.0, optimizer.learningRate());
            double[] after = run(optimizer);
            for (double w : after) {
                assertEquals(1.0, w, 0.0, optimizer.toString());
            }
        }
    }

    @Test
    void negativeOrNaNRatesAreRefused() {
        List<DoubleFunction<Optimizer>> makers = List.of(SGD::new, RMSprop::new, Adam::new, Adadelta::new,
                Adagrad::new);
        for (DoubleFunction<Optimizer> make : makers) {
            for (double bad : new double[] {-0.001, Double.NaN, Double.POSITIVE_INFINITY}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> make.apply(bad));
                assertTrue(e.getMessage().contains("learningRate must be a finite number >= 0, got " + bad),
                        e.getMessage());
            }
        }
    }

    @Test
    void unknownNamesListAdagrad() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizers.get("adamw"));
        assertEquals("Unknown optimizer 'adamw': expected sgd, rmsprop, adam, adadelta or adagrad", e.getMessage());
        assertTrue(Optimizers.get(" AdaGrad ") instanceof Adagrad);
    }
}
