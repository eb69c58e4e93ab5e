package io.github.convbook.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code fit} returns, as Keras's {@code History}: for each metric name ({@code loss}, {@code accuracy},
 * {@code val_loss}, ...) its value after every epoch. As a table: {@code Tables.of(history.history())}, as pandas
 * takes Keras's {@code history.history}.
 */
public class History {
    private final Map<String, List<Double>> values = new LinkedHashMap<>();

    /** Records one epoch's value of a metric. */
    public void record(String metric, double value) {
        values.computeIfAbsent(metric, k -> new ArrayList<>()).add(value);
    }

    /** Metric name to per-epoch values, as {@code history.history}; keys keep the order Keras prints them in. */
    public Map<String, List<Double>> history() {
        Map<String, List<Double>> view = new LinkedHashMap<>();
        values.forEach((k, v) -> view.put(k, Collections.unmodifiableList(v)));
        return Collections.unmodifiableMap(view);
    }

    /** The values of one metric, e.g. {@code history.get("val_loss")}. */
    public List<Double> get(String metric) {
        List<Double> v = values.get(metric);
        if (v == null) {
            throw new IllegalArgumentException("No metric '" + metric + "' in this history; it has " + values.keySet());
        }
        return Collections.unmodifiableList(v);
    }

    /** Number of epochs recorded. */
    public int epochs() {
        return values.values().stream().mapToInt(List::size).max().orElse(0);
    }

    @Override
    public String toString() {
        return "History" + values;
    }
}
