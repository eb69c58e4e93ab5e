package io.github.convbook.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.Backend;
import io.github.convbook.layers.loops.BatchNormalizationLoops;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * BatchNormalization against {@link BatchNormalizationLoops} and hand-computed numbers: training output, Keras's
 * moving-statistic rule (biased variance on the non-fused path, Bessel-corrected on the fused 4-D/5-D float32 path),
 * inference from the moving statistics, weights, and finite-difference gradients through the batch statistics.
 */
class BatchNormalizationTest {

    // ---------------------------------------------------------------- helpers

    private static INDArray random(Random random, DataType type, long... shape) {
        INDArray a = GradientCheck.random(random, shape).muli(3).addi(1.5);   // mean and scale away from 0 and 1
        return type == DataType.DOUBLE ? a : a.castTo(type);
    }

    private static double[] doubles(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    /** A layer built for {@code shape} with gamma, beta set to random values. */
    private static BatchNormalization built(String dtype, long[] shape, Random random) {
        BatchNormalization layer = new BatchNormalization().dtype(dtype);
        layer.ensureBuilt(Shape.of(shape));
        long c = shape[shape.length - 1];
        DataType type = layer.dtype().nd4j();
        layer.weightArrays().get("gamma").assign(random(random, type, c));
        layer.weightArrays().get("beta").assign(random(random, type, c));
        return layer;
    }

    private static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance * Math.max(1, Math.abs(expected[i])), what + " at " + i);
        }
    }

    private static INDArray stat(BatchNormalization layer, String name) {
        return layer.weightArrays().get(name);
    }

    // ---------------------------------------------------------------- training output

    private static void checkTrainingOutput(String dtype, long[] shape, double tolerance) {
        Random random = new Random(7);
        BatchNormalization layer = built(dtype, shape, random);
        INDArray x = random(random, layer.dtype().nd4j(), shape);
        int c = (int) shape[shape.length - 1];
        double[] expected = BatchNormalizationLoops.training(doubles(x), c, doubles(stat(layer, "gamma")),
                doubles(stat(layer, "beta")), 1e-3);
        INDArray out = layer.call(x, true);
        assertArrayEquals(shape, out.shape());
        assertEquals(layer.dtype().nd4j(), out.dataType());
        assertClose(expected, doubles(out), tolerance, dtype + " " + Shape.of(shape));
    }

    @Test
    void trainingOutputMatchesPlainLoopsForDenseAndConvOutputs() {
        checkTrainingOutput("float32", new long[] {16, 5}, 1e-5);
        checkTrainingOutput("float64", new long[] {16, 5}, 1e-12);
        checkTrainingOutput("float32", new long[] {4, 3, 5, 6}, 1e-5);
        checkTrainingOutput("float64", new long[] {4, 3, 5, 6}, 1e-12);
        checkTrainingOutput("float64", new long[] {3, 7, 2}, 1e-12);   // rank 3: (batch, steps, channels)
    }

    @Test
    void trainingOutputHasZeroMeanAndUnitVarianceBeforeGammaAndBeta() {
        BatchNormalization layer = new BatchNormalization().dtype("float64");
        INDArray x = random(new Random(3), DataType.DOUBLE, 64, 4);
        INDArray out = layer.call(layerBuiltFor(layer, x), true);
        INDArray mean = out.mean(0);
        INDArray var = out.var(false, 0);
        INDArray inputVar = x.var(false, 0);
        for (int c = 0; c < 4; c++) {
            assertEquals(0, mean.getDouble(c), 1e-12);
            double v = inputVar.getDouble(c);
            assertEquals(v / (v + 1e-3), var.getDouble(c), 1e-12);   // var(x^) = var / (var + epsilon), just under 1
        }
    }

    private static INDArray layerBuiltFor(Layer layer, INDArray x) {
        layer.ensureBuilt(Shape.of(x.shape()));
        return x;
    }

    // ---------------------------------------------------------------- moving statistics, Keras's rule

    /** Two channels: (1, 3, 5, 7) has mean 4 and biased variance 5; (0, 0, 4, 4) has mean 2 and variance 4. */
    private static final float[] TWO_CHANNELS = {1, 0, 3, 0, 5, 4, 7, 4};

    @Test
    void nonFusedPathMovesTheStatisticsWithTheBiasedVariance() {
        // rank 2 (Dense outputs): Keras's non-fused path, tf.nn.moments, divide by n
        BatchNormalization layer = new BatchNormalization();
        Tensor x = Tensor.of(TWO_CHANNELS, 4, 2);
        layer.ensureBuilt(x.shape());
        layer.call(x.data(), true);
        // 0 * 0.99 + 4 * 0.01 = 0.04, 0 * 0.99 + 2 * 0.01 = 0.02; 1 * 0.99 + 5 * 0.01 = 1.04, 0.99 + 4 * 0.01 = 1.03
        assertClose(new double[] {0.04, 0.02}, doubles(stat(layer, "moving_mean")), 1e-7, "moving_mean after 1");
        assertClose(new double[] {1.04, 1.03}, doubles(stat(layer, "moving_variance")), 1e-7,
                "moving_variance after 1");
        layer.call(x.data(), true);
        // 0.04 * 0.99 + 0.04 = 0.0796, 0.02 * 0.99 + 0.02 = 0.0398;
        // 1.04 * 0.99 + 0.05 = 1.0796, 1.03 * 0.99 + 0.04 = 1.0597
        assertClose(new double[] {0.0796, 0.0398}, doubles(stat(layer, "moving_mean")), 1e-7, "moving_mean after 2");
        assertClose(new double[] {1.0796, 1.0597}, doubles(stat(layer, "moving_variance")), 1e-7,
                "moving_variance after 2");
    }

    @Test
    void fusedPathMovesTheVarianceWithBesselsCorrection() {
        // rank 4 float32 (Conv2D outputs): Keras's fused path; TensorFlow's kernel returns variance * n / (n - 1),
        // here 5 * 4 / 3 = 20 / 3 per channel (n = batch * height * width = 2 * 1 * 2 = 4)
        BatchNormalization layer = new BatchNormalization();
        Tensor x = Tensor.of(TWO_CHANNELS, 2, 1, 2, 2);
        layer.ensureBuilt(x.shape());
        layer.call(x.data(), true);
        double v1 = 0.99 + 20.0 / 3 * 0.01;            // 1.056666...
        double w1 = 0.99 + 16.0 / 3 * 0.01;            // 1.043333...
        assertClose(new double[] {0.04, 0.02}, doubles(stat(layer, "moving_mean")), 1e-7, "moving_mean after 1");
        assertClose(new double[] {v1, w1}, doubles(stat(layer, "moving_variance")), 1e-7, "moving_variance after 1");
        assertEquals(1.0566667, v1, 1e-7);
        layer.call(x.data(), true);
        assertClose(new double[] {0.0796, 0.0398}, doubles(stat(layer, "moving_mean")), 1e-7, "moving_mean after 2");
        // 1.0566667 * 0.99 + 0.0666667 = 1.1127667
        assertClose(new double[] {1.1127666667, w1 * 0.99 + 16.0 / 300}, doubles(stat(layer, "moving_variance")), 1e-7,
                "moving_variance after 2");
    }

    @Test
    void float64AndRank3InputsTakeTheNonFusedPath() {
        // Keras does not fuse float64 (the fused kernel has no float64) nor rank 3: biased variance
        BatchNormalization conv64 = new BatchNormalization().dtype("float64");
        Tensor x4 = Tensor.of(TWO_CHANNELS, 2, 1, 2, 2).astype("float64");
        conv64.ensureBuilt(x4.shape());
        conv64.call(x4.data(), true);
        assertClose(new double[] {1.04, 1.03}, doubles(stat(conv64, "moving_variance")), 1e-12, "float64 rank 4");

        BatchNormalization seq = new BatchNormalization();
        Tensor x3 = Tensor.of(TWO_CHANNELS, 2, 2, 2);
        seq.ensureBuilt(x3.shape());
        seq.call(x3.data(), true);
        assertClose(new double[] {1.04, 1.03}, doubles(stat(seq, "moving_variance")), 1e-7, "float32 rank 3");

        BatchNormalization volume = new BatchNormalization();   // rank 5 float32: fused (NDHWC) in Keras 2.6 to 2.15
        Tensor x5 = Tensor.of(TWO_CHANNELS, 1, 2, 1, 2, 2);
        volume.ensureBuilt(x5.shape());
        volume.call(x5.data(), true);
        assertClose(new double[] {0.99 + 20.0 / 300, 0.99 + 16.0 / 300}, doubles(stat(volume, "moving_variance")), 1e-7,
                "float32 rank 5");
    }

    @Test
    void aSingleValuePerChannelNeedsNoCorrection() {
        // n = 1: TensorFlow divides by max(n - 1, 1), so the (zero) variance stays as it is
        BatchNormalization layer = new BatchNormalization();
        Tensor x = Tensor.of(new float[] {2, 4}, 1, 1, 1, 2);
        layer.ensureBuilt(x.shape());
        INDArray out = layer.call(x.data(), true);
        assertClose(new double[] {0, 0}, doubles(out), 0, "output of a constant channel");
        assertClose(new double[] {0.02, 0.04}, doubles(stat(layer, "moving_mean")), 1e-7, "moving_mean");
        assertClose(new double[] {0.99, 0.99}, doubles(stat(layer, "moving_variance")), 1e-7, "moving_variance");
    }

    @Test
    void momentumIsConfigurable() {
        BatchNormalization layer = new BatchNormalization().momentum(0.5);
        Tensor x = Tensor.of(TWO_CHANNELS, 4, 2);
        layer.ensureBuilt(x.shape());
        layer.call(x.data(), true);
        assertClose(new double[] {2, 1}, doubles(stat(layer, "moving_mean")), 1e-7, "moving_mean");
        assertClose(new double[] {3, 2.5}, doubles(stat(layer, "moving_variance")), 1e-7, "moving_variance");
    }

    // ---------------------------------------------------------------- inference

    @Test
    void inferenceUsesTheMovingStatisticsAndLeavesThemAlone() {
        BatchNormalization layer = new BatchNormalization();
        Tensor x = Tensor.of(new float[] {4, 1, -2, 3}, 2, 2);
        layer.ensureBuilt(x.shape());
        layer.setWeights(Tensor.of(2f, 1f), Tensor.of(0.5f, -1f), Tensor.of(1f, 0f), Tensor.of(3f, 0.25f));
        Tensor out = layer.apply(x);   // eager call: inference, as in Keras
        double[] expected = {
            2 * (4 - 1) / Math.sqrt(3.001) + 0.5, (1 - 0) / Math.sqrt(0.251) - 1,
            2 * (-2 - 1) / Math.sqrt(3.001) + 0.5, (3 - 0) / Math.sqrt(0.251) - 1};
        assertClose(expected, out.toDoubleArray(), 1e-6, "inference output");
        assertClose(new double[] {1, 0}, doubles(stat(layer, "moving_mean")), 0, "moving_mean untouched");
        assertClose(new double[] {3, 0.25}, doubles(stat(layer, "moving_variance")), 0, "moving_variance untouched");
    }

    @Test
    void theFusedPathRaisesATinyEpsilonAsTensorFlowDoes() {
        // tf.compat.v1.nn.fused_batch_norm: epsilon = max(epsilon, 1.001e-5)
        BatchNormalization fused = new BatchNormalization().epsilon(1e-7);
        Tensor x = Tensor.of(new float[] {1}, 1, 1, 1, 1);
        fused.ensureBuilt(x.shape());
        fused.setWeights(Tensor.of(1f), Tensor.of(0f), Tensor.of(0f), Tensor.of(0f));
        assertEquals(1 / Math.sqrt(1.001e-5), fused.apply(x).toDoubleArray()[0], 1e-2);

        BatchNormalization plain = new BatchNormalization().epsilon(1e-7).dtype("float64");   // non-fused: as given
        Tensor x2 = Tensor.of(new double[] {1}, 1, 1);
        plain.ensureBuilt(x2.shape());
        plain.setWeights(Tensor.of(1.0), Tensor.of(0.0), Tensor.of(0.0), Tensor.of(0.0));
        assertEquals(1 / Math.sqrt(1e-7), plain.apply(x2).toDoubleArray()[0], 1e-6);
    }

    @Test
    void trainingOutputIgnoresTheMovingStatistics() {
        Random random = new Random(5);
        BatchNormalization layer = built("float64", new long[] {6, 3}, random);
        INDArray x = random(random, DataType.DOUBLE, 6, 3);
        INDArray first = layer.call(x, true).dup();
        stat(layer, "moving_mean").assign(random(random, DataType.DOUBLE, 3));
        stat(layer, "moving_variance").assign(Nd4j.rand(DataType.DOUBLE, 3).addi(2));
        assertClose(doubles(first), doubles(layer.call(x, true)), 0, "training output");
    }

    // ---------------------------------------------------------------- weights

    @Test
    void weightsFollowKerasNamesOrderAndTrainability() {
        Backend.clearSession();
        BatchNormalization layer = new BatchNormalization();
        layer.ensureBuilt(Shape.batchOf(28, 28, 32));
        assertEquals("batch_normalization", layer.name());
        assertEquals(List.of("batch_normalization/gamma:0", "batch_normalization/beta:0",
                "batch_normalization/moving_mean:0", "batch_normalization/moving_variance:0"), layer.weightNames());
        assertTrue(layer.isTrainable("gamma"));
        assertTrue(layer.isTrainable("beta"));
        assertFalse(layer.isTrainable("moving_mean"));
        assertFalse(layer.isTrainable("moving_variance"));
        assertEquals(128, layer.countParams());
        assertEquals(64, layer.countTrainableParams());
        assertEquals(Shape.batchOf(28, 28, 32), layer.computeOutputShape(Shape.batchOf(28, 28, 32)));
        List<Tensor> w = layer.getWeights();
        assertArrayEquals(new float[32], w.get(1).toFloatArray());   // beta zeros
        assertArrayEquals(new float[32], w.get(2).toFloatArray());   // moving_mean zeros
        float[] ones = new float[32];
        Arrays.fill(ones, 1f);
        assertArrayEquals(ones, w.get(0).toFloatArray());            // gamma ones
        assertArrayEquals(ones, w.get(3).toFloatArray());            // moving_variance ones
        assertEquals(Shape.of(32), w.get(0).shape());
        assertEquals("batch_normalization_1", new BatchNormalization().name());
    }

    @Test
    void initializersAreSetByName() {
        BatchNormalization layer = new BatchNormalization().gammaInitializer("zeros").betaInitializer("ones")
                .movingMeanInitializer("ones").movingVarianceInitializer("zeros");
        layer.ensureBuilt(Shape.batchOf(3));
        assertClose(new double[] {0, 0, 0}, doubles(stat(layer, "gamma")), 0, "gamma");
        assertClose(new double[] {1, 1, 1}, doubles(stat(layer, "beta")), 0, "beta");
        assertClose(new double[] {1, 1, 1}, doubles(stat(layer, "moving_mean")), 0, "moving_mean");
        assertClose(new double[] {0, 0, 0}, doubles(stat(layer, "moving_variance")), 0, "moving_variance");
    }

    @Test
    void centerAndScaleOffDropBetaAndGamma() {
        Backend.clearSession();
        BatchNormalization neither = new BatchNormalization().center(false).scale(false).dtype("float64");
        neither.ensureBuilt(Shape.batchOf(5));
        assertEquals(List.of("batch_normalization/moving_mean:0", "batch_normalization/moving_variance:0"),
                neither.weightNames());
        assertEquals(10, neither.countParams());
        assertEquals(0, neither.countTrainableParams());
        INDArray x = random(new Random(2), DataType.DOUBLE, 8, 5);
        double[] ones = {1, 1, 1, 1, 1};
        double[] zeros = new double[5];
        assertClose(BatchNormalizationLoops.training(doubles(x), 5, ones, zeros, 1e-3), doubles(neither.call(x, true)),
                1e-12, "plain x^");
        neither.backward(random(new Random(3), DataType.DOUBLE, 8, 5), true);
        assertTrue(neither.gradients().isEmpty(), "no trainable weight, no gradient: " + neither.gradients().keySet());

        BatchNormalization noBeta = new BatchNormalization().center(false);
        noBeta.ensureBuilt(Shape.batchOf(5));
        assertEquals(List.of("gamma", "moving_mean", "moving_variance"), List.copyOf(noBeta.weightArrays().keySet()));
        assertEquals(15, noBeta.countParams());
        assertEquals(5, noBeta.countTrainableParams());
        BatchNormalization noGamma = new BatchNormalization().scale(false);
        noGamma.ensureBuilt(Shape.batchOf(5));
        assertEquals(List.of("beta", "moving_mean", "moving_variance"), List.copyOf(noGamma.weightArrays().keySet()));
        assertEquals(5, noGamma.countTrainableParams());
    }

    // ---------------------------------------------------------------- gradients

    /**
     * Central differences of {@code L = sum(call(x, true) * R)} for x, gamma and beta. GradientCheck cannot be used
     * here: it measures the loss in inference mode, and batch normalization's training output depends on the batch
     * statistics, not on the moving ones (which get no gradient).
     */
    private static void checkGradients(BatchNormalization layer, long[] shape, long seed) {
        Random random = new Random(seed);
        layer.ensureBuilt(Shape.of(shape));
        for (String name : List.of("gamma", "beta")) {
            if (layer.weightArrays().containsKey(name)) {
                stat(layer, name).assign(random(random, DataType.DOUBLE, stat(layer, name).shape()));
            }
        }
        INDArray x = random(random, DataType.DOUBLE, shape);
        layer.call(x.dup(), true);
        INDArray r = GradientCheck.random(random, shape);
        INDArray inputGradient = layer.backward(r.dup(), true).dup();
        Map<String, INDArray> gradients = layer.gradients();
        compare(layer, "input", x, inputGradient, x, r);
        for (String name : List.of("gamma", "beta")) {
            if (layer.weightArrays().containsKey(name)) {
                compare(layer, name, stat(layer, name), gradients.get(name).dup(), x, r);
            }
        }
        assertFalse(gradients.containsKey("moving_mean"));
        assertFalse(gradients.containsKey("moving_variance"));
    }

    private static void compare(BatchNormalization layer, String what, INDArray values, INDArray analytic,
                                INDArray x, INDArray r) {
        assertTrue(analytic != null, "no gradient for " + what);
        INDArray flat = values.reshape(values.length());
        INDArray grad = analytic.reshape(analytic.length());
        double h = 1e-6;
        double worst = 0;
        for (long i = 0; i < flat.length(); i++) {
            double original = flat.getDouble(i);
            flat.putScalar(i, original + h);
            double plus = layer.call(x.dup(), true).mul(r).sumNumber().doubleValue();
            flat.putScalar(i, original - h);
            double minus = layer.call(x.dup(), true).mul(r).sumNumber().doubleValue();
            flat.putScalar(i, original);
            double numeric = (plus - minus) / (2 * h);
            double a = grad.getDouble(i);
            if (Math.abs(a - numeric) > 1e-9) {
                worst = Math.max(worst, Math.abs(a - numeric) / Math.max(Math.abs(a) + Math.abs(numeric), 1e-8));
            }
        }
        assertTrue(worst < 1e-6, what + ": relative error " + worst);
    }

    @Test
    void gradientsMatchFiniteDifferencesThroughTheBatchStatistics() {
        checkGradients(new BatchNormalization().dtype("float64"), new long[] {6, 4}, 11);
        checkGradients(new BatchNormalization().dtype("float64"), new long[] {3, 4, 3, 2}, 12);
        checkGradients(new BatchNormalization().dtype("float64").center(false), new long[] {5, 3}, 13);
        checkGradients(new BatchNormalization().dtype("float64").scale(false), new long[] {2, 3, 2, 3}, 14);
        checkGradients(new BatchNormalization().dtype("float64").epsilon(0.5), new long[] {4, 2, 3}, 15);
    }

    @Test
    void theFirstLayerReturnsNoInputGradient() {
        BatchNormalization layer = new BatchNormalization();
        Tensor x = Tensor.of(TWO_CHANNELS, 4, 2);
        layer.ensureBuilt(x.shape());
        layer.call(x.data(), true);
        assertNull(layer.backward(Tensor.ones(4, 2).data(), false));
        assertEquals(List.of("gamma", "beta"), List.copyOf(layer.gradients().keySet()));
        assertClose(new double[] {4, 4}, doubles(layer.gradients().get("beta")), 0, "dbeta = sum of ones");
        assertClose(new double[] {0, 0}, doubles(layer.gradients().get("gamma")), 1e-6, "dgamma = sum of x^ = 0");
    }

    @Test
    void stridedInputsAreRead() {
        BatchNormalization layer = new BatchNormalization().dtype("float64");
        INDArray x = random(new Random(9), DataType.DOUBLE, 5, 6);
        INDArray view = x.transpose();   // (6, 5), not contiguous
        layer.ensureBuilt(Shape.of(view.shape()));
        double[] expected = BatchNormalizationLoops.training(doubles(view), 5, new double[] {1, 1, 1, 1, 1},
                new double[5], 1e-3);
        assertClose(expected, doubles(layer.call(view, true)), 1e-12, "transposed input");
    }

    // ---------------------------------------------------------------- errors

    @Test
    void errorsSayWhatIsSupported() {
        Backend.clearSession();
        IllegalArgumentException axis = assertThrows(IllegalArgumentException.class,
                () -> new BatchNormalization().axis(1).apply(Tensor.zeros(2, 4, 4, 3)));
        assertTrue(axis.getMessage().contains("axis=1 is not supported")
                && axis.getMessage().contains("only the last axis") && axis.getMessage().contains("axis=-1 or axis=3"),
                axis.getMessage());
        assertEquals(3, new BatchNormalization().axis(3).apply(Tensor.zeros(2, 4, 4, 3)).shape().get(-1));
        IllegalArgumentException batchAxis = assertThrows(IllegalArgumentException.class,
                () -> new BatchNormalization().axis(0));
        assertTrue(batchAxis.getMessage().contains("only the last axis"), batchAxis.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BatchNormalization().axis(-2));

        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
                () -> new BatchNormalization().apply(Tensor.zeros(5)));
        assertTrue(rank.getMessage().contains("rank >= 2"), rank.getMessage());

        IllegalArgumentException momentum = assertThrows(IllegalArgumentException.class,
                () -> new BatchNormalization().momentum(1.5));
        assertTrue(momentum.getMessage().contains("momentum must be between 0 and 1, got 1.5"), momentum.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BatchNormalization().epsilon(-1));
        IllegalArgumentException init = assertThrows(IllegalArgumentException.class,
                () -> new BatchNormalization().gammaInitializer("one"));
        assertTrue(init.getMessage().contains("Unknown initializer 'one'"), init.getMessage());

        BatchNormalization layer = new BatchNormalization().name("bn");
        layer.apply(Tensor.zeros(2, 3));
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                () -> layer.apply(Tensor.zeros(2, 4)));
        assertTrue(channels.getMessage().contains("Layer 'bn' (BatchNormalization) was built for inputs "
                + "of shape (None, 3)"), channels.getMessage());
        assertThrows(IllegalArgumentException.class, () -> layer.apply(Tensor.zeros(2, 1, 3)));
        IllegalStateException late = assertThrows(IllegalStateException.class, () -> layer.center(false));
        assertTrue(late.getMessage().contains("already built"), late.getMessage());

        IllegalStateException early = assertThrows(IllegalStateException.class,
                () -> new BatchNormalization().backward(Tensor.zeros(2, 3).data(), true));
        assertTrue(early.getMessage().contains("call(x, true) first"), early.getMessage());
    }
}
