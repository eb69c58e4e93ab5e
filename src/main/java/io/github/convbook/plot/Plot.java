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

    /**
     * Shows an image with matplotlib's default colour map, viridis, spread over the image's own range:
     * {@code plt.imshow(image)}.
     *
     * @param image {@code (H, W)}, {@code (H, W, 1)} or {@code (H, W, 3)} (RGB: floats in [0, 1], integers in
     *     0..255), any numeric dtype
     * @return a new one-cell figure, about 400 pixels on its longer side, with the image's proportions
     * @throws IllegalArgumentException for another shape, an empty or symbolic image
     */
    public static Figure imshow(Tensor image) {
        return imshow(image, "viridis");
    }

    /**
     * Shows an image with a colour map spread over the image's own range, {@code plt.imshow(image, cmap=cmap)}.
     *
     * @param image {@code (H, W)}, {@code (H, W, 1)} or {@code (H, W, 3)} (RGB: floats in [0, 1], integers in
     *     0..255), any numeric dtype
     * @param cmap {@code "gray"} (0 black), {@code "Greys"} or {@code "binary"} (0 white), {@code "viridis"}, or
     *     one of them with {@code _r} for reversed (see {@link Colormap}); ignored for RGB images
     * @return a new one-cell figure with the image's proportions
     * @throws IllegalArgumentException for another shape, an empty or symbolic image, or an unknown colour map
     */
    public static Figure imshow(Tensor image, String cmap) {
        Figure figure = new Figure(1, 1);
        figure.ax(0, 0).imshow(image, cmap);
        return fitted(figure, image.shape());
    }

    /**
     * Shows an image with the colour map spread from {@code vmin} to {@code vmax} instead of the data's range,
     * {@code plt.imshow(image, cmap=cmap, vmin=vmin, vmax=vmax)}: {@code vmin=0, vmax=255} draws uint8 pixels on
     * the same scale whatever the image holds.
     *
     * @param image {@code (H, W)}, {@code (H, W, 1)} or {@code (H, W, 3)} (RGB: floats in [0, 1], integers in
     *     0..255), any numeric dtype
     * @param cmap the colour map, as {@link #imshow(Tensor, String)}
     * @param vmin the value drawn in the map's first colour; smaller values are clipped to it
     * @param vmax the value drawn in the map's last colour; larger values are clipped to it
     * @return a new one-cell figure with the image's proportions
     * @throws IllegalArgumentException for another shape, an empty or symbolic image, an unknown colour map, or a
     *     {@code vmin} or {@code vmax} that is not finite
     */
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

    /**
     * An empty grid of images to fill with {@code fig.ax(row, col).imshow(...)}, as
     * {@code fig, ax = plt.subplots(rows, cols)}; 640 x 480 pixels (6.4 x 4.8 inches) until {@code size(...)}.
     *
     * @param rows the number of rows, at least 1
     * @param cols the number of columns, at least 1; at most 400 cells in all
     * @return a new figure whose cells are blank
     * @throws IllegalArgumentException for fewer than 1 row or column, or more than 400 cells
     */
    public static Figure subplots(int rows, int cols) {
        return new Figure(rows, cols);
    }

    /**
     * The autoencoder strip: the original images in the top row ("original"), their reconstructions below
     * ("reconstructed"), in viridis as the lecture's {@code plt.imshow} calls draw them, but on one colour scale
     * (the smallest to the largest value of both rows, e.g. 0 to 1) rather than each image on its own. Both are
     * batches of the same number of images, (n, H, W), (n, H, W, 1) or (n, H, W, 3).
     *
     * @param originals 1 to 50 images, e.g. {@code xTest.slice(0, 10)}, shape {@code (10, 28, 28)}
     * @param reconstructed as many images, e.g. the autoencoder's {@code predict} output {@code (10, 28, 28, 1)}
     * @return a new 2-row figure, 1.2 inches wide per image and 2.6 inches high
     * @throws IllegalArgumentException when either is not a batch of 1 to 50 images, or their counts differ
     */
    public static Figure reconstructions(Tensor originals, Tensor reconstructed) {
        return reconstructions(originals, reconstructed, "viridis");
    }

    /**
     * {@link #reconstructions(Tensor, Tensor)} with another colour map, e.g. {@code "gray"}.
     *
     * @param originals 1 to 50 images {@code (n, H, W)}, {@code (n, H, W, 1)} or {@code (n, H, W, 3)}
     * @param reconstructed as many images
     * @param cmap the colour map, as {@link #imshow(Tensor, String)}
     * @return a new 2-row figure
     * @throws IllegalArgumentException as {@link #reconstructions(Tensor, Tensor)}, or for an unknown colour map
     */
    public static Figure reconstructions(Tensor originals, Tensor reconstructed, String cmap) {
        long n = batchSize(originals, "originals");
        if (batchSize(reconstructed, "reconstructed") != n) {
            throw new IllegalArgumentException("reconstructions needs as many reconstructed images as originals, "
                    + "got " + originals.shape() + " and " + reconstructed.shape());
        }
        // one colour scale for both rows, so that a pale reconstruction looks pale (matplotlib would scale each
        // image to its own range and hide that)
        double lo = Math.min(originals.min(), reconstructed.min());
        double hi = Math.max(originals.max(), reconstructed.max());
        Figure figure = new Figure(2, (int) n).size(1.2 * n + 0.3, 2.6);
        for (int i = 0; i < n; i++) {
            figure.ax(0, i).imshow(originals.get(i), cmap, lo, hi);
            figure.ax(1, i).imshow(reconstructed.get(i), cmap, lo, hi);
        }
        figure.ax(0, 0).ylabel("original");
        figure.ax(1, 0).ylabel("reconstructed");
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

    // ---------------------------------------------------------------- animations

    /**
     * An animation of figures or charts, shown one after another in a loop, as matplotlib's
     * {@code FuncAnimation(fig, update, frames, interval=millisPerFrame)}: an animated PNG that plays in Jupyter and
     * on GitHub. Each frame is drawn when this is called.
     *
     * @param frames 1 to {@link Animation#MAX_FRAMES} pictures of one size, e.g. {@code Figure}s drawn step by step
     * @param millisPerFrame how long each frame shows, 10 to 60000 ms (matplotlib's {@code interval})
     * @return a new animation
     * @throws IllegalArgumentException for no frames, too many, a null frame, frames of different sizes, or a time
     *     outside 10..60000 ms
     */
    public static Animation animate(List<? extends Picture<?>> frames, int millisPerFrame) {
        return new Animation(frames, millisPerFrame);
    }

    // ---------------------------------------------------------------- curves

    /**
     * The per-epoch curves of a training history, as the lecture plots {@code history.history['loss']}:
     * {@code lines(history, "loss", "val_loss")}. Epochs count from 1 on the x axis.
     *
     * @param history what {@code model.fit} returned
     * @param metrics the names of the curves, e.g. {@code "loss"}, {@code "val_accuracy"}; none: every metric
     * @return a new line chart with a legend and grid, y label the metric when all curves measure one thing
     * @throws IllegalArgumentException when the history has no metrics, or has no metric of a name asked for
     */
    public static LineChart lines(History history, String... metrics) {
        return LineChart.of(history, metrics);
    }

    /**
     * One curve of per-epoch values, {@code plt.plot(values, label=name)}; add more with {@code .plot(name, values)}.
     *
     * @param name the curve's name in the legend
     * @param values one finite number per epoch
     * @return a new line chart
     * @throws IllegalArgumentException for a null name, no values, a null, NaN or infinite value
     */
    public static LineChart lines(String name, List<? extends Number> values) {
        return new LineChart().plot(name, values);
    }

    /**
     * One curve of per-epoch values, {@code plt.plot(values, label=name)}; add more with {@code .plot(name, values)}.
     *
     * @param name the curve's name in the legend
     * @param values one finite number per epoch
     * @return a new line chart
     * @throws IllegalArgumentException for a null name, no values, a NaN or infinite value
     */
    public static LineChart lines(String name, double[] values) {
        return new LineChart().plot(name, values);
    }

    /**
     * One curve per entry, in the map's order: use a {@code LinkedHashMap} to choose the legend's order. A Keras
     * {@code history.history()} map fits as it is.
     *
     * @param series curve name to its per-epoch values
     * @return a new line chart
     * @throws IllegalArgumentException for a curve with no values, or a null, NaN or infinite value
     */
    public static LineChart lines(Map<String, ? extends List<? extends Number>> series) {
        LineChart chart = new LineChart();
        series.forEach(chart::plot);
        return chart;
    }

    // ---------------------------------------------------------------- bars

    /**
     * One bar per label, as {@code plt.bar(labels, values)}; bars grow from 0 when no value is negative.
     *
     * @param labels the label under each bar, e.g. class names
     * @param values one finite number per label
     * @return a new bar chart
     * @throws IllegalArgumentException for null labels or values, a null label, different lengths, no values, or a
     *     NaN or infinite value
     */
    public static BarChart bar(String[] labels, double[] values) {
        return new BarChart(labels, values);
    }

    /**
     * One bar per value of a tensor, labelled 0, 1, 2, ...: class counts, or the probabilities {@code predict}
     * gives for one image.
     *
     * @param values shape {@code (n,)}, or {@code (1, n)} such as {@code model.predict(oneImage)}; any numeric dtype
     * @return a new bar chart
     * @throws IllegalArgumentException for another shape, or a NaN or infinite value
     */
    public static BarChart bar(Tensor values) {
        return BarChart.of(values);
    }
}
