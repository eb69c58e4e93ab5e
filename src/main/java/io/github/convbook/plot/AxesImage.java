package io.github.convbook.plot;

import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;

/**
 * What {@code imshow} draws, as matplotlib's {@code AxesImage}: a tensor's values turned into one pixel each.
 * <ul>
 *   <li>(H, W) and (H, W, 1): values are normalised to [0, 1] between {@code vmin} and {@code vmax} (the data's
 *       minimum and maximum unless given) and coloured with a {@link Colormap};</li>
 *   <li>(H, W, 3): RGB as they are, like matplotlib: floats in [0, 1], integers in [0, 255], clipped.</li>
 * </ul>
 */
final class AxesImage {
    private final BufferedImage pixels;
    private final double[] values;
    private final int channels;
    private final String description;

    private AxesImage(BufferedImage pixels, double[] values, int channels, String description) {
        this.pixels = pixels;
        this.values = values;
        this.channels = channels;
        this.description = description;
    }

    /** The image of {@code image}; {@code vmin} and {@code vmax} may be null for the data's own range. */
    static AxesImage of(Tensor image, String cmap, Double vmin, Double vmax) {
        if (image == null || image.isSymbolic()) {
            throw new IllegalArgumentException("imshow expects an image tensor with values, got "
                    + (image == null ? "null" : "a symbolic tensor " + image.shape()));
        }
        if (vmin != null && !Double.isFinite(vmin) || vmax != null && !Double.isFinite(vmax)) {
            throw new IllegalArgumentException("imshow: vmin and vmax must be finite numbers, got vmin=" + vmin
                    + ", vmax=" + vmax);
        }
        Shape shape = image.shape();
        int rank = shape.rank();
        boolean rgb = rank == 3 && shape.get(2) == 3;
        if (!(rank == 2 || rank == 3 && (shape.get(2) == 1 || rgb))) {
            throw new IllegalArgumentException("imshow expects an image of shape (H, W), (H, W, 1) or (H, W, 3), got "
                    + shape + hint(shape));
        }
        int height = (int) shape.get(0);
        int width = (int) shape.get(1);
        if (height == 0 || width == 0) {
            throw new IllegalArgumentException("imshow got an empty image of shape " + shape);
        }
        double[] values = image.toDoubleArray();
        BufferedImage pixels = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        if (rgb) {
            double full = image.dtype().isFloating() ? 1.0 : 255.0;
            for (int i = 0; i < width * height; i++) {
                int color = 0;
                for (int c = 0; c < 3; c++) {
                    double v = Math.min(Math.max(values[3 * i + c] / full, 0), 1);
                    color = (color << 8) | (int) (v * 255);
                }
                pixels.setRGB(i % width, i / width, color);
            }
            return new AxesImage(pixels, values, 3, shape + " RGB");
        }
        Colormap colors = Colormap.get(cmap);
        DoubleSummaryStatistics range = Arrays.stream(values).filter(Double::isFinite).summaryStatistics();
        double lo = vmin != null ? vmin : range.getCount() > 0 ? range.getMin() : 0;
        double hi = vmax != null ? vmax : range.getCount() > 0 ? range.getMax() : 1;
        for (int i = 0; i < width * height; i++) {
            // matplotlib's Normalize: a flat image (vmin == vmax) gets the map's first colour
            double t = hi > lo ? (values[i] - lo) / (hi - lo) : Double.isNaN(values[i]) ? Double.NaN : 0;
            pixels.setRGB(i % width, i / width, colors.rgb(t));
        }
        return new AxesImage(pixels, values, 1, shape + " " + colors.name() + ", vmin=" + lo + ", vmax=" + hi);
    }

    /** The usual mistakes behind a wrong shape, with the fix. */
    private static String hint(Shape shape) {
        int rank = shape.rank();
        if (rank == 4 && shape.get(0) == 1) {
            return ": this is a batch of one image; show it with x.get(0)";
        }
        if (rank == 3 || rank == 4) {
            return ": show one image of a batch with x.get(i), or one channel with x.channel(c)";
        }
        long side = Math.round(Math.sqrt(shape.size()));
        if (rank == 1 && side * side == shape.size()) {
            return ": reshape it first, e.g. x.reshape(" + side + ", " + side + ")";
        }
        return "";
    }

    int width() {
        return pixels.getWidth();
    }

    /** The data value at a pixel (the first channel of an RGB image), for {@code showValues}. */
    double value(int row, int col) {
        return values[(row * width() + col) * channels];
    }

    /** Whether the pixel is light, so that text on it is drawn in black rather than white. */
    boolean isLight(int row, int col) {
        int rgb = pixels.getRGB(col, row);
        double luminance = 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
        return luminance > 140;
    }

    int height() {
        return pixels.getHeight();
    }

    /**
     * Draws the image as large as fits in the box, centred, keeping its aspect ratio (matplotlib's
     * {@code aspect='equal'}). Every image pixel becomes the same whole number of device pixels, so a 28x28 digit
     * stays sharp-edged (no blur, no uneven rows); only an image larger than its box is scaled down smoothly.
     *
     * @return where the image landed, in the caller's (logical) coordinates
     */
    Rectangle2D draw(Graphics2D g, double x, double y, double w, double h) {
        AffineTransform logical = g.getTransform();
        double s = logical.getScaleX();   // device pixels per logical pixel
        double fit = Math.min(w * s / width(), h * s / height());
        double block = fit >= 1 ? Math.floor(fit) : fit;
        int dw = (int) Math.round(width() * block);
        int dh = (int) Math.round(height() * block);
        int dx = (int) Math.round(logical.getTranslateX() + (x + w / 2) * s - dw / 2.0);
        int dy = (int) Math.round(logical.getTranslateY() + (y + h / 2) * s - dh / 2.0);

        Object interpolation = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setTransform(new AffineTransform());   // draw in device pixels, so the blocks fall on whole pixels
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, block >= 1
                ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(pixels, dx, dy, dw, dh, null);
        g.setTransform(logical);
        if (interpolation != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        }
        return new Rectangle2D.Double((dx - logical.getTranslateX()) / s, (dy - logical.getTranslateY()) / s,
                dw / s, dh / s);
    }

    @Override
    public String toString() {
        return description;
    }
}
