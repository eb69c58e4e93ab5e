package io.github.convbook.models;

import static io.github.convbook.models.Fit.batchSize;
import static io.github.convbook.models.Fit.epochs;
import static io.github.convbook.models.Fit.shuffle;
import static io.github.convbook.models.Fit.validationData;
import static io.github.convbook.models.Fit.validationSplit;
import static io.github.convbook.models.Fit.verbose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.Utils;
import io.github.convbook.layers.Dense;
import io.github.convbook.layers.Input;
import io.github.convbook.optimizers.Adam;
import io.github.convbook.optimizers.Optimizer;
import io.github.convbook.optimizers.SGD;
import io.github.convbook.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fit / evaluate semantics on small synthetic data: Keras's names, splits, reproducibility, errors. */
class TrainingTest {

    /** Two well separated classes in 4 features: the label is whether the first feature is positive. */
    private static Tensor[] separable(int n) {
        Tensor x = Tensor.randn(n, 4);
        float[] v = x.toFloatArray();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = v[i * 4] > 0 ? 1 : 0;
        }
        return new Tensor[] {x, Tensor.of(labels)};
    }

    /** A compiled classifier (compile returns nothing, as in Keras). */
    private static Model compiled(Object optimizer, String loss, String... metrics) {
        Model model = classifier();
        if (optimizer instanceof String name) {
            model.compile(name, loss, metrics);
        } else {
            model.compile((Optimizer) optimizer, loss, metrics);
        }
        return model;
    }

    private static Model classifier() {
        Tensor in = Input.shape(4);
        Tensor hidden = new Dense(8).activation("relu").apply(in);
        return new Model(in, new Dense(2).activation("softmax").apply(hidden));
    }

    @Test
    void historyUsesKerasNamesAndTheLossFalls() {
        Utils.setRandomSeed(1);
        Tensor[] data = separable(256);
        Model model = compiled(new Adam(0.02), "sparse_categorical_crossentropy", "accuracy");
        History history = model.fit(data[0], data[1], epochs(5), batchSize(32), validationSplit(0.25), verbose(0));
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), List.copyOf(history.history().keySet()));
        assertEquals(5, history.epochs());
        List<Double> loss = history.get("loss");
        assertTrue(loss.get(4) < loss.get(0), "loss falls: " + loss);
        Evaluation result = model.evaluate(data[0], data[1], verbose(0));
        assertTrue(result.get("accuracy") > 0.9, result.toString());
        assertEquals(List.of(result.loss(), result.get("accuracy")), result.values());
    }

    @Test
    void validationSplitTakesTheLastSamplesBeforeShuffling() {
        Utils.setRandomSeed(2);
        Tensor[] data = separable(100);
        Model model = compiled(new SGD(0.0001), "sparse_categorical_crossentropy", "accuracy");
        History history = model.fit(data[0], data[1], epochs(1), validationSplit(0.2), verbose(0));
        // with a tiny learning rate the model barely moves: val_* equal evaluating the last 20 samples
        Evaluation last20 = model.evaluate(data[0].slice(80, 100), data[1].slice(80, 100), verbose(0));
        assertEquals(last20.get("accuracy"), history.get("val_accuracy").get(0), 1e-12);
        assertEquals(last20.loss(), history.get("val_loss").get(0), 1e-3);
    }

    @Test
    void oneSeedReproducesTheSameTraining() {
        double[] finalLoss = new double[2];
        for (int run = 0; run < 2; run++) {
            Utils.setRandomSeed(42);
            Tensor[] data = separable(128);
            Model model = compiled("rmsprop", "sparse_categorical_crossentropy");
            finalLoss[run] = model.fit(data[0], data[1], epochs(3), batchSize(16), verbose(0)).get("loss").get(2);
        }
        assertEquals(finalLoss[0], finalLoss[1]);
        Utils.setRandomSeed(43);
        Tensor[] data = separable(128);
        double other = compiled("rmsprop", "sparse_categorical_crossentropy")
                .fit(data[0], data[1], epochs(3), batchSize(16), verbose(0)).get("loss").get(2);
        assertNotEquals(finalLoss[0], other);
    }

    @Test
    void verboseOnePrintsKerasLinesOutsideANotebook() {
        Utils.setRandomSeed(3);
        Tensor[] data = separable(64);
        Model model = compiled("adam", "sparse_categorical_crossentropy", "accuracy");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        try {
            model.fit(data[0], data[1], epochs(2), batchSize(32), shuffle(false), validationData(data[0], data[1]));
        } finally {
            System.setOut(original);
        }
        String[] lines = captured.toString().split("\n");
        assertEquals("Epoch 1/2", lines[0]);
        assertTrue(lines[1].matches("2/2 \\[==============================\\] - \\d+s \\d+m?s/step - loss: \\d\\.\\d{4}"
                + " - accuracy: \\d\\.\\d{4} - val_loss: \\d\\.\\d{4} - val_accuracy: \\d\\.\\d{4}"), lines[1]);
        assertEquals("Epoch 2/2", lines[2]);
    }

    @Test
    void progressBarDrawsLikeKeras() {
        assertEquals("==============================", Progbar.bar(10, 10));
        assertEquals("==============>...............", Progbar.bar(5, 10));
        assertEquals("..............................", Progbar.bar(0, 10));
    }

    @Test
    void aDivergingLossStopsTrainingWithAMessage() {
        Utils.setRandomSeed(4);
        Tensor[] data = separable(64);
        Tensor in = Input.shape(4);
        Model model = new Model(in, new Dense(2).apply(new Dense(8).apply(in)));   // linear: nothing bounds it
        model.compile(new SGD(1e6), "mse");   // a learning rate far too high: the weights overflow within a few steps
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        History history;
        try {
            history = model.fit(data[0], Utils.toCategorical(data[1], 2), epochs(3), verbose(0));
        } finally {
            System.setErr(original);
        }
        assertTrue(captured.toString().contains("training stopped"), captured.toString());
        assertTrue(history.epochs() < 3);
    }

    @Test
    void mistakesAreExplained() {
        Tensor[] data = separable(10);
        Model model = classifier();
        IllegalStateException notCompiled = assertThrows(IllegalStateException.class,
                () -> model.fit(data[0], data[1]));
        assertTrue(notCompiled.getMessage().contains("compile"), notCompiled.getMessage());
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> model.fit(data[0], data[1].slice(0, 5), verbose(0)));
        assertTrue(count.getMessage().contains("10 inputs and 5 targets"), count.getMessage());
        IllegalArgumentException oneHot = assertThrows(IllegalArgumentException.class,
                () -> model.fit(data[0], Utils.toCategorical(data[1], 2), verbose(0)));
        assertTrue(oneHot.getMessage().contains("categorical_crossentropy"), oneHot.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.compile("adam", "hinge"));
        assertThrows(IllegalArgumentException.class, () -> model.compile("adam", "mse", "f1"));
        assertThrows(IllegalArgumentException.class, () -> epochs(0));
        assertThrows(IllegalArgumentException.class, () -> validationSplit(1.0));
    }

    @Test
    void validationDataOverridesValidationSplitAsInKeras() {
        Utils.setRandomSeed(11);
        Tensor[] train = separable(20);
        Tensor[] held = separable(6);
        Tensor in = Input.shape(4);
        Model model = new Model(in, new Dense(2).activation("softmax").apply(in));
        model.compile(new SGD(0.0), "sparse_categorical_crossentropy");   // lr 0: the weights stay where they are
        History h = model.fit(train[0], train[1], epochs(1), validationSplit(0.5),
                validationData(held[0], held[1]), verbose(0));
        assertEquals(model.evaluate(held[0], held[1], verbose(0)).loss(), h.get("val_loss").get(0), 1e-6);
        // all 20 samples trained: the training loss is the mean over all of them, not over the first 10
        assertEquals(model.evaluate(train[0], train[1], verbose(0)).loss(), h.get("loss").get(0), 1e-6);
    }
}
