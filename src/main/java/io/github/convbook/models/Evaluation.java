package io.github.convbook.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code evaluate} returns: the loss and each metric, in Keras's order
 * ({@code test_loss, test_acc = model.evaluate(...)} becomes {@code result.loss()}, {@code result.get("accuracy")}).
 * Each value is the mean over all evaluated samples; the object never changes.
 */
public final class Evaluation {
    private final Map<String, Double> values;

    Evaluation(Map<String, Double> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The mean loss over the evaluated samples, Keras's {@code test_loss}.
     *
     * @return the loss, in the loss's units (nats for a cross-entropy)
     */
    public double loss() {
        return values.get("loss");
    }

    /**
     * One value by the name Keras reports it under.
     *
     * @param name {@code "loss"} or a metric name as given to {@code compile}, e.g. {@code "accuracy"}
     * @return the mean over the evaluated samples, e.g. 0.9912 for 99.12 % accuracy
     * @throws IllegalArgumentException when there is no such value; the message lists the names there are
     */
    public double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("No '" + name + "' in this evaluation; it has " + values.keySet());
        }
        return v;
    }

    /**
     * The values in Keras's order: loss first, then the metrics, as the list Keras's {@code evaluate} returns.
     *
     * @return a new list, e.g. {@code [0.0291, 0.9912]} for the loss and accuracy
     */
    public List<Double> values() {
        return new ArrayList<>(values.values());
    }

    /**
     * The values by name, as Keras's {@code evaluate(..., return_dict=True)}.
     *
     * @return an unmodifiable map, loss first, then the metrics in {@code compile}'s order
     */
    public Map<String, Double> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return Progbar.values(values).substring(3);
    }
}
