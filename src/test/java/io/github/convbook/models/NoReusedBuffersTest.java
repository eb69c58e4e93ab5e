package io.github.convbook.models;

import static io.github.convbook.models.Fit.batchSize;
import static io.github.convbook.models.Fit.epochs;
import static io.github.convbook.models.Fit.verbose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.convbook.Utils;
import io.github.convbook.layers.Conv2D;
import io.github.convbook.layers.Dense;
import io.github.convbook.layers.Dropout;
import io.github.convbook.layers.Flatten;
import io.github.convbook.layers.Input;
import io.github.convbook.layers.Layer;
import io.github.convbook.layers.MaxPooling2D;
import io.github.convbook.optimizers.SGD;
import io.github.convbook.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The public API never hands out a buffer that a later call reuses: every tensor a public method returns keeps its
 * values through later calls of every kind (another batch, training, another gradient). Layers compute into reused
 * buffers behind this surface; {@code apply}, {@code predict}, {@code gradients} and the weights copy out of them.
 */
class NoReusedBuffersTest {

    @Test
    void twoTrainingModeCallsThroughDropoutDiffer() {
        Utils.setRandomSeed(7);
        Dropout dropout = new Dropout(0.5);
        Tensor x = Tensor.ones(4, 30);
        Tensor first = dropout.apply(x, true);
        Tensor second = dropout.apply(x, true);
        assertFalse(first.allClose(second, 0), "Dropout(0.5) in training mode draws a new mask per call");
        assertArrayEquals(x.toFloatArray(), dropout.apply(x, false).toFloatArray(), "inference mode is the identity");
    }

    @Test
    void noPublicResultChangesWhenTheModelIsCalledAgain() {
        Utils.setRandomSeed(8);
        Tensor in = Input.shape(6, 6, 1);
        Tensor h = new Conv2D(3, 3).activation("relu").apply(in);
        h = new MaxPooling2D(2).apply(h);
        h = new Dropout(0.3).apply(new Flatten().apply(h));
        Model model = new Model(in, new Dense(3).activation("softmax").apply(h));
        model.compile(new SGD(0.5), "sparse_categorical_crossentropy");
        Tensor x = Tensor.random(5, 6, 6, 1);
        Tensor y = Tensor.of(0, 1, 2, 1, 0);
        Layer conv = model.layers().get(1);

        Map<String, Supplier<List<Tensor>>> calls = new LinkedHashMap<>();
        calls.put("predict", () -> List.of(model.predict(x)));
        calls.put("apply(x, false)", () -> List.of(model.apply(x, false)));
        calls.put("apply(x, true)", () -> List.of(model.apply(x, true)));
        calls.put("gradients", () -> new ArrayList<>(model.gradients(x, y).values()));
        calls.put("inputGradients", () -> List.of(model.inputGradients(x, y)));
        calls.put("getWeights", model::getWeights);
        calls.put("layer.weights", conv::weights);
        calls.put("layer.getWeights", conv::getWeights);
        calls.put("layer.apply", () -> List.of(conv.apply(x), conv.apply(x, true)));

        Map<String, List<Tensor>> results = new LinkedHashMap<>();
        Map<String, List<float[]>> copies = new LinkedHashMap<>();
        calls.forEach((name, call) -> {
            List<Tensor> tensors = call.get();
            results.put(name, tensors);
            copies.put(name, tensors.stream().map(Tensor::toFloatArray).toList());
        });
        // everything again on other data, then a training step that moves every weight
        Tensor other = Tensor.random(5, 6, 6, 1).mul(3);
        model.predict(other);
        model.apply(other, true);
        model.gradients(other, Tensor.of(2, 2, 2, 2, 2));
        model.inputGradients(other, Tensor.of(1, 1, 1, 1, 1));
        conv.apply(other, true);
        model.fit(other, Tensor.of(2, 2, 2, 2, 2), epochs(2), batchSize(5), verbose(0));

        results.forEach((name, tensors) -> {
            for (int i = 0; i < tensors.size(); i++) {
                assertArrayEquals(copies.get(name).get(i), tensors.get(i).toFloatArray(), name + " result " + i);
            }
        });
    }

    @Test
    void inputGradientsMatchFiniteDifferencesOfTheLoss() {
        Utils.setRandomSeed(9);
        Tensor in = Input.shape(4);
        Tensor hidden = new Dense(3).activation("tanh").dtype("float64").apply(in);
        Model model = new Model(in, new Dense(3).activation("softmax").dtype("float64").apply(hidden));
        model.compile(new SGD(0.1), "sparse_categorical_crossentropy");
        Tensor x = Tensor.randn(2, 4).astype("float64");
        Tensor y = Tensor.of(0, 2);
        double[] analytic = model.inputGradients(x, y).toDoubleArray();
        assertEquals(8, analytic.length);
        double[] values = x.toDoubleArray();
        double h = 1e-6;
        for (int i = 0; i < values.length; i++) {
            double[] plus = values.clone();
            double[] minus = values.clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (loss(model, plus, y) - loss(model, minus, y)) / (2 * h);
            assertEquals(numeric, analytic[i], 1e-7, "d loss / d x[" + i + "]");
        }
    }

    private static double loss(Model model, double[] x, Tensor y) {
        return model.evaluate(Tensor.of(x, 2, 4), y, verbose(0)).loss();
    }
}
