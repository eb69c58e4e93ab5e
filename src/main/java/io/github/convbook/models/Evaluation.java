package io.github.convbook.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code evaluate} returns: the loss and each metric, in Keras's order
 * ({@code test_loss, test_acc = model.evaluate(...)} becomes {@code result.loss()}, {@code result.get("accuracy")}).
 */
public final class Evaluation {
    private final Map<String, Double> values;

    Evaluation(Map<String, Double> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public double loss() {
        return values.get("loss");
    }

    public double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("No '" + name + "' in this evaluation; it has " + values.keySet());
        }
        return v;
    }

    /** The values in Keras's order: loss first, then the metrics. */
    public List<Double> values() {
        return new ArrayList<>(values.values());
    }

    public Map<String, Double> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return Progbar.values(values).substring(3);
    }
}
