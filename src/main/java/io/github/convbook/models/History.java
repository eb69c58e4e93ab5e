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

    /**
     * Records one epoch's value of a metric; {@code fit} calls it at the end of every epoch.
     *
     * @param metric the metric's Keras name, e.g. {@code loss}, {@code val_accuracy}
     * @param value its value for the epoch (a loss in the loss's units, an accuracy from 0 to 1)
     */
    public void record(String metric, double value) {
        values.computeIfAbsent(metric, k -> new ArrayList<>()).add(value);
    }

    /**
     * Keras's {@code history.history}: each metric's values, epoch by epoch.
     *
     * @return an unmodifiable copy, metric name to one value per epoch, in the order Keras prints the metrics
     */
    public Map<String, List<Double>> history() {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * The values of one metric, Keras's {@code history.history["val_loss"]}.
     *
     * @param metric the metric's name, e.g. {@code "val_loss"}
     * @return an unmodifiable copy, one value per epoch
     * @throws IllegalArgumentException when the history has no such metric (the message lists those it has)
     */
    public List<Double> get(String metric) {
        List<Double> v = values.get(metric);
        if (v == null) {
            throw new IllegalArgumentException("No metric '" + metric + "' in this history; it has "
                    + values.keySet());
        }
        return List.copyOf(v);
    }

    /**
     * The number of epochs recorded.
     *
     * @return the length of the longest metric's list (0 before any epoch)
     */
    public int epochs() {
        return values.values().stream().mapToInt(List::size).max().orElse(0);
    }

    @Override
    public String toString() {
        return "History" + values;
    }
}
