package io.github.convbook.plot;

import io.github.convbook.tensor.Tensor;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;

/**
 * One cell of a {@link Figure}, as matplotlib's {@code Axes}:
 * {@code fig.ax(0, 1).imshow(img, "gray").title("edges")}. A cell nothing was drawn in stays blank.
 */
public final class Axes {
    private final int row;
    private final int col;
    /** Room left of an image for tick labels such as "25", in logical pixels. */
    static final double TICK_LABEL_WIDTH = 22;
    /** The length of a tick mark. */
    static final double TICK = 3.5;

    private final List<Mark> marks = new ArrayList<>();
    private AxesImage image;
    private String title = "";
    private String xlabel = "";
    private String ylabel = "";
    private boolean ticks;
    private String valuesFormat;

    Axes(int row, int col) {
        this.row = row;
        this.col = col;
    }

    /**
     * Shows an image with matplotlib's default colour map, viridis, over its own range: {@code ax.imshow(image)}.
     *
     * @param image {@code (H, W)}, {@code (H, W, 1)} or {@code (H, W, 3)} (RGB: floats in [0, 1], integers in
     *     0..255), any numeric dtype
     * @return this cell, for chaining
     * @throws IllegalArgumentException for another shape, an empty or symbolic image
     */
    public Axes imshow(Tensor image) {
        return imshow(image, "viridis");
    }

    /**
     * Shows an image with a colour map over its own range: {@code ax.imshow(image, cmap=cmap)}.
     *
     * @param image {@code (H, W)}, {@code (H, W, 1)} or {@code (H, W, 3)} (RGB: floats in [0, 1], integers in
     *     0..255), any numeric dtype
     * @param cmap {@code "gray"}, {@code "Greys"}, {@code "binary"}, {@code "viridis"}, or one with {@code _r}
     * @return this cell, for chaining
     * @throws IllegalArgumentException for another shape, an empty or symbolic image, or an unknown colour map
     */
    public Axes imshow(Tensor image, String cmap) {
        this.image = AxesImage.of(image, cmap, null, null);
        return this;
    }

    /**
     * Shows an image with values from {@code vmin} (first colour) to {@code vmax} (last colour), as
     * {@code ax.imshow(image, cmap=cmap, vmin=vmin, vmax=vmax)}; values outside are clipped.
     *
     * @param image {@code (H, W)}, {@code (H, W, 1)} or {@code (H, W, 3)} (RGB: floats in [0, 1], integers in
     *     0..255), any numeric dtype
     * @param cmap the colour map, as {@link #imshow(Tensor, String)}
     * @param vmin the value drawn in the first colour
     * @param vmax the value drawn in the last colour
     * @return this cell, for chaining
     * @throws IllegalArgumentException for another shape, an empty or symbolic image, an unknown colour map, or a
     *     {@code vmin} or {@code vmax} that is not finite
     */
    public Axes imshow(Tensor image, String cmap, double vmin, double vmax) {
        this.image = AxesImage.of(image, cmap, vmin, vmax);
        return this;
    }

    /**
     * The title above the image, as {@code ax.set_title(...)}.
     *
     * @param title the text; null or empty for none
     * @return this cell, for chaining
     */
    public Axes title(String title) {
        this.title = title == null ? "" : title;
        return this;
    }

    /**
     * The label below the image, as {@code ax.set_xlabel(...)}, e.g. a prediction.
     *
     * @param label the text; null or empty for none
     * @return this cell, for chaining
     */
    public Axes xlabel(String label) {
        this.xlabel = label == null ? "" : label;
        return this;
    }

    /**
     * The label left of the image, as {@code ax.set_ylabel(...)}, drawn upright: row labels such as
     * {@code "original"} and {@code "reconstructed"}.
     *
     * @param label the text; null or empty for none
     * @return this cell, for chaining
     */
    public Axes ylabel(String label) {
        this.ylabel = label == null ? "" : label;
        return this;
    }

    /**
     * Shows or hides the axes' ticks, as matplotlib's {@code ax.axis("on")} / {@code ax.axis("off")}: with
     * {@code "on"} the image gets integer pixel positions along its left side (rows) and bottom (columns), counted
     * from 0 as NumPy indexes them. ConvBook's default is {@code "off"} (clean image grids); turn it on where the
     * text refers to coordinates.
     *
     * @param mode {@code "on"} or {@code "off"}
     * @return this cell, for chaining
     * @throws IllegalArgumentException for another mode
     */
    public Axes axis(String mode) {
        if (!"on".equals(mode) && !"off".equals(mode)) {
            throw new IllegalArgumentException("axis expects \"on\" or \"off\", got "
                    + (mode == null ? "null" : "\"" + mode + "\""));
        }
        this.ticks = "on".equals(mode);
        return this;
    }

    /**
     * Writes text centred on a point of the image, as matplotlib's
     * {@code ax.text(x, y, s, ha="center", va="center")}, in black or white, whichever contrasts with the pixel
     * under it.
     *
     * @param x the column, in pixels (pixel centres are whole numbers: 0 is the first column's centre)
     * @param y the row, in pixels, counted downwards as in {@code imshow}
     * @param text the text; null or empty writes nothing
     * @return this cell, for chaining
     * @throws IllegalArgumentException for a coordinate that is not finite
     */
    public Axes text(double x, double y, String text) {
        requireFinite("text", x, y, 1, 1);
        if (text != null && !text.isEmpty()) {
            marks.add(new Mark(x, y, 0, 0, text, null));
        }
        return this;
    }

    /**
     * Writes every pixel's value in its cell, as seaborn's {@code heatmap(annot=True, fmt=...)}: for small arrays
     * whose numbers the text discusses (a 5x5 input, a 3x3 kernel). Applies to the image shown by {@code imshow};
     * an RGB image shows its red channel.
     *
     * @param format a {@link String#format} pattern for one number, e.g. {@code "%.0f"} or {@code "%.2f"}
     * @return this cell, for chaining
     * @throws IllegalArgumentException for a pattern that does not format one number
     */
    public Axes showValues(String format) {
        try {
            String.format(Locale.ROOT, format, 1.0);
        } catch (IllegalFormatException | NullPointerException e) {
            throw new IllegalArgumentException("showValues expects a pattern for one number such as \"%.0f\" or"
                    + " \"%.2f\", got " + (format == null ? "null" : "\"" + format + "\""), e);
        }
        this.valuesFormat = format;
        return this;
    }

    /**
     * Outlines a rectangle on the image, as matplotlib's
     * {@code ax.add_patch(Rectangle((x, y), width, height, fill=False, edgecolor=color))}: the k x k window whose
     * top-left pixel is at row r, column c is {@code rectangle(c - 0.5, r - 0.5, k, k, "red")}.
     *
     * @param x the left edge, in pixels (pixel centres are whole numbers, so a pixel's left edge is at c - 0.5)
     * @param y the top edge, in pixels (rows counted downwards)
     * @param width the width in pixels, positive
     * @param height the height in pixels, positive
     * @param color a matplotlib colour name ({@code "red"}, {@code "tab:orange"}, {@code "#1f77b4"})
     * @return this cell, for chaining
     * @throws IllegalArgumentException for a coordinate that is not finite, a size that is not positive, or an
     *     unknown colour
     */
    public Axes rectangle(double x, double y, double width, double height, String color) {
        requireFinite("rectangle", x, y, width, height);
        if (!(width > 0 && height > 0)) {
            throw new IllegalArgumentException("rectangle expects a positive width and height, got " + width + " x "
                    + height);
        }
        marks.add(new Mark(x, y, width, height, null, Style.color(color == null ? "" : color)));
        return this;
    }

    private static void requireFinite(String call, double x, double y, double w, double h) {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(w) || !Double.isFinite(h)) {
            throw new IllegalArgumentException(call + " expects finite coordinates, got x=" + x + ", y=" + y
                    + (w == 1 && h == 1 ? "" : ", width=" + w + ", height=" + h));
        }
    }

    boolean hasTitle() {
        return !title.isEmpty();
    }

    boolean hasXlabel() {
        return !xlabel.isEmpty();
    }

    boolean hasYlabel() {
        return !ylabel.isEmpty();
    }

    boolean hasTicks() {
        return ticks && image != null;
    }

    /**
     * Draws the cell in its box; {@code titleSpace} and {@code labelSpace} are reserved above and below the image,
     * {@code leftSpace} left of it (the y label and tick labels), {@code tickSpace} below it (tick labels).
     */
    void paint(Graphics2D g, double x, double y, double w, double h, double titleSpace, double labelSpace,
            double leftSpace, double tickSpace) {
        double imageHeight = h - titleSpace - labelSpace - tickSpace;
        double imageWidth = w - leftSpace;
        if (imageWidth < 1 || imageHeight < 1) {
            return;   // a cell too small to show anything (a huge grid in a small figure)
        }
        Rectangle2D box = new Rectangle2D.Double(x + leftSpace, y + titleSpace, imageWidth, imageHeight);
        if (image != null) {
            box = image.draw(g, box.getX(), box.getY(), imageWidth, imageHeight);
            paintOverlays(g, box);
            // a 1-pixel frame just outside the image, like matplotlib's spines
            g.setColor(Style.FRAME);
            g.setStroke(new BasicStroke(1f));
            g.draw(new Rectangle2D.Double(box.getX() - 0.5, box.getY() - 0.5, box.getWidth() + 1,
                    box.getHeight() + 1));
            if (ticks) {
                paintTicks(g, box);
            }
        }
        g.setColor(Style.INK);
        centred(g, title, Style.TITLE, box.getCenterX(), box.getY() - 6);
        centred(g, xlabel, Style.TEXT, box.getCenterX(),
                box.getMaxY() + 4 + (ticks ? tickSpace : 0) + g.getFontMetrics(Style.TEXT).getAscent());
        if (!ylabel.isEmpty()) {
            g.setFont(Style.forText(Style.TEXT, ylabel));
            FontMetrics metrics = g.getFontMetrics();
            AffineTransform saved = g.getTransform();
            double left = box.getX() - (ticks ? TICK_LABEL_WIDTH + TICK : 0) - 6 - metrics.getDescent();
            g.translate(left, box.getCenterY());
            g.rotate(-Math.PI / 2);   // upright text reads bottom to top, as matplotlib's y labels
            g.drawString(ylabel, (float) (-metrics.stringWidth(ylabel) / 2.0), 0f);
            g.setTransform(saved);
        }
    }

    /** Values, text and rectangles in data coordinates: pixel (row r, col c) has its centre at (c, r). */
    private void paintOverlays(Graphics2D g, Rectangle2D box) {
        double cw = box.getWidth() / image.width();
        double ch = box.getHeight() / image.height();
        Shape clip = g.getClip();
        g.clip(new Rectangle2D.Double(box.getX() - 2, box.getY() - 2, box.getWidth() + 4, box.getHeight() + 4));
        if (valuesFormat != null) {
            Font font = fitting(cw, ch, image.width() * image.height());
            for (int r = 0; r < image.height(); r++) {
                for (int c = 0; c < image.width(); c++) {
                    String text = String.format(Locale.ROOT, valuesFormat, image.value(r, c));
                    drawCentred(g, text, font, box.getX() + (c + 0.5) * cw, box.getY() + (r + 0.5) * ch,
                            image.isLight(r, c));
                }
            }
        }
        for (Mark mark : marks) {
            double left = box.getX() + (mark.x + 0.5) * cw;
            double top = box.getY() + (mark.y + 0.5) * ch;
            if (mark.text != null) {
                int r = (int) Math.round(mark.y);
                int c = (int) Math.round(mark.x);
                boolean light = r < 0 || c < 0 || r >= image.height() || c >= image.width() || image.isLight(r, c);
                drawCentred(g, mark.text, fitting(cw, ch, 1), left, top, light);
            } else {
                g.setColor(mark.color);
                g.setStroke(new BasicStroke(2.5f));
                g.draw(new Rectangle2D.Double(left, top, mark.width * cw, mark.height * ch));
            }
        }
        g.setClip(clip);
    }

    /** The text font, smaller when cells are small, so a number fits its cell. */
    private static Font fitting(double cellWidth, double cellHeight, int cells) {
        float size = (float) Math.min(Style.TEXT.getSize2D(), Math.min(cellWidth / 2.2, cellHeight * 0.6));
        return Style.TEXT.deriveFont(Math.max(5f, cells == 1 ? Style.TEXT.getSize2D() : size));
    }

    private static void drawCentred(Graphics2D g, String text, Font font, double cx, double cy, boolean light) {
        g.setFont(Style.forText(font, text));
        FontMetrics metrics = g.getFontMetrics();
        g.setColor(light ? Color.BLACK : Color.WHITE);
        g.drawString(text, (float) (cx - metrics.stringWidth(text) / 2.0),
                (float) (cy + (metrics.getAscent() - metrics.getDescent()) / 2.0));
    }

    /** Whole-number pixel positions every 1, 2, 5, 10, ... pixels (about six ticks), as matplotlib's locator. */
    private void paintTicks(Graphics2D g, Rectangle2D box) {
        g.setColor(Style.INK);
        g.setStroke(new BasicStroke(1f));
        g.setFont(Style.TEXT);
        FontMetrics metrics = g.getFontMetrics();
        double cw = box.getWidth() / image.width();
        double ch = box.getHeight() / image.height();
        int step = tickStep(image.width());
        for (int c = 0; c < image.width(); c += step) {
            double px = box.getX() + (c + 0.5) * cw;
            g.draw(new Line2D.Double(px, box.getMaxY() + 0.5, px, box.getMaxY() + TICK));
            String label = Integer.toString(c);
            g.drawString(label, (float) (px - metrics.stringWidth(label) / 2.0),
                    (float) (box.getMaxY() + TICK + 1 + metrics.getAscent()));
        }
        step = tickStep(image.height());
        for (int r = 0; r < image.height(); r += step) {
            double py = box.getY() + (r + 0.5) * ch;
            g.draw(new Line2D.Double(box.getX() - TICK, py, box.getX() - 0.5, py));
            String label = Integer.toString(r);
            g.drawString(label, (float) (box.getX() - TICK - 2 - metrics.stringWidth(label)),
                    (float) (py + (metrics.getAscent() - metrics.getDescent()) / 2.0));
        }
    }

    static int tickStep(int size) {
        for (int step : new int[] {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000}) {
            if (size <= 7 * step) {
                return step;
            }
        }
        return 2000;
    }

    private static void centred(Graphics2D g, String text, Font font, double centreX, double baseline) {
        if (text.isEmpty()) {
            return;
        }
        g.setFont(Style.forText(font, text));
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, (float) (centreX - metrics.stringWidth(text) / 2.0), (float) baseline);
    }

    /** A text (color null) or a rectangle outline (text null) in data coordinates. */
    private record Mark(double x, double y, double width, double height, String text, Color color) {
    }

    /**
     * What the cell holds, in words.
     *
     * @return e.g. {@code Axes[0, 1]: (28, 28) gray, vmin=0.0, vmax=255.0, title 'edges'}
     */
    @Override
    public String toString() {
        return "Axes[" + row + ", " + col + "]: " + (image == null ? "empty" : image)
                + (title.isEmpty() ? "" : ", title '" + title + "'")
                + (xlabel.isEmpty() ? "" : ", xlabel '" + xlabel + "'")
                + (ylabel.isEmpty() ? "" : ", ylabel '" + ylabel + "'")
                + (ticks ? ", axis on" : "")
                + (valuesFormat == null ? "" : ", values " + valuesFormat)
                + (marks.isEmpty() ? "" : ", " + marks.size() + " mark(s)");
    }
}
