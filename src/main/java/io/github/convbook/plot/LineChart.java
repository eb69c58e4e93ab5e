package io.github.convbook.plot;

import io.github.convbook.models.History;
import java.awt.Color;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Values per epoch as lines with markers, one per series, with a legend: the lecture's loss curves
 * ({@code plt.plot(x_len, val_loss, marker='.', c="red", label='validation loss')}). Epochs are numbered from 1
 * on the x axis, the way Keras prints them.
 * <pre>
 * Plot.lines(history, "loss", "val_loss")
 * Plot.lines("training loss", loss).plot("validation loss", valLoss).color("validation loss", "red")
 * </pre>
 */
public final class LineChart extends AxesChart<LineChart> {
    private final Map<String, double[]> series = new LinkedHashMap<>();
    private final Map<String, Color> colors = new HashMap<>();
    private double[] x;   // null: epochs 1, 2, 3, ...

    LineChart() {
        super(true);
        xlabel("epoch");
    }

    /**
     * The curves of a Keras history; no metric names means all of them. The y label is the metric's name when
     * all curves measure the same thing ({@code loss} and {@code val_loss} give {@code loss}).
     */
    static LineChart of(History history, String... metrics) {
        List<String> names = metrics.length > 0 ? List.of(metrics) : List.copyOf(history.history().keySet());
        if (names.isEmpty()) {
            throw new IllegalArgumentException("This history has no metrics yet: train with fit(...) first");
        }
        LineChart chart = new LineChart();
        for (String name : names) {
            chart.plot(name, history.get(name));
        }
        List<String> measures = names.stream().map(n -> n.startsWith("val_") ? n.substring(4) : n).distinct()
                .toList();
        return chart.ylabel(measures.size() == 1 ? measures.get(0) : "");
    }

    /**
     * Adds a curve, as another {@code plt.plot(values, label=name)}.
     *
     * @param name the curve's name in the legend, not yet used in this chart
     * @param values one finite number per epoch (or per x value, after {@link #x})
     * @return this chart, for chaining
     * @throws IllegalArgumentException for null values or a null value in them, a null or repeated name, no values,
     *     NaN or infinity, or a length that differs from the x values
     */
    public LineChart plot(String name, List<? extends Number> values) {
        if (values == null || values.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("plot: the curve '" + name + "' needs a list of numbers, got "
                    + values);
        }
        return plot(name, values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    /**
     * Adds a curve, as another {@code plt.plot(values, label=name)}.
     *
     * @param name the curve's name in the legend, not yet used in this chart
     * @param values one finite number per epoch (or per x value, after {@link #x}); copied
     * @return this chart, for chaining
     * @throws IllegalArgumentException for a null or repeated name, null or no values, NaN or infinity, or a length
     *     that differs from the x values
     */
    public LineChart plot(String name, double[] values) {
        if (name == null || values == null) {
            throw new IllegalArgumentException("plot expects a curve name and values, got name " + name
                    + " and values " + (values == null ? "null" : values.length + " numbers"));
        }
        if (series.containsKey(name)) {
            throw new IllegalArgumentException("This chart already has a curve named '" + name + "'");
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("The curve '" + name + "' has no values");
        }
        checkLength(name, values.length);
        Finite.require("plot", "the curve '" + name + "'", values);
        series.put(name, values.clone());
        return this;
    }

    /**
     * The x values of every curve, as {@code plt.plot(x, y)}: rotation angles, shifts in pixels... Without it the
     * x axis counts epochs 1, 2, 3, ... Name the axis with {@code xlabel(...)}.
     *
     * @param values one finite x value per point of every curve; copied
     * @return this chart, for chaining
     * @throws IllegalArgumentException for null values, NaN or infinity, or a curve of another length
     */
    public LineChart x(double... values) {
        if (values == null) {
            throw new IllegalArgumentException("x expects the x values of the curves, got null");
        }
        Finite.require("x", "the x axis", values);
        series.forEach((name, v) -> {
            if (v.length != values.length) {
                throw new IllegalArgumentException("The curve '" + name + "' has " + v.length
                        + " values but the x axis has " + values.length);
            }
        });
        this.x = values.clone();
        series.forEach((name, v) -> checkLength(name, v.length));
        return this;
    }

    private void checkLength(String name, int length) {
        if (x != null && length != x.length) {
            throw new IllegalArgumentException("The curve '" + name + "' has " + length
                    + " values but the x axis has " + x.length);
        }
    }

    /**
     * Colours one curve, as matplotlib's {@code plt.plot(..., c=color)}.
     *
     * @param name the curve, added before
     * @param color a matplotlib colour: {@code "red"}, {@code "r"}, {@code "tab:orange"} or {@code "#1f77b4"}
     * @return this chart, for chaining
     * @throws IllegalArgumentException for a curve this chart lacks, or an unknown colour
     */
    public LineChart color(String name, String color) {
        if (!series.containsKey(name)) {
            throw new IllegalArgumentException("No curve named '" + name + "': this chart has " + series.keySet());
        }
        colors.put(name, Style.color(color));
        return this;
    }

    /**
     * The names of the curves, in the order they were added (the legend's order).
     *
     * @return an unmodifiable list
     */
    public List<String> names() {
        return List.copyOf(series.keySet());
    }

    @Override
    protected Chart<? extends AxesChartStyler, ?> build(int width, int height) {
        XYChart chart = new XYChart(width, height);
        chart.getStyler().setMarkerSize(7);
        if (x == null) {
            // epochs are whole numbers: label only the whole ticks
            chart.setCustomXAxisTickLabelsFormatter(v -> v == Math.rint(v) ? String.valueOf(Math.round(v)) : "");
        }
        series.forEach((name, values) -> {
            double[] xs = x;
            if (xs == null) {
                xs = new double[values.length];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = i + 1;
                }
            }
            XYSeries line = chart.addSeries(name, xs, values);
            line.setMarker(SeriesMarkers.CIRCLE);
            line.setLineWidth(1.5f);
            Color color = colors.get(name);
            if (color != null) {
                line.setLineColor(color);
                line.setMarkerColor(color);
            }
        });
        return chart;
    }

    @Override
    protected String describe() {
        return String.join(", ", series.keySet());
    }
}
