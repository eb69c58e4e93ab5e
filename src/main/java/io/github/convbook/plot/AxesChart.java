package io.github.convbook.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
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
        style.setChartTitleFont(Style.TITLE);
        style.setAxisTitleFont(Style.TEXT);
        style.setAxisTickLabelsFont(Style.TEXT);
        style.setLegendFont(Style.TEXT);
        style.setLegendPosition(LegendPosition.InsideNE);   // matplotlib's loc='upper right'
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
