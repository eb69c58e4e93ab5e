package io.github.convbook.plot;

import io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable;
import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Anything {@link Plot} draws: a {@link Figure} of images, a {@link LineChart}, a {@link BarChart}.
 * <p>
 * It has a size in logical pixels (matplotlib's inches times 100 dpi) and is drawn at {@link #SCALE} times that
 * size, so it stays crisp on high-density screens. As the last expression of a notebook cell it shows as a PNG
 * (it implements the Jupyter kernel's {@link DisplayDataRenderable}); {@link #toBufferedImage()} and
 * {@link #save(Path)} give the same picture outside a notebook.
 *
 * @param <P> the concrete type, so that {@code size(...)} can be chained: {@code Plot.subplots(2, 2).size(8, 8)}
 */
public abstract class Picture<P extends Picture<P>> implements DisplayDataRenderable {
    /** Logical pixels per inch: matplotlib's default figure dpi. */
    public static final int DPI = 100;
    /** Device pixels per logical pixel in the rendered image. */
    public static final int SCALE = 2;

    static {
        // Pictures are drawn off-screen; a notebook kernel or CI machine may have no display at all.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private int width;
    private int height;

    /**
     * A picture of a size in logical pixels; subclasses start at matplotlib's 640 x 480.
     *
     * @param width the width in logical pixels, 1 to 10000
     * @param height the height in logical pixels, 1 to 10000
     * @throws IllegalArgumentException for a side outside 1..10000
     */
    protected Picture(int width, int height) {
        sizePixels(width, height);
    }

    /**
     * Width in logical pixels (the rendered image has {@link #SCALE} times as many).
     *
     * @return the width, e.g. 640
     */
    public int width() {
        return width;
    }

    /**
     * Height in logical pixels (the rendered image has {@link #SCALE} times as many).
     *
     * @return the height, e.g. 480
     */
    public int height() {
        return height;
    }

    /**
     * Sets the size in inches, as matplotlib's {@code figsize=(width, height)} at 100 dpi: {@code size(16, 8)} is
     * 1600 x 800 logical pixels.
     *
     * @param widthInches the width in inches, 0.01 to 100
     * @param heightInches the height in inches, 0.01 to 100
     * @return this picture, for chaining
     * @throws IllegalArgumentException when a side rounds to fewer than 1 or more than 10000 pixels
     */
    public P size(double widthInches, double heightInches) {
        return sizePixels((int) Math.round(widthInches * DPI), (int) Math.round(heightInches * DPI));
    }

    /**
     * Sets the size in logical pixels (inches times 100).
     *
     * @param width the width in logical pixels, 1 to 10000
     * @param height the height in logical pixels, 1 to 10000
     * @return this picture, for chaining
     * @throws IllegalArgumentException for a side outside 1..10000
     */
    @SuppressWarnings("unchecked")
    public P sizePixels(int width, int height) {
        if (width < 1 || height < 1 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException("A picture's size must be between 1 and 10000 pixels on each side"
                    + " (0.01 to 100 inches), got " + width + "x" + height + " px");
        }
        this.width = width;
        this.height = height;
        return (P) this;
    }

    /**
     * Draws the picture in logical coordinates: (0, 0) top left, (width, height) bottom right.
     *
     * @param g where to draw, already scaled by {@link #SCALE} and cleared to white
     * @param width the width in logical pixels
     * @param height the height in logical pixels
     */
    protected abstract void paint(Graphics2D g, int width, int height);

    /**
     * What {@link #toString()} shows before the size.
     *
     * @return e.g. {@code 2x2} for a figure's grid
     */
    protected abstract String describe();

    /**
     * The picture as an image of {@code SCALE * width} by {@code SCALE * height} pixels on white, for Java's
     * image APIs.
     *
     * @return a new RGB image, e.g. 1280 x 960 pixels for the default 640 x 480
     */
    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            // exact geometry: a line drawn on whole device pixels stays sharp instead of being nudged half a pixel
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(SCALE, SCALE);
            paint(g, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The picture encoded as PNG bytes, as a notebook shows it.
     *
     * @return a new array holding a PNG file of {@link #toBufferedImage()}
     */
    public byte[] toPng() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writePng(bytes);
        return bytes.toByteArray();
    }

    /**
     * Writes the picture to a file, as matplotlib's {@code savefig}; the format follows the extension: {@code .png},
     * {@code .jpg}/{@code .jpeg} (no transparency, so drawn on white), {@code .gif} or {@code .bmp}. The file appears
     * complete or not at all: it is written beside the target under a temporary name, then renamed. It gets the
     * permissions any new file gets (the umask's), not the owner-only ones of {@code Files.createTempFile}.
     *
     * @param path the file to write; an existing file is replaced
     * @throws IllegalArgumentException for a null path or an extension that is not one of those formats
     * @throws UncheckedIOException when the file cannot be written (a missing folder, no permission)
     */
    public void save(Path path) {
        AtomicSave.write(path, this, (format, out) -> {
            if (format.equals("png")) {
                writePng(out);
            } else {
                ImageFormat.write(toBufferedImage(), format, out);
            }
        });
    }

    /**
     * {@link #save(Path)} with a path such as {@code "loss.png"} (relative to the notebook's folder).
     *
     * @param path the file to write, ending in .png, .jpg, .jpeg, .gif or .bmp
     * @throws IllegalArgumentException for a null or malformed path or an unknown extension
     * @throws UncheckedIOException when the file cannot be written
     */
    public void save(String path) {
        save(AtomicSave.path(path));
    }

    private void writePng(OutputStream out) {
        Png.write(toBufferedImage(), out);
    }

    // ---------------------------------------------------------------- Jupyter display

    @Override
    public Set<MIMEType> getSupportedRenderTypes() {
        return Set.of(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN);
    }

    @Override
    public Set<MIMEType> getPreferredRenderTypes() {
        return Set.of(MIMEType.IMAGE_PNG);
    }

    /**
     * Called by the kernel when this is a cell's value or is passed to {@code display(...)}: adds the PNG (drawn and
     * encoded once per call) with its logical width and height as metadata, so the notebook shows it at its
     * logical size with double-density pixels. The kernel adds {@code text/plain} from {@link #toString()}.
     */
    @Override
    public void render(RenderContext context) {
        Png.render(context, this::toPng, width, height);
    }

    /**
     * What a notebook shows as text beside the picture.
     *
     * @return e.g. {@code Figure(2x2, 640x480 px)}
     */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + describe() + ", " + width + "x" + height + " px)";
    }
}
