package io.github.convbook.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Test helpers: decode a picture's PNG and read its pixels as 0xRRGGBB. */
final class Pixels {
    static final int WHITE = 0xffffff;
    static final int BLACK = 0x000000;

    private Pixels() {
    }

    static BufferedImage decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new AssertionError("not a PNG ImageIO can read");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage png(Picture<?> picture) {
        return decode(picture.toPng());
    }

    static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xffffff;
    }

    /** The colours in a rectangle of device pixels. */
    static Set<Integer> colours(BufferedImage image, int x0, int y0, int x1, int y1) {
        Set<Integer> seen = new HashSet<>();
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                seen.add(rgb(image, x, y));
            }
        }
        return seen;
    }

    static Set<Integer> colours(BufferedImage image) {
        return colours(image, 0, 0, image.getWidth(), image.getHeight());
    }
}
