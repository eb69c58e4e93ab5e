package io.github.convbook.models;

import static io.github.convbook.models.Fit.verbose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.Utils;
import io.github.convbook.layers.Conv2D;
import io.github.convbook.layers.Dense;
import io.github.convbook.layers.Flatten;
import io.github.convbook.layers.Input;
import io.github.convbook.layers.Layer;
import io.github.convbook.optimizers.Optimizer;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failed call leaves the object as it was, and usable. */
class AtomicStateTest {

    private static Sequential mlp() {
        Utils.setRandomSeed(2);
        return new Sequential(new Dense(5).inputShape(3), new Dense(2).activation("softmax"));
    }

    private static void assertSameWeights(List<Tensor> expected, List<Tensor> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "weight " + i);
        }
    }

    @Test
    void modelSetWeightsWithABadSecondLayerChangesNoLayer() {
        Sequential model = mlp();
        List<Tensor> before = model.getWeights();
        List<Tensor> bad = new ArrayList<>();
        bad.add(Tensor.ones(3, 5));
        bad.add(Tensor.ones(5));
        bad.add(Tensor.ones(4, 2));   // should be (5, 2)
        bad.add(Tensor.ones(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.setWeights(bad));
        assertTrue(e.getMessage().contains("dense") && e.getMessage().contains("(5, 2)"), e.getMessage());
        assertSameWeights(before, model.getWeights());
        bad.set(2, Tensor.ones(5, 2));
        model.setWeights(bad);   // usable: the corrected list goes in
        assertEquals(Tensor.ones(5, 2), model.getWeights().get(2));
    }

    @Test
    void nullsInSetWeightsAreErrorsThatChangeNothing() {
        Sequential model = mlp();
        List<Tensor> before = model.getWeights();
        assertThrows(IllegalArgumentException.class, () -> model.setWeights(null));
        assertThrows(IllegalArgumentException.class, () -> model.setWeights(Arrays.asList(Tensor.ones(3, 5), null,
                Tensor.ones(5, 2), Tensor.ones(2))));
        Layer first = model.layers().get(1);   // after the input layer the shape created
        assertThrows(IllegalArgumentException.class, () -> first.setWeights((List<Tensor>) null));
        assertThrows(IllegalArgumentException.class, () -> first.setWeights((Tensor[]) null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> first.setWeights(Tensor.ones(3, 5), null));
        assertTrue(e.getMessage().contains("bias") && !e.getMessage().contains("NullPointer"), e.getMessage());
        assertSameWeights(before, model.getWeights());
    }

    @Test
    void aFailedAddLeavesTheStackAsItWasAndLaterAddsWork() {
        Sequential model = new Sequential();
        model.add(Input.shape(28, 28, 1));
        model.add(new Conv2D(4, 3));
        assertThrows(IllegalArgumentException.class, () -> model.add(new Conv2D(4, 50)));   // kernel larger than 26x26
        assertThrows(IllegalArgumentException.class, () -> model.add((Layer) null));
        assertEquals(2, model.layers().size());   // the input layer and the first Conv2D
        model.add(new Flatten());
        model.add(new Dense(10).activation("softmax"));
        assertEquals(4, model.layers().size());
        assertEquals(Shape.batchOf(10), model.outputShape());
    }

    @Test
    void aFailedFirstAddWithAnInputShapeLeavesTheModelUnbuilt() {
        Sequential model = new Sequential();
        assertThrows(IllegalArgumentException.class,
                () -> model.add(new Conv2D(4, 3).inputShape(28, 28)));   // rank 3 needed
        model.add(new Dense(3).inputShape(4));
        assertEquals(Shape.batchOf(3), model.outputShape());
    }

    @Test
    void aFailedBuildLeavesTheModelUnbuiltAndBuildableAgain() {
        Sequential model = new Sequential();
        model.add(new Conv2D(2, 3));
        model.add(new Flatten());
        assertThrows(IllegalArgumentException.class, () -> model.build(28, 28));   // Conv2D needs (H, W, C)
        assertThrows(IllegalStateException.class, model::outputShape);
        model.build(28, 28, 1);
        assertEquals(3, model.layers().size());   // with the input layer build made
        assertEquals(Shape.batchOf(26 * 26 * 2), model.outputShape());
    }

    @Test
    void aFailedCompileKeepsThePreviousCompilation() {
        Sequential model = mlp();
        model.compile("sgd", "sparse_categorical_crossentropy", "accuracy");
        assertThrows(IllegalArgumentException.class, () -> model.compile("no_such_optimizer", "mse"));
        assertThrows(IllegalArgumentException.class, () -> model.compile("sgd", "mse", "no_such_metric"));
        assertThrows(IllegalArgumentException.class, () -> model.compile((String) null, "mse"));
        assertThrows(IllegalArgumentException.class, () -> model.compile((Optimizer) null, "mse"));
        assertThrows(IllegalArgumentException.class, () -> model.compile("sgd", "mse", (String) null));
        History h = model.fit(Tensor.randn(8, 3), Tensor.of(new int[] {0, 1, 0, 1, 0, 1, 0, 1}), verbose(0));
        assertTrue(h.history().containsKey("accuracy"), "still compiled with the first call's metrics: " + h);
    }
}
