package io.github.convbook.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.models.History;
import io.github.convbook.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TablesTest {

    @Test
    void historyHasOneRowPerEpochAndOneColumnPerMetric() {
        History h = new History();
        h.record("loss", 0.5);
        h.record("accuracy", 0.8);
        h.record("loss", 0.25);
        h.record("accuracy", 0.9);
        Table t = Tables.of(h.history());
        assertEquals(List.of("epoch", "loss", "accuracy"), t.columnNames());
        assertEquals(2, t.rowCount());
        assertEquals(1, t.intColumn("epoch").get(0));
        assertEquals(2, t.intColumn("epoch").get(1));
        assertEquals(0.25, t.doubleColumn("loss").get(1));
        assertEquals(0.9, t.doubleColumn("accuracy").get(1));
        assertEquals("Training history", t.name());
        assertTrue(t.print().contains("Training history"), t.print());
    }

    @Test
    void historyLeavesAMetricWithFewerEpochsMissing() {
        History h = new History();
        h.record("loss", 1);
        h.record("loss", 2);
        h.record("val_loss", 3);
        Table t = Tables.of(h.history());
        assertEquals(2, t.rowCount());
        assertTrue(t.doubleColumn("val_loss").isMissing(1));
    }

    @Test
    void historyIsAnyMapOfMetricToValuesInItsOrder() {
        Map<String, List<Double>> history = new LinkedHashMap<>();
        history.put("val_loss", List.of(0.75));
        history.put("loss", List.of(0.5));
        Table t = Tables.of(history);
        assertEquals(List.of("epoch", "val_loss", "loss"), t.columnNames());
        assertEquals(1, t.rowCount());
        assertEquals("0.7500", t.column("val_loss").getString(0));   // 4 decimals, as Keras prints them
        assertEquals(0, Tables.of(Map.of()).rowCount());
    }

    @Test
    void labelCountsCountEachLabelPresent() {
        Table t = Tables.labelCounts(Tensor.of(3, 1, 3, 3, 0, 1, 3, 0));
        assertEquals(List.of("label", "count", "share"), t.columnNames());
        assertEquals(3, t.rowCount());   // labels 0, 1 and 3; 2 never occurs
        assertEquals(List.of(0, 1, 3), t.intColumn("label").asList());
        assertEquals(List.of(2, 2, 4), t.intColumn("count").asList());
        assertEquals(0.5, t.doubleColumn("share").get(2), 1e-12);
        assertTrue(t.print().contains("50.0%"), t.print());
        assertTrue(t.name().contains("8 examples"), t.name());
    }

    @Test
    void labelCountsReadOneHotRows() {
        Tensor oneHot = Tensor.of(new float[][] {{0, 1, 0}, {0, 1, 0}, {1, 0, 0}});
        Table t = Tables.labelCounts(oneHot);
        assertEquals(List.of(0, 1), t.intColumn("label").asList());
        assertEquals(List.of(1, 2), t.intColumn("count").asList());
    }

    @Test
    void confusionMatrixCountsTruePredictedPairs() {
        Tensor truth = Tensor.of(0, 0, 1, 1, 1, 2);
        Tensor predicted = Tensor.of(0, 1, 1, 1, 2, 2);
        Table t = Tables.confusionMatrix(truth, predicted);
        assertEquals(List.of("true", "0", "1", "2", "total"), t.columnNames());
        assertEquals(3, t.rowCount());
        // row = true class, column = predicted class
        assertEquals(List.of(1, 0, 0), t.intColumn("0").asList());
        assertEquals(List.of(1, 2, 0), t.intColumn("1").asList());
        assertEquals(List.of(0, 1, 1), t.intColumn("2").asList());
        assertEquals(List.of(2, 3, 1), t.intColumn("total").asList());
        assertTrue(t.name().startsWith("Confusion matrix"));
    }

    @Test
    void confusionMatrixTakesProbabilitiesAndAClassCount() {
        Tensor truth = Tensor.of(2, 0);
        Tensor probabilities = Tensor.of(new float[][] {{0.1f, 0.2f, 0.7f}, {0.3f, 0.6f, 0.1f}});
        Table t = Tables.confusionMatrix(truth, probabilities, 4);
        assertEquals(4, t.rowCount());
        assertEquals(List.of("true", "0", "1", "2", "3", "total"), t.columnNames());
        assertEquals(1, t.intColumn("2").get(2));   // true 2 predicted 2
        assertEquals(1, t.intColumn("1").get(0));   // true 0 predicted 1
        assertEquals(0, t.intColumn("total").get(3));
        // Without a count, the probability rows' width gives 3 classes.
        assertEquals(3, Tables.confusionMatrix(truth, probabilities).rowCount());
    }

    @Test
    void predictionsShowTheMostProbableClassAndItsProbability() {
        Tensor truth = Tensor.of(2, 0, 1);
        Tensor probabilities = Tensor.of(new float[][] {
            {0.1f, 0.2f, 0.7f},
            {0.3f, 0.6f, 0.1f},
            {0.05f, 0.9f, 0.05f}});
        Table t = Tables.predictions(truth, probabilities, 2);
        assertEquals(List.of("index", "true", "predicted", "probability"), t.columnNames());
        assertEquals(2, t.rowCount());
        assertEquals(List.of(0, 1), t.intColumn("index").asList());
        assertEquals(List.of(2, 0), t.intColumn("true").asList());
        assertEquals(List.of(2, 1), t.intColumn("predicted").asList());
        assertEquals(0.7, t.doubleColumn("probability").get(0), 1e-6);
        assertEquals(0.6, t.doubleColumn("probability").get(1), 1e-6);
        assertEquals("Predictions (first 2 of 3)", t.name());
        assertEquals(3, Tables.predictions(truth, probabilities, 100).rowCount());
        // One-hot truth, as the lecture's Y_test after to_categorical.
        Tensor oneHot = Tensor.of(new float[][] {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}});
        assertEquals(List.of(2, 0, 1), Tables.predictions(oneHot, probabilities, 3).intColumn("true").asList());
    }

    @Test
    void mistakesAreExplained() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Tables.confusionMatrix(Tensor.of(0, 1), Tensor.of(0, 1, 1)));
        assertTrue(e.getMessage().contains("2 examples") && e.getMessage().contains("3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Tables.confusionMatrix(Tensor.of(0, 5), Tensor.of(0, 1), 3));
        assertTrue(e.getMessage().contains("0..2") && e.getMessage().contains("5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tables.predictions(Tensor.of(0, 1), Tensor.of(0, 1), 5));
        assertTrue(e.getMessage().contains("(N, classes)") && e.getMessage().contains("(2,)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tables.labelCounts(Tensor.zeros(2, 3, 4)));
        assertTrue(e.getMessage().contains("(2, 3, 4)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tables.labelCounts(Tensor.of(0.5f, 1f)));
        assertTrue(e.getMessage().contains("0.5"), e.getMessage());
    }
}
