package io.github.convbook.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The picture format a file name asks for. {@code save("pic.jpg")} used to write PNG bytes under a .jpg name, which
 * some viewers refuse; now the extension decides, and a name without a known one is refused rather than guessed.
 */
final class ImageFormat {
    /** Extension to ImageIO's format name; every one of these has a writer in every JDK. */
    private static final Map<String, String> BY_EXTENSION = Map.of(
            "png", "png", "jpg", "jpeg", "jpeg", "jpeg", "gif", "gif", "bmp", "bmp");

    private ImageFormat() {
    }

    /**
     * @return ImageIO's format name for the file's extension
     * @throws IllegalArgumentException when the extension is missing or unknown
     */
    static String forFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String format = BY_EXTENSION.get(extension);
        if (format == null) {
            throw new IllegalArgumentException("save: cannot tell the picture format of '" + name + "': use one of the"
                    + " extensions .png, .jpg, .jpeg, .gif, .bmp");
        }
        return format;
    }

    /**
     * Writes {@code image} in a format without an alpha channel (JPEG, BMP) or with a palette (GIF): the pixels are
     * first drawn on a white RGB image, since ImageIO's JPEG writer fails on (or miscolours) ARGB images.
     */
    static void write(BufferedImage image, String format, OutputStream out) throws IOException {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(rgb, format, out)) {
            throw new IOException("no ImageIO writer for " + format);
        }
    }
}
