package io.github.convbook.plot;

import io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable;
import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A step-by-step figure that plays by itself: frames drawn by {@link Plot} (figures, charts), shown one after
 * another in a loop, as matplotlib's {@code FuncAnimation} saved with {@code writer="pillow"}. It is an animated PNG
 * (APNG), which browsers play wherever a PNG is shown: in Jupyter, in a notebook rendered on GitHub, in an HTML
 * export; a viewer without animation support shows the first frame.
 * <pre>
 * var frames = new ArrayList&lt;Figure&gt;();
 * for (int step = 0; step &lt; 9; step++) { frames.add(drawStep(step)); }
 * Plot.animate(frames, 600)            // 0.6 s per frame
 * </pre>
 */
public final class Animation implements DisplayDataRenderable {
    /** The most frames an animation may have: a notebook output stays small. */
    public static final int MAX_FRAMES = 120;

    private final int frameCount;
    private final int millis;
    private final int width;
    private final int height;
    private final byte[] png;

    Animation(List<? extends Picture<?>> pictures, int millis) {
        if (pictures == null || pictures.isEmpty() || pictures.size() > MAX_FRAMES) {
            throw new IllegalArgumentException("animate expects 1 to " + MAX_FRAMES + " frames, got "
                    + (pictures == null ? "null" : pictures.size() + " frames"));
        }
        if (millis < 10 || millis > 60_000) {
            throw new IllegalArgumentException("animate expects 10 to 60000 milliseconds per frame, got " + millis);
        }
        Picture<?> first = pictures.get(0);
        this.width = first.width();
        this.height = first.height();
        this.millis = millis;
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < pictures.size(); i++) {
            Picture<?> picture = pictures.get(i);
            if (picture == null) {
                throw new IllegalArgumentException("animate: frame " + i + " is null");
            }
            if (picture.width() != width || picture.height() != height) {
                throw new IllegalArgumentException("animate expects frames of one size, got frame 0 " + width + "x"
                        + height + " px and frame " + i + " " + picture.width() + "x" + picture.height()
                        + " px: give every frame the same size(...)");
            }
            frames.add(picture.toBufferedImage());   // drawn now: later changes to a figure do not change the frames
        }
        this.frameCount = frames.size();
        this.png = Apng.encode(frames, millis);   // encoded once; the drawn frames need not be kept
    }

    /**
     * The number of frames.
     *
     * @return at least 1
     */
    public int frames() {
        return frameCount;
    }

    /**
     * How long each frame is shown.
     *
     * @return milliseconds, 10 to 60000
     */
    public int millisPerFrame() {
        return millis;
    }

    /**
     * The animation as the bytes of an APNG file.
     *
     * @return a new array
     */
    public byte[] toPng() {
        return png.clone();
    }

    /**
     * Writes the animation to a {@code .png} file (APNG), atomically, as {@link Picture#save(Path)} does.
     *
     * @param path the file to write, ending in .png; an existing file is replaced
     * @throws IllegalArgumentException for a null path or another extension
     * @throws UncheckedIOException when the file cannot be written
     */
    public void save(Path path) {
        AtomicSave.write(path, this, (format, out) -> {
            if (!format.equals("png")) {
                throw new IllegalArgumentException("save: an animation is written as an animated PNG, so the file"
                        + " name must end in .png, got " + path.getFileName());
            }
            out.write(toPng());
        });
    }

    /**
     * {@link #save(Path)} with a path such as {@code "sliding-window.png"} (relative to the notebook's folder).
     *
     * @param path the file to write, ending in .png
     * @throws IllegalArgumentException for a null or malformed path or another extension
     * @throws UncheckedIOException when the file cannot be written
     */
    public void save(String path) {
        save(AtomicSave.path(path));
    }

    @Override
    public Set<MIMEType> getSupportedRenderTypes() {
        return Set.of(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN);
    }

    @Override
    public Set<MIMEType> getPreferredRenderTypes() {
        return Set.of(MIMEType.IMAGE_PNG);
    }

    /**
     * Called by the kernel when this is a cell's value or is passed to {@code display(...)}: adds the APNG with its
     * logical width and height, as a {@link Picture} does.
     */
    @Override
    public void render(RenderContext context) {
        Png.render(context, this::toPng, width, height);
    }

    /**
     * What a notebook shows as text beside the animation.
     *
     * @return e.g. {@code Animation(9 frames, 600 ms each, 480x240 px)}
     */
    @Override
    public String toString() {
        return "Animation(" + frameCount + " frames, " + millis + " ms each, " + width + "x" + height + " px)";
    }
}
