package io.github.convbook.plot;

import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;

/**
 * One bar per label, as matplotlib's {@code plt.bar(labels, values)}: how many images each class has, or the
 * probabilities a model predicts for one image.
 */
public final class BarChart extends AxesChart<BarChart> {
    private final List<String> labels;
    private final double[] values;

    BarChart(String[] labels, double[] values) {
        super(false);
        if (labels == null || values == null || Arrays.asList(labels).contains(null)) {
            throw new IllegalArgumentException("bar expects labels and values, got labels "
                    + (labels == null ? "null" : Arrays.toString(labels)) + " and values "
                    + (values == null ? "null" : Arrays.toString(values)));
        }
        if (labels.length != values.length) {
            throw new IllegalArgumentException("bar needs one label per value, got " + labels.length + " labels and "
                    + values.length + " values");
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("bar needs at least one value");
        }
        Finite.require("bar", "the values", values);
        this.labels = List.of(labels);
        this.values = values.clone();
    }

    /** Bars labelled 0, 1, 2, ... from a (n,) tensor, or the single row of a (1, n) one such as {@code predict}'s. */
    static BarChart of(Tensor values) {
        Shape shape = values.shape();
        boolean oneRow = shape.rank() == 1 || shape.rank() == 2 && shape.get(0) == 1;
        if (!oneRow) {
            throw new IllegalArgumentException("bar expects values of shape (n,) or (1, n), got " + shape
                    + (shape.rank() == 2 ? ": pick one row with x.get(i)" : ""));
        }
        double[] data = values.toDoubleArray();
        String[] labels = IntStream.range(0, data.length).mapToObj(String::valueOf).toArray(String[]::new);
        return new BarChart(labels, data);
    }

    @Override
    protected Chart<? extends AxesChartStyler, ?> build(int width, int height) {
        CategoryChart chart = new CategoryChart(width, height);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setAvailableSpaceFill(0.8);   // matplotlib's width=0.8
        if (Arrays.stream(values).allMatch(v -> v >= 0)) {
            chart.getStyler().setYAxisMin(0.0);   // bars grow from 0, as in matplotlib
        }
        chart.addSeries("values", labels, Arrays.stream(values).boxed().toList());
        return chart;
    }

    @Override
    protected String describe() {
        return values.length + " bars";
    }
}
