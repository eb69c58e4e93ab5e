package io.github.convbook.plot;

import io.github.convbook.tensor.Tensor;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * One cell of a {@link Figure}, as matplotlib's {@code Axes}:
 * {@code fig.ax(0, 1).imshow(img, "gray").title("edges")}. A cell nothing was drawn in stays blank.
 */
public final class Axes {
    private final int row;
    private final int col;
    private AxesImage image;
    private String title = "";
    private String xlabel = "";

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

    boolean hasTitle() {
        return !title.isEmpty();
    }

    boolean hasXlabel() {
        return !xlabel.isEmpty();
    }

    /** Draws the cell in its box; {@code titleSpace} and {@code labelSpace} are reserved above and below the image. */
    void paint(Graphics2D g, double x, double y, double w, double h, double titleSpace, double labelSpace) {
        double imageHeight = h - titleSpace - labelSpace;
        if (w < 1 || imageHeight < 1) {
            return;   // a cell too small to show anything (a huge grid in a small figure)
        }
        Rectangle2D box = new Rectangle2D.Double(x, y + titleSpace, w, imageHeight);
        if (image != null) {
            box = image.draw(g, box.getX(), box.getY(), w, imageHeight);
            // a 1-pixel frame just outside the image, like matplotlib's spines
            g.setColor(Style.FRAME);
            g.setStroke(new BasicStroke(1f));
            g.draw(new Rectangle2D.Double(box.getX() - 0.5, box.getY() - 0.5, box.getWidth() + 1,
                    box.getHeight() + 1));
        }
        g.setColor(Style.INK);
        centred(g, title, Style.TITLE, box.getCenterX(), box.getY() - 6);
        centred(g, xlabel, Style.TEXT, box.getCenterX(),
                box.getMaxY() + 4 + g.getFontMetrics(Style.TEXT).getAscent());
    }

    private static void centred(Graphics2D g, String text, Font font, double centreX, double baseline) {
        if (text.isEmpty()) {
            return;
        }
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, (float) (centreX - metrics.stringWidth(text) / 2.0), (float) baseline);
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
                + (xlabel.isEmpty() ? "" : ", xlabel '" + xlabel + "'");
    }
}
