package io.github.convbook.plot;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.Arrays;

/**
 * A grid of {@link Axes}, as matplotlib's {@code fig, ax = plt.subplots(rows, cols)}:
 * <pre>
 * var fig = Plot.subplots(2, 2).size(8, 8);
 * fig.ax(0, 0).imshow(img, "gray").title("original");
 * fig.ax(1, 1).imshow(edges, "gray");
 * fig                                   // shows the figure; untouched cells stay blank
 * </pre>
 * The default size is matplotlib's, 6.4 x 4.8 inches (640 x 480 px).
 */
public final class Figure extends Picture<Figure> {
    private static final int MARGIN = 10;
    private static final int PAD = 6;

    private final int rows;
    private final int cols;
    private final Axes[] axes;
    private String suptitle = "";

    Figure(int rows, int cols) {
        super(640, 480);
        if (rows < 1 || cols < 1 || rows * cols > 400) {
            throw new IllegalArgumentException("subplots needs at least 1 row and 1 column and at most 400 cells, got "
                    + rows + "x" + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.axes = new Axes[rows * cols];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = new Axes(i / cols, i % cols);
        }
    }

    /**
     * The number of rows of the grid.
     *
     * @return at least 1
     */
    public int rows() {
        return rows;
    }

    /**
     * The number of columns of the grid.
     *
     * @return at least 1
     */
    public int cols() {
        return cols;
    }

    /**
     * The cell in row {@code row} and column {@code col}, counted from 0: matplotlib's {@code ax[row][col]}.
     *
     * @param row from 0 to {@code rows() - 1}
     * @param col from 0 to {@code cols() - 1}
     * @return the cell, to draw in
     * @throws IndexOutOfBoundsException for a row or column outside the grid
     */
    public Axes ax(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("ax(" + row + ", " + col + ") is outside this " + rows + "x" + cols
                    + " figure: rows are 0.." + (rows - 1) + ", columns 0.." + (cols - 1));
        }
        return axes[row * cols + col];
    }

    /**
     * The cell at {@code index} counted row by row from 0, matplotlib's {@code ax.flat[index]}
     * ({@code plt.subplot(rows, cols, index + 1)}).
     *
     * @param index from 0 to {@code rows() * cols() - 1}
     * @return the cell, to draw in
     * @throws IndexOutOfBoundsException for an index outside the grid
     */
    public Axes ax(int index) {
        if (index < 0 || index >= axes.length) {
            throw new IndexOutOfBoundsException("ax(" + index + ") is outside this " + rows + "x" + cols
                    + " figure: indices are 0.." + (axes.length - 1));
        }
        return axes[index];
    }

    /**
     * A title over the whole grid, as matplotlib's {@code fig.suptitle(...)}.
     *
     * @param title the text; null or empty for none
     * @return this figure, for chaining
     */
    public Figure suptitle(String title) {
        this.suptitle = title == null ? "" : title;
        return this;
    }

    @Override
    protected void paint(Graphics2D g, int width, int height) {
        double top = MARGIN;
        if (!suptitle.isEmpty()) {
            g.setFont(Style.forText(Style.TITLE, suptitle));
            g.setColor(Style.INK);
            FontMetrics metrics = g.getFontMetrics();
            g.drawString(suptitle, (float) ((width - metrics.stringWidth(suptitle)) / 2.0),
                    (float) (MARGIN + metrics.getAscent()));
            top += metrics.getHeight() + 4;
        }
        // the same room for titles, labels and ticks in every cell keeps the images of a row aligned
        double titleSpace = Arrays.stream(axes).anyMatch(Axes::hasTitle) ? Style.TITLE.getSize() + 10 : 0;
        double labelSpace = Arrays.stream(axes).anyMatch(Axes::hasXlabel) ? Style.TEXT.getSize() + 8 : 0;
        boolean ticks = Arrays.stream(axes).anyMatch(Axes::hasTicks);
        double tickSpace = ticks ? Axes.TICK + Style.TEXT.getSize() + 4 : 0;
        // room left of the images only in the columns that need it (row labels, tick labels), with every image
        // column equally wide so that the images of a grid keep one size
        double[] left = new double[cols];
        for (int i = 0; i < axes.length; i++) {
            double need = (axes[i].hasYlabel() ? Style.TEXT.getSize() + 8 : 0)
                    + (axes[i].hasTicks() ? Axes.TICK_LABEL_WIDTH + Axes.TICK : 0);
            left[i % cols] = Math.max(left[i % cols], need);
        }
        double imageWidth = (width - 2.0 * MARGIN - Arrays.stream(left).sum()) / cols;
        double[] x0 = new double[cols];
        for (int c = 1; c < cols; c++) {
            x0[c] = x0[c - 1] + left[c - 1] + imageWidth;
        }
        double cellHeight = (height - top - MARGIN) / rows;
        for (int i = 0; i < axes.length; i++) {
            int c = i % cols;
            double x = MARGIN + x0[c] + PAD;
            double y = top + (i / cols) * cellHeight + PAD;
            axes[i].paint(g, x, y, left[c] + imageWidth - 2 * PAD, cellHeight - 2 * PAD, titleSpace, labelSpace,
                    left[c], tickSpace);
        }
    }

    @Override
    protected String describe() {
        return rows + "x" + cols + (suptitle.isEmpty() ? "" : ", '" + suptitle + "'");
    }
}
