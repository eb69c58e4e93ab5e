package io.github.convbook.plot;

import io.github.convbook.models.History;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * The lecture's {@code matplotlib.pyplot} calls, in Java. Each returns a picture that shows inline when it is the
 * last expression of a notebook cell (or is passed to {@code display(...)}), and can be saved with {@code save}.
 * <pre>
 * Plot.imshow(xTrain.get(0), "Greys");             // plt.imshow(X_train[0], cmap='Greys')
 * Plot.lines(history, "loss", "val_loss");         // loss curves with legend, grid and labels
 * var fig = Plot.subplots(3, 4).size(16, 8);       // fig, ax = plt.subplots(3, 4); figwidth 16, figheight 8
 * fig.ax(0, 0).imshow(img, "gray");                // ax[0][0].imshow(img, cmap='gray')
 * Plot.reconstructions(xTest, decoded);            // originals above, autoencoder outputs below
 * Plot.bar(counts);                                // one bar per class
 * </pre>
 */
public final class Plot {
    /** The longer side of a single {@code imshow} picture, in logical pixels. */
    private static final int IMSHOW_SIDE = 400;

    private Plot() {
    }

    // ---------------------------------------------------------------- images

    /** Shows an image of shape (H, W), (H, W, 1) or (H, W, 3) with matplotlib's default colour map, viridis. */
    public static Figure imshow(Tensor image) {
        return imshow(image, "viridis");
    }

    /** Shows an image with a colour map: {@code "gray"} (0 black), {@code "Greys"} (0 white), {@code "viridis"}. */
    public static Figure imshow(Tensor image, String cmap) {
        Figure figure = new Figure(1, 1);
        figure.ax(0, 0).imshow(image, cmap);
        return fitted(figure, image.shape());
    }

    /** Shows an image with the colour map spread from {@code vmin} to {@code vmax} instead of the data's range. */
    public static Figure imshow(Tensor image, String cmap, double vmin, double vmax) {
        Figure figure = new Figure(1, 1);
        figure.ax(0, 0).imshow(image, cmap, vmin, vmax);
        return fitted(figure, image.shape());
    }

    /** A figure with the image's proportions, so a single image fills it. */
    private static Figure fitted(Figure figure, Shape shape) {
        double height = shape.get(0);
        double width = shape.get(1);
        double scale = IMSHOW_SIDE / Math.max(width, height);
        return figure.sizePixels((int) Math.max(100, Math.round(width * scale)),
                (int) Math.max(100, Math.round(height * scale)));
    }

    /** An empty grid of images to fill with {@code fig.ax(row, col).imshow(...)}, as {@code plt.subplots(rows, cols)}. */
    public static Figure subplots(int rows, int cols) {
        return new Figure(rows, cols);
    }

    /**
     * The autoencoder strip: the original images in the top row, their reconstructions below, in viridis as the
     * lecture's {@code plt.imshow} calls draw them. Both are batches of the same number of images,
     * (n, H, W), (n, H, W, 1) or (n, H, W, 3).
     */
    public static Figure reconstructions(Tensor originals, Tensor reconstructed) {
        return reconstructions(originals, reconstructed, "viridis");
    }

    /** {@link #reconstructions(Tensor, Tensor)} with another colour map, e.g. {@code "gray"}. */
    public static Figure reconstructions(Tensor originals, Tensor reconstructed, String cmap) {
        long n = batchSize(originals, "originals");
        if (batchSize(reconstructed, "reconstructed") != n) {
            throw new IllegalArgumentException("reconstructions needs as many reconstructed images as originals, got "
                    + originals.shape() + " and " + reconstructed.shape());
        }
        Figure figure = new Figure(2, (int) n).size(1.2 * n, 2.6);
        for (int i = 0; i < n; i++) {
            figure.ax(0, i).imshow(originals.get(i), cmap);
            figure.ax(1, i).imshow(reconstructed.get(i), cmap);
        }
        return figure;
    }

    private static long batchSize(Tensor images, String name) {
        Shape shape = images.shape();
        if (shape.rank() < 3 || shape.rank() > 4) {
            throw new IllegalArgumentException("reconstructions expects " + name + " as a batch of images (n, H, W) or"
                    + " (n, H, W, channels), got " + shape
                    + (shape.rank() == 2 ? ": reshape it, e.g. x.reshape(-1, 28, 28)" : ""));
        }
        if (shape.get(0) < 1 || shape.get(0) > 50) {
            throw new IllegalArgumentException("reconstructions shows 1 to 50 images side by side, got " + shape.get(0)
                    + " in " + name + ": take a few with x.slice(0, 10)");
        }
        return shape.get(0);
    }

    // ---------------------------------------------------------------- curves

    /** The per-epoch curves of a training history, e.g. {@code lines(history, "loss", "val_loss")}; none: all. */
    public static LineChart lines(History history, String... metrics) {
        return LineChart.of(history, metrics);
    }

    /** One curve of per-epoch values; add more with {@code .plot(name, values)}. */
    public static LineChart lines(String name, List<? extends Number> values) {
        return new LineChart().plot(name, values);
    }

    /** One curve of per-epoch values; add more with {@code .plot(name, values)}. */
    public static LineChart lines(String name, double[] values) {
        return new LineChart().plot(name, values);
    }

    /** One curve per entry, in the map's order: use a {@code LinkedHashMap} to choose the legend's order. */
    public static LineChart lines(Map<String, ? extends List<? extends Number>> series) {
        LineChart chart = new LineChart();
        series.forEach(chart::plot);
        return chart;
    }

    // ---------------------------------------------------------------- bars

    /** One bar per label, as {@code plt.bar(labels, values)}. */
    public static BarChart bar(String[] labels, double[] values) {
        return new BarChart(labels, values);
    }

    /** One bar per value of a (n,) or (1, n) tensor, labelled 0, 1, 2, ...: class counts, predicted probabilities. */
    public static BarChart bar(Tensor values) {
        return BarChart.of(values);
    }
}
