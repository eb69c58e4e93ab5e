package io.github.convbook.models;

import static io.github.convbook.models.Fit.batchSize;
import static io.github.convbook.models.Fit.epochs;
import static io.github.convbook.models.Fit.shuffle;
import static io.github.convbook.models.Fit.verbose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.Backend;
import io.github.convbook.Utils;
import io.github.convbook.layers.BatchNormalization;
import io.github.convbook.layers.Conv2D;
import io.github.convbook.layers.Dense;
import io.github.convbook.layers.Flatten;
import io.github.convbook.layers.Initializers;
import io.github.convbook.layers.Input;
import io.github.convbook.layers.Layer;
import io.github.convbook.optimizers.SGD;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** BatchNormalization inside models: summary's trainable/non-trainable split, fit, evaluate in inference mode. */
class BatchNormalizationModelTest {

    private static List<String> summaryLines(Model model) {
        List<String> lines = new ArrayList<>();
        model.summary(lines::add);
        return lines;
    }

    @Test
    void sequentialSummarySplitsTrainableAndNonTrainableParams() {
        Backend.clearSession();
        Sequential model = new Sequential(new Dense(10).inputShape(784), new BatchNormalization());
        // Keras 2.x prints this table; BatchNormalization(10 channels) has 40 params, 20 of them moving statistics
        assertEquals(List.of(
                "Model: \"sequential\"",
                "_________________________________________________________________",
                "Layer (type)                 Output Shape              Param #   ",
                "=================================================================",
                "dense (Dense)                (None, 10)                7850      ",
                "_________________________________________________________________",
                "batch_normalization (BatchNo (None, 10)                40        ",
                "=================================================================",
                "Total params: 7,890",
                "Trainable params: 7,870",
                "Non-trainable params: 20",
                "_________________________________________________________________"), summaryLines(model));
    }

    @Test
    void functionalSummaryWithConvolutionsCountsEveryBatchNormalization() {
        Backend.clearSession();
        Tensor in = Input.shape(28, 28, 1);
        Tensor x = new Conv2D(32, 3).apply(in);
        x = new BatchNormalization().apply(x);
        x = new Conv2D(64, 3).apply(x);
        x = new BatchNormalization().apply(x);
        x = new Flatten().apply(x);
        Model model = new Model(in, new Dense(10).activation("softmax").apply(x));
        List<String> lines = summaryLines(model);
        assertEquals("input_1 (InputLayer)         [(None, 28, 28, 1)]       0         ", lines.get(4));
        assertEquals("batch_normalization (BatchNo (None, 26, 26, 32)        128       ", lines.get(8));
        assertEquals("batch_normalization_1 (Batch (None, 24, 24, 64)        256       ", lines.get(12));
        // 320 + 128 + 18,496 + 256 + 368,650 = 387,850; moving statistics: 64 + 128 = 192
        assertEquals(List.of("Total params: 387,850", "Trainable params: 387,658", "Non-trainable params: 192"),
                lines.subList(lines.size() - 4, lines.size() - 1));
    }

    @Test
    void summaryWithoutBatchNormalizationHasNoNonTrainableParams() {
        Backend.clearSession();
        Tensor in = Input.shape(4);
        Model model = new Model(in, new Dense(3).apply(new Flatten().apply(in)));
        List<String> lines = summaryLines(model);
        assertEquals(List.of("Total params: 15", "Trainable params: 15", "Non-trainable params: 0"),
                lines.subList(lines.size() - 4, lines.size() - 1));
    }

    // ---------------------------------------------------------------- training

    /** Labels: whether the sum of the first two features is positive; features scaled so the statistics matter. */
    private static Tensor[] data(int n) {
        Tensor x = Tensor.randn(n, 4);
        float[] v = x.toFloatArray();
        int[] labels = new int[n];
        for (int i = 0; i < v.length; i++) {
            v[i] = v[i] * 3 + 2;
        }
        for (int i = 0; i < n; i++) {
            labels[i] = v[i * 4] + v[i * 4 + 1] > 4 ? 1 : 0;
        }
        return new Tensor[] {Tensor.of(v, n, 4), Tensor.of(labels)};
    }

    private static double[] doubles(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    @Test
    void oneFullBatchStepMovesTheStatisticsByKerasRuleAndGammaBetaBySgd() {
        Utils.setRandomSeed(3);
        Tensor[] d = data(64);
        Tensor in = Input.shape(4);
        Dense hidden = new Dense(6);
        BatchNormalization bn = new BatchNormalization();
        Dense out = new Dense(2).activation("softmax");
        Model model = new Model(in, out.apply(bn.apply(hidden.apply(in))));
        model.compile(new SGD(0.1), "sparse_categorical_crossentropy");

        // what the single training batch (all 64 samples) feeds the batch normalization, with the initial weights
        INDArray h = hidden.apply(d[0]).data();
        double[] mean = doubles(h.mean(0));
        double[] var = doubles(h.var(false, 0));   // biased: Dense outputs are rank 2, Keras's non-fused path
        double[] gammaBefore = doubles(bn.engine().weights().get("gamma"));

        model.fit(d[0], d[1], epochs(1), batchSize(64), shuffle(false), verbose(0));

        double[] movingMean = doubles(bn.engine().weights().get("moving_mean"));
        double[] movingVar = doubles(bn.engine().weights().get("moving_variance"));
        double[] gammaGradient = doubles(bn.engine().gradients().get("gamma"));
        double[] gammaAfter = doubles(bn.engine().weights().get("gamma"));
        for (int c = 0; c < 6; c++) {
            // exactly the layer's own update: no optimizer step on top (SGD would subtract 0.1 * gradient)
            assertEquals(0.01 * mean[c], movingMean[c], 1e-5 * Math.max(1, Math.abs(mean[c])), "moving_mean " + c);
            assertEquals(0.99 + 0.01 * var[c], movingVar[c], 1e-5 * Math.max(1, var[c]), "moving_variance " + c);
            assertEquals(gammaBefore[c] - 0.1 * gammaGradient[c], gammaAfter[c], 1e-6, "gamma " + c);
        }
        assertTrue(bn.engine().gradients().keySet().containsAll(List.of("gamma", "beta")));
        assertFalse(bn.engine().gradients().containsKey("moving_mean"));
    }

    @Test
    void fitLearnsGammaAndBetaAndEvaluateUsesTheMovingStatistics() {
        Utils.setRandomSeed(4);
        Tensor[] d = data(256);
        Dense hidden = new Dense(8).activation("relu").inputShape(4);
        BatchNormalization bn = new BatchNormalization().momentum(0.9);
        Dense out = new Dense(2).activation("softmax");
        Sequential model = new Sequential(hidden, bn, out);
        model.compile(new SGD(0.1), "sparse_categorical_crossentropy", "accuracy");
        List<Tensor> before = bn.getWeights();

        History history = model.fit(d[0], d[1], epochs(3), batchSize(32), verbose(0));
        List<Double> loss = history.get("loss");
        assertTrue(loss.get(loss.size() - 1) < loss.get(0), "loss falls: " + loss);

        List<Tensor> after = bn.getWeights();
        for (int i = 0; i < 4; i++) {
            assertFalse(Arrays.equals(before.get(i).toFloatArray(), after.get(i).toFloatArray()),
                    bn.weightNames().get(i) + " changed");
        }
        for (float v : after.get(3).toFloatArray()) {
            assertTrue(v > 0, "moving variance stays positive: " + v);
        }

        // evaluate: inference mode, gamma * (h - moving_mean) / sqrt(moving_variance + 0.001) + beta, by hand
        float[] movingMeanBefore = after.get(2).toFloatArray();
        Evaluation result = model.evaluate(d[0], d[1], verbose(0));
        assertArrayEquals(movingMeanBefore, bn.engine().weights().get("moving_mean").dup().data().asFloat(),
                "evaluate leaves the moving statistics alone");
        INDArray h = hidden.apply(d[0]).data().castTo(DataType.DOUBLE);
        double[] g = after.get(0).toDoubleArray();
        double[] b = after.get(1).toDoubleArray();
        double[] mm = after.get(2).toDoubleArray();
        double[] mv = after.get(3).toDoubleArray();
        INDArray normalized = h.dup();
        for (int c = 0; c < 8; c++) {
            INDArray column = normalized.getColumn(c);
            column.subi(mm[c]).muli(g[c] / Math.sqrt(mv[c] + 1e-3)).addi(b[c]);
        }
        INDArray probabilities = out.apply(Tensor.wrap(normalized.castTo(DataType.FLOAT)))
                .data().castTo(DataType.DOUBLE);
        int[] labels = d[1].toIntArray();
        double manual = 0;
        for (int i = 0; i < labels.length; i++) {
            manual -= Math.log(probabilities.getDouble(i, labels[i]));
        }
        manual /= labels.length;
        assertEquals(manual, result.loss(), 1e-4 * Math.max(1, manual));

        // the training-mode loss (batch statistics) is a different number
        INDArray trainingOut = model.forward(d[0].data(), true).castTo(DataType.DOUBLE);
        double trainingLoss = 0;
        for (int i = 0; i < labels.length; i++) {
            trainingLoss -= Math.log(trainingOut.getDouble(i, labels[i]));
        }
        trainingLoss /= labels.length;
        assertNotEquals(result.loss(), trainingLoss, 1e-4);
    }

    @Test
    void optimizersSkipNonTrainableWeightsEvenWithAGradient() {
        // the optimizer must leave a non-trainable weight alone even when a gradient is reported for it
        Layer layer = new RunningStatistic();
        layer.ensureBuilt(Shape.batchOf(2));
        layer.engine().backward(null, false);
        new SGD(0.5).apply(Trainer.parameters(List.of(layer)));
        assertArrayEquals(new float[] {0.5f, 0.5f}, layer.weights().get(0).toFloatArray());
        assertArrayEquals(new float[] {1f, 1f}, layer.weights().get(1).toFloatArray());
        assertEquals(2, layer.countTrainableParams());
    }

    /** A layer that (wrongly) reports a gradient for its running statistic. */
    private static final class RunningStatistic extends Layer {
        @Override
        protected void validateInput(Shape inputShape) {
        }

        @Override
        protected void build(Shape inputShape) {
            addWeight("kernel", new long[] {2}, Initializers.of("ones"));
            addWeight("running", new long[] {2}, Initializers.of("ones"), false);
        }

        @Override
        public Shape computeOutputShape(Shape inputShape) {
            return inputShape;
        }

        @Override
        public INDArray call(INDArray input, boolean training) {
            return input;
        }

        @Override
        protected INDArray backward(INDArray outputGradient, boolean needInputGradient) {
            setGradient("kernel", Nd4j.ones(DataType.FLOAT, 2));
            setGradient("running", Nd4j.ones(DataType.FLOAT, 2));
            return outputGradient;
        }
    }
}
