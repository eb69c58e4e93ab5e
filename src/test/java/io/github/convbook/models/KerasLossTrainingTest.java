package io.github.convbook.models;

import static io.github.convbook.models.Fit.batchSize;
import static io.github.convbook.models.Fit.epochs;
import static io.github.convbook.models.Fit.shuffle;
import static io.github.convbook.models.Fit.validationSplit;
import static io.github.convbook.models.Fit.verbose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.Utils;
import io.github.convbook.layers.Activation;
import io.github.convbook.layers.Conv2D;
import io.github.convbook.layers.Dense;
import io.github.convbook.layers.Flatten;
import io.github.convbook.layers.Input;
import io.github.convbook.layers.Layer;
import io.github.convbook.layers.Softmax;
import io.github.convbook.losses.BinaryCrossentropy;
import io.github.convbook.losses.CategoricalCrossentropy;
import io.github.convbook.losses.Loss;
import io.github.convbook.losses.Losses;
import io.github.convbook.losses.SparseCategoricalCrossentropy;
import io.github.convbook.optimizers.SGD;
import io.github.convbook.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training as Keras computes its losses: from the logits when the model ends in softmax or sigmoid, targets as Keras
 * takes them, and errors that point at the user's data. Expected numbers are worked out by hand from Keras's rules.
 */
class KerasLossTrainingTest {

    /**
     * Dense(3, softmax), identity kernel, input [30, 0, 0], label 2, one SGD(0.1) step: Keras gives row 0 [-2, 0, 3].
     */
    @Test
    void saturatedSoftmaxStillLearnsAsInKeras() {
        Tensor in = Input.shape(3);
        Dense dense = new Dense(3).activation("softmax");
        Model model = new Model(in, dense.apply(in));
        model.setWeights(List.of(Tensor.of(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}), Tensor.zeros(3)));
        model.compile(new SGD(0.1), "sparse_categorical_crossentropy");
        model.fit(Tensor.of(new float[][] {{30, 0, 0}}), Tensor.of(2), epochs(1), batchSize(1), verbose(0));
        Tensor kernel = model.getWeights().get(0);
        assertArrayEquals(new float[] {-2, 0, 3, 0, 1, 0, 0, 0, 1}, kernel.toFloatArray(), 1e-5f);
        assertArrayEquals(new float[] {-0.1f, 0, 0.1f}, model.getWeights().get(1).toFloatArray(), 1e-6f);
    }

    /** Dense(1, sigmoid), w = 1, input 20, target 0, SGD(0.1): Keras gives w = -1. */
    @Test
    void saturatedSigmoidStillLearnsAsInKeras() {
        Tensor in = Input.shape(1);
        Model model = new Model(in, new Dense(1).activation("sigmoid").useBias(false).apply(in));
        model.setWeights(List.of(Tensor.of(new float[][] {{1}})));
        model.compile(new SGD(0.1), "binary_crossentropy");
        model.fit(Tensor.of(new float[][] {{20}}), Tensor.of(0), epochs(1), batchSize(1), verbose(0));
        assertEquals(-1.0, model.getWeights().get(0).item(), 1e-5);
    }

    /** Rank-1 labels for a (N, 1) output, and accuracy chosen by the shapes: binary, 3 of 4 right. */
    @Test
    void plainLabelVectorsForABinaryOutput() {
        Tensor in = Input.shape(1);
        Model model = new Model(in, new Dense(1).apply(in));   // linear: the output is the input, the "probability"
        model.setWeights(List.of(Tensor.of(new float[][] {{1}}), Tensor.zeros(1)));
        model.compile("sgd", "binary_crossentropy", "accuracy");
        Evaluation result = model.evaluate(Tensor.of(new float[] {0.9f, 0.2f, 0.6f, 0.4f}, 4, 1), Tensor.of(1, 0, 0, 0),
                verbose(0));
        assertEquals(0.4389, result.loss(), 5e-5);
        assertEquals(0.75, result.get("accuracy"), 1e-12);
    }

    @Test
    void regressionWithAPlainTargetVectorLearns() {
        Utils.setRandomSeed(3);
        Tensor x = Tensor.randn(64, 2);
        float[] v = x.toFloatArray();
        float[] target = new float[64];
        for (int i = 0; i < 64; i++) {
            target[i] = 2 * v[2 * i] - v[2 * i + 1] + 0.5f;
        }
        Tensor in = Input.shape(2);
        Model model = new Model(in, new Dense(1).apply(in));
        model.compile(new SGD(0.1), "mse", "mae");
        History history = model.fit(x, Tensor.of(target), epochs(30), batchSize(16), verbose(0));
        List<Double> loss = history.history().get("loss");
        assertTrue(loss.get(loss.size() - 1) < 1e-3, "final mse " + loss.get(loss.size() - 1));
        assertTrue(history.history().containsKey("mae"), history.history().keySet().toString());
    }

    /**
     * With a softmax output the trainer's loss is the from-logits value, also where the probability path would clip.
     */
    @Test
    void evaluateUsesTheLogitsOfASoftmaxOutput() {
        Tensor in = Input.shape(3);
        Model model = new Model(in, new Dense(3).activation("softmax").dtype("float64").apply(in));
        model.setWeights(List.of(Tensor.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}),
                Tensor.zeros(3).astype("float64")));
        model.compile("sgd", "sparse_categorical_crossentropy");
        Tensor x = Tensor.of(new double[][] {{40, 0, 0}, {0, 1, 0}});
        Evaluation result = model.evaluate(x, Tensor.of(2, 1), verbose(0));
        double first = 40 + Math.log(1 + 2 * Math.exp(-40)) - 0;     // logsumexp([40, 0, 0]) - z_2
        double second = Math.log(2 + Math.E) - 1;
        assertEquals((first + second) / 2, result.loss(), 1e-9);
        // the same model scored through probabilities is capped by the clip at -log(1e-7) = 16.1 for the first sample
        double clipped = new SparseCategoricalCrossentropy().apply(Tensor.of(2, 1), model.predict(x)).item();
        assertTrue(clipped < 10, "probability path " + clipped);
    }

    /** Explicit fromLogits with a linear output reads the output itself as logits. */
    @Test
    void lossObjectsFromLogitsOnALinearOutput() {
        Tensor in = Input.shape(3);
        Model model = new Model(in, new Dense(3).dtype("float64").apply(in));
        model.setWeights(List.of(Tensor.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}),
                Tensor.zeros(3).astype("float64")));
        model.compile("sgd", new SparseCategoricalCrossentropy().fromLogits(true), "accuracy");
        Evaluation result = model.evaluate(Tensor.of(new double[][] {{2, 1, 0}}), Tensor.of(0), verbose(0));
        assertEquals(Math.log(Math.exp(2) + Math.exp(1) + 1) - 2, result.loss(), 1e-12);
        assertEquals(1.0, result.get("accuracy"), 0);
    }

    /** Keras warns when from_logits=True meets a softmax output, and uses the logits once. */
    @Test
    void fromLogitsOnASoftmaxOutputWarnsAsKeras() {
        Tensor in = Input.shape(3);
        Model model = new Model(in, new Dense(3).activation("softmax").dtype("float64").apply(in));
        model.setWeights(List.of(Tensor.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}),
                Tensor.zeros(3).astype("float64")));
        model.compile("sgd", new SparseCategoricalCrossentropy().fromLogits(true));
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        Evaluation result;
        try {
            result = model.evaluate(Tensor.of(new double[][] {{2, 1, 0}}), Tensor.of(0), verbose(0));
        } finally {
            System.setErr(err);
        }
        assertTrue(captured.toString().contains("does not represent logits"), captured.toString());
        assertEquals(Math.log(Math.exp(2) + Math.exp(1) + 1) - 2, result.loss(), 1e-12);
    }

    /** The fused head's gradients through a small convnet match finite differences of the from-logits loss. */
    @Test
    void fusedGradientsMatchFiniteDifferences() {
        for (String lossName : new String[] {"sparse_categorical_crossentropy", "binary_crossentropy"}) {
            Tensor in = Input.shape(5, 5, 1);
            Tensor x = ((Conv2D) new Conv2D(2, 3).activation("tanh").dtype("float64")).apply(in);
            x = new Flatten().dtype("float64").apply(x);
            boolean binary = lossName.startsWith("binary");
            Model model = new Model(in, ((Dense) new Dense(binary ? 1 : 3).activation(binary ? "sigmoid" : "softmax")
                    .dtype("float64")).apply(x));
            Random random = new Random(11);
            double[] values = new double[4 * 25];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextDouble() * 4 - 2;
            }
            INDArray images = Nd4j.create(values, new long[] {4, 5, 5, 1}, DataType.DOUBLE);
            INDArray labels = binary ? Nd4j.create(new double[][] {{1}, {0}, {1}, {0}})
                    : Nd4j.create(new double[] {0, 2, 1, 2});
            Loss loss = Losses.get(lossName);
            LossHead head = LossHead.of(loss, model.layers.get(model.layers.size() - 1));
            assertTrue(head.fused(), lossName);
            INDArray out = model.forward(images, true);
            head.backward(model.layers, labels, out, false);
            double h = 1e-6;
            double worst = 0;
            for (Layer layer : model.layers) {
                for (var entry : layer.engine().weights().entrySet()) {
                    INDArray w = entry.getValue().reshape(entry.getValue().length());
                    INDArray analytic = layer.engine().gradients().get(entry.getKey()).dup().reshape(w.length());
                    for (long i = 0; i < w.length(); i++) {
                        double original = w.getDouble(i);
                        w.putScalar(i, original + h);
                        double plus = head.value(labels, model.forward(images, false));
                        w.putScalar(i, original - h);
                        double minus = head.value(labels, model.forward(images, false));
                        w.putScalar(i, original);
                        double numeric = (plus - minus) / (2 * h);
                        double a = analytic.getDouble(i);
                        if (Math.abs(a - numeric) > 1e-9) {
                            worst = Math.max(worst, Math.abs(a - numeric) / (Math.abs(a) + Math.abs(numeric)));
                        }
                    }
                }
            }
            assertTrue(worst < 1e-6, lossName + ": worst relative error " + worst);
        }
    }

    /** An out-of-range label is named by its position in the y the user passed, not in a shuffled batch. */
    @Test
    void badLabelIsNamedByItsPositionInTheUsersArray() {
        Tensor in = Input.shape(2);
        Model model = new Model(in, new Dense(3).activation("softmax").apply(in));
        model.compile("sgd", "sparse_categorical_crossentropy");
        int[] labels = new int[40];
        labels[27] = 3;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.fit(Tensor.randn(40, 2), Tensor.of(labels), batchSize(8), shuffle(true), verbose(0)));
        assertTrue(e.getMessage().contains("y[27] = 3"), e.getMessage());
        assertTrue(e.getMessage().contains("0 to 2"), e.getMessage());
        // the validation part of a split is checked up front too, at its position in the same y
        labels[27] = 0;
        labels[38] = -1;
        IllegalArgumentException split = assertThrows(IllegalArgumentException.class,
                () -> model.fit(Tensor.randn(40, 2), Tensor.of(labels), validationSplit(0.2), verbose(0)));
        assertTrue(split.getMessage().contains("y[38] = -1"), split.getMessage());
    }

    /** A single sample without its batch axis gets the batch-axis fix, not a channel-axis one. */
    @Test
    void singleSampleGetsTheBatchAxisHint() {
        Tensor in = Input.shape(28, 28, 1);
        Tensor x = new Conv2D(2, 3).apply(in);
        Model model = new Model(in, new Dense(10).activation("softmax").apply(new Flatten().apply(x)));
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> model.predict(Tensor.zeros(28, 28, 1)));
        assertTrue(one.getMessage().contains("x.expandDims(0) gives (1, 28, 28, 1)"), one.getMessage());
        assertFalse(one.getMessage().contains("channel"), one.getMessage());
        IllegalArgumentException channel = assertThrows(IllegalArgumentException.class,
                () -> model.predict(Tensor.zeros(5, 28, 28)));
        assertTrue(channel.getMessage().contains("x.expandDims(-1) gives (5, 28, 28, 1)"), channel.getMessage());
        // (1, 28, 28) could be either a sample without channel, or one image without batch: no guess
        Tensor in3 = Input.shape(28, 28);
        Model flat = new Model(in3, new Dense(2).apply(new Flatten().apply(in3)));
        IllegalArgumentException ambiguous = assertThrows(IllegalArgumentException.class,
                () -> flat.predict(Tensor.zeros(28, 28)));
        assertTrue(ambiguous.getMessage().contains("expandDims(0)"), ambiguous.getMessage());
    }

    /** An Activation("softmax") or Softmax layer at the output is fused too, as Keras reads their logits. */
    @Test
    void softmaxLayersAtTheOutputLearnFromLogits() {
        for (Layer head : new Layer[] {new Activation("softmax"), new Softmax()}) {
            Tensor in = Input.shape(3);
            Dense dense = new Dense(3);
            Model model = new Model(in, head.apply(dense.apply(in)));
            model.setWeights(List.of(Tensor.of(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}), Tensor.zeros(3)));
            model.compile(new SGD(0.1), "sparse_categorical_crossentropy");
            model.fit(Tensor.of(new float[][] {{30, 0, 0}}), Tensor.of(2), epochs(1), batchSize(1), verbose(0));
            assertArrayEquals(new float[] {-2, 0, 3}, Arrays.copyOf(model.getWeights().get(0).toFloatArray(), 3), 1e-5f,
                    head.getClass().getSimpleName());
        }
        // Keras recognises a bare Softmax operation only for the categorical losses
        Layer softmax = new Softmax();
        softmax.apply(Input.shape(3));
        assertFalse(LossHead.of(new BinaryCrossentropy(), softmax).fused());
        assertTrue(LossHead.of(new CategoricalCrossentropy(), softmax).fused());
    }
}
