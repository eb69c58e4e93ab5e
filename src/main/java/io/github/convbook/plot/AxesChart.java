package io.github.convbook.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * A chart with x and y axes, drawn by XChart with matplotlib's look (white, black frame, tab10 colours, grey grid):
 * what {@link LineChart} and {@link BarChart} share. The setters are matplotlib's {@code plt.title},
 * {@code plt.xlabel}, {@code plt.ylabel}, {@code plt.ylim} and {@code plt.grid}.
 *
 * @param <C> the concrete chart, so that setters chain: {@code Plot.lines(history).title("MLP").ylim(0, 0.35)}
 */
public abstract class AxesChart<C extends AxesChart<C>> extends Picture<C> {
    private String title = "";
    private String xlabel = "";
    private String ylabel = "";
    private Double ymin;
    private Double ymax;
    private boolean grid;

    /**
     * A chart of matplotlib's default size, 640 x 480 pixels.
     *
     * @param grid whether grid lines show at first (line charts: yes, bar charts: no)
     */
    protected AxesChart(boolean grid) {
        super(640, 480);
        this.grid = grid;
    }

    /**
     * The title above the chart, as {@code plt.title(...)}.
     *
     * @param title the text; null or empty for none
     * @return this chart, for chaining
     */
    public C title(String title) {
        this.title = title == null ? "" : title;
        return self();
    }

    /**
     * The x-axis label, as {@code plt.xlabel(...)}; line charts start with {@code epoch}.
     *
     * @param label the text; null or empty for none
     * @return this chart, for chaining
     */
    public C xlabel(String label) {
        this.xlabel = label == null ? "" : label;
        return self();
    }

    /**
     * The y-axis label, as {@code plt.ylabel(...)}.
     *
     * @param label the text; null or empty for none
     * @return this chart, for chaining
     */
    public C ylabel(String label) {
        this.ylabel = label == null ? "" : label;
        return self();
    }

    /**
     * The y-axis range, as {@code plt.ylim(bottom, top)}; by default it fits the data.
     *
     * @param bottom the value at the bottom of the axis
     * @param top the value at the top, above {@code bottom}
     * @return this chart, for chaining
     * @throws IllegalArgumentException unless {@code bottom < top} (NaN included)
     */
    public C ylim(double bottom, double top) {
        if (!(bottom < top)) {
            throw new IllegalArgumentException("ylim needs bottom < top, got " + bottom + " and " + top);
        }
        this.ymin = bottom;
        this.ymax = top;
        return self();
    }

    /**
     * Shows or hides the grid lines, as {@code plt.grid(visible)}.
     *
     * @param visible true to show them
     * @return this chart, for chaining
     */
    public C grid(boolean visible) {
        this.grid = visible;
        return self();
    }

    /**
     * The title set with {@link #title(String)}.
     *
     * @return the title; empty when none
     */
    public String title() {
        return title;
    }

    /**
     * The x-axis label.
     *
     * @return the label; empty when none
     */
    public String xlabel() {
        return xlabel;
    }

    /**
     * The y-axis label.
     *
     * @return the label; empty when none
     */
    public String ylabel() {
        return ylabel;
    }

    /** The bottom of the y axis set by {@link #ylim}, or null for the data's own range. */
    Double ymin() {
        return ymin;
    }

    /** The top of the y axis set by {@link #ylim}, or null for the data's own range. */
    Double ymax() {
        return ymax;
    }

    @SuppressWarnings("unchecked")
    private C self() {
        return (C) this;
    }

    /**
     * The XChart chart with this chart's data; titles, labels and styling are added by {@link #paint}.
     *
     * @param width the width in logical pixels
     * @param height the height in logical pixels
     * @return a new XChart chart holding the series
     */
    protected abstract Chart<? extends AxesChartStyler, ?> build(int width, int height);

    /**
     * A tick value as matplotlib writes it: {@code 0.08}, {@code 0.3}, {@code 7000} (not {@code .08} or
     * {@code 7,000}).
     */
    private static String tickLabel(double value) {
        // 6 significant digits hide the floating-point noise of computed ticks (0.30000000000000004)
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /**
     * matplotlib's {@code loc="best"}: the first inside corner (upper right, upper left, lower left, lower right)
     * whose legend box covers no point of the curves (lines sampled between markers too), in the y range shown
     * ({@code ylim} when set); when every corner would hide data, the legend goes outside, right of the plot.
     */
    static LegendPosition bestLegendPosition(Chart<?, ?> chart, int width, int height, Double ymin, Double ymax) {
        if (!(chart instanceof XYChart xy) || xy.getSeriesMap().isEmpty()) {
            return LegendPosition.InsideNE;
        }
        List<double[]> points = new ArrayList<>();
        int longestName = 0;
        for (XYSeries series : xy.getSeriesMap().values()) {
            longestName = Math.max(longestName, series.getName().length());
            double[] xs = series.getXData();
            double[] ys = series.getYData();
            for (int i = 0; i < xs.length; i++) {
                for (int k = 0; k < 8 && (k == 0 || i + 1 < xs.length); k++) {   // 8 samples per segment
                    double t = k / 8.0;
                    double x = k == 0 ? xs[i] : xs[i] + t * (xs[i + 1] - xs[i]);
                    double y = k == 0 ? ys[i] : ys[i] + t * (ys[i + 1] - ys[i]);
                    if (Double.isFinite(x) && Double.isFinite(y)) {
                        points.add(new double[] {x, y});
                    }
                }
            }
        }
        double x0 = points.stream().mapToDouble(p -> p[0]).min().orElse(0);
        double x1 = points.stream().mapToDouble(p -> p[0]).max().orElse(1);
        double y0 = ymin != null ? ymin : points.stream().mapToDouble(p -> p[1]).min().orElse(0);
        double y1 = ymax != null ? ymax : points.stream().mapToDouble(p -> p[1]).max().orElse(1);
        // the legend's share of the plot area, from its text (about 7 px per character, 18 px per line)
        double plotWidth = Math.max(1, width - 110);
        double plotHeight = Math.max(1, height - 90);
        double boxWidth = Math.min(1, (longestName * 7.0 + 45) / plotWidth);
        double boxHeight = Math.min(1, (xy.getSeriesMap().size() * 18.0 + 12) / plotHeight);
        LegendPosition[] order = {LegendPosition.InsideNE, LegendPosition.InsideNW, LegendPosition.InsideSW,
            LegendPosition.InsideSE};
        for (LegendPosition position : order) {
            boolean right = position == LegendPosition.InsideNE || position == LegendPosition.InsideSE;
            boolean top = position == LegendPosition.InsideNE || position == LegendPosition.InsideNW;
            long covered = points.stream().filter(p -> {
                double u = x1 > x0 ? (p[0] - x0) / (x1 - x0) : 0.5;
                double v = y1 > y0 ? (p[1] - y0) / (y1 - y0) : 0.5;
                // XChart pads the data range by a few percent; 0.05 of margin keeps near misses out of the box
                boolean inX = right ? u >= 1 - boxWidth - 0.05 : u <= boxWidth + 0.05;
                boolean inY = top ? v >= 1 - boxHeight - 0.05 : v <= boxHeight + 0.05;
                return inX && inY;
            }).count();
            if (covered == 0) {
                return position;
            }
        }
        return LegendPosition.OutsideE;
    }

    @Override
    protected final void paint(Graphics2D g, int width, int height) {
        Chart<? extends AxesChartStyler, ?> chart = build(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xlabel);
        chart.setYAxisTitle(ylabel);
        chart.setCustomYAxisTickLabelsFormatter(AxesChart::tickLabel);
        AxesChartStyler style = chart.getStyler();
        style.setChartTitleVisible(!title.isEmpty());
        style.setXAxisTitleVisible(!xlabel.isEmpty());
        style.setYAxisTitleVisible(!ylabel.isEmpty());
        style.setLocale(Locale.ROOT);   // "0.5", never "0,5", whatever the machine's language
        style.setChartBackgroundColor(Color.WHITE);
        style.setPlotBackgroundColor(Color.WHITE);
        style.setPlotBorderVisible(true);
        style.setPlotBorderColor(Style.FRAME);
        style.setChartFontColor(Style.INK);
        style.setAxisTickLabelsColor(Style.INK);
        style.setYAxisLabelAlignment(AxesChartStyler.TextAlignment.Right);
        style.setChartTitleBoxVisible(false);
        // one font for the whole chart: Nanum Gothic when any of its text is Korean (or other CJK), so that its
        // Latin text and digits match the Hangul beside them
        String texts = title + xlabel + ylabel + String.join("", chart.getSeriesMap().keySet());
        style.setChartTitleFont(Style.forText(Style.TITLE, texts));
        style.setAxisTitleFont(Style.forText(Style.TEXT, texts));
        style.setAxisTickLabelsFont(Style.forText(Style.TEXT, texts));
        style.setLegendFont(Style.forText(Style.TEXT, texts));
        style.setLegendPosition(bestLegendPosition(chart, width, height, ymin, ymax));
        style.setLegendBorderColor(new Color(0xcccccc));
        style.setChartPadding(12);
        style.setPlotGridLinesVisible(grid);
        style.setPlotGridLinesColor(Style.GRID);
        style.setPlotGridLinesStroke(new BasicStroke(0.8f));
        style.setSeriesColors(Style.CYCLE);
        style.setToolTipsEnabled(false);
        if (ymin != null) {
            style.setYAxisMin(ymin);
            style.setYAxisMax(ymax);
        }
        chart.paint(g, width, height);
    }
}
