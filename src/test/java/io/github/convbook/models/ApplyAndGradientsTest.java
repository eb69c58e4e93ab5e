package io.github.convbook.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.Utils;
import io.github.convbook.layers.Dense;
import io.github.convbook.layers.Dropout;
import io.github.convbook.layers.Input;
import io.github.convbook.optimizers.SGD;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code model.apply(x, training)} returns fresh tensors; {@code model.gradients(x, y)} is what fit differentiates. */
class ApplyAndGradientsTest {

    @Test
    void trainingModeCallsThroughDropoutDifferAndResultsStayFresh() {
        Utils.setRandomSeed(1);
        Tensor in = Input.shape(50);
        Model model = new Model(in, new Dense(20).apply(new Dropout(0.5).apply(in)));
        Tensor x = Tensor.ones(1, 50);
        Tensor first = model.apply(x, true);
        Tensor firstCopy = Tensor.of(first.toFloatArray(), 1, 20);
        Tensor second = model.apply(x, true);
        assertFalse(first.allClose(second, 1e-6), "two training-mode calls through Dropout(0.5) must differ");
        assertTrue(first.allClose(firstCopy, 0), "a later call must not change an earlier result");
        assertTrue(model.apply(x, false).allClose(model.predict(x), 1e-6), "inference mode is predict");
        Tensor predicted = model.predict(x);
        Tensor predictedCopy = Tensor.of(predicted.toFloatArray(), 1, 20);
        model.predict(Tensor.zeros(1, 50));
        assertTrue(predicted.allClose(predictedCopy, 0));
    }

    @Test
    void gradientsMatchFiniteDifferencesOfTheEvaluatedLoss() {
        Utils.setRandomSeed(2);
        Tensor in = Input.shape(4);
        Tensor hidden = new Dense(3).activation("tanh").dtype("float64").apply(in);
        Model model = new Model(in, new Dense(3).activation("softmax").dtype("float64").apply(hidden));
        model.compile(new SGD(0.1), "sparse_categorical_crossentropy");
        Tensor x = Tensor.randn(6, 4).astype("float64");
        Tensor y = Tensor.of(0, 1, 2, 2, 1, 0);
        Map<String, Tensor> gradients = model.gradients(x, y);
        assertEquals(List.of("dense/kernel:0", "dense/bias:0", "dense_1/kernel:0", "dense_1/bias:0").size(),
                gradients.size());
        List<Tensor> weights = model.getWeights();
        int k = 0;
        double h = 1e-6;
        for (Map.Entry<String, Tensor> entry : gradients.entrySet()) {
            Tensor w = weights.get(k);
            assertEquals(w.shape(), entry.getValue().shape(), entry.getKey());
            double[] values = w.toDoubleArray();
            for (int i = 0; i < values.length; i++) {
                double numeric = (lossWith(model, weights, k, values, i, h, x, y)
                        - lossWith(model, weights, k, values, i, -h, x, y)) / (2 * h);
                assertEquals(numeric, entry.getValue().toDoubleArray()[i], 1e-7, entry.getKey() + "[" + i + "]");
            }
            k++;
        }
        model.setWeights(weights);
    }

    private static double lossWith(Model model, List<Tensor> weights, int k, double[] values, int i, double delta,
                                   Tensor x, Tensor y) {
        double[] changed = values.clone();
        changed[i] += delta;
        List<Tensor> trial = new ArrayList<>(weights);
        trial.set(k, Tensor.of(changed, weights.get(k).shape().toArray()).astype("float64"));
        model.setWeights(trial);
        return model.evaluate(x, y, Fit.verbose(0)).loss();
    }

    @Test
    void gradientsNeedACompiledModel() {
        Tensor in = Input.shape(2);
        Model model = new Model(in, new Dense(1).apply(in));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> model.gradients(Tensor.zeros(1, 2), Tensor.zeros(1)));
        assertTrue(e.getMessage().contains("compile"), e.getMessage());
        assertEquals(Shape.of(1, 1), model.apply(Tensor.zeros(1, 2), false).shape());
    }

    @Test
    void aFixedInputBatchSizeIsEnforcedAsInKeras() {
        Tensor in = Input.batchShape(4, 3);
        Model model = new Model(in, new Dense(2).apply(in));
        assertEquals(Shape.of(4, 2), model.outputShape());
        assertEquals(Shape.of(8, 2), model.predict(Tensor.zeros(8, 3), 4).shape());   // two batches of 4
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.predict(Tensor.zeros(6, 3), 4));
        assertTrue(e.getMessage().contains("fixed batch size of 4") && e.getMessage().contains("batch of 2"),
                e.getMessage());
    }
}
