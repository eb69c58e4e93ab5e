package io.github.convbook.plot;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * PNG encoding that keeps notebooks small: an image with at most 256 colours (every grey-scale figure) is written
 * with a palette, one byte per pixel instead of three, which makes a grid of noisy images about 9 times smaller.
 * Charts, whose anti-aliased lines have more colours, are written as plain RGB.
 */
final class Png {
    private Png() {
    }

    static void write(BufferedImage image, OutputStream out) {
        try {
            ImageIO.write(paletted(image), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same pixels with a palette, or the image itself when it has more than 256 colours. */
    private static BufferedImage paletted(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        int[] palette = new int[256];
        int colours = 0;
        byte[] indices = new byte[pixels.length];
        int last = -1;
        int lastIndex = 0;
        for (int i = 0; i < pixels.length; i++) {
            int rgb = pixels[i] & 0xffffff;
            if (rgb != last) {   // neighbours mostly share a colour: look up only when it changes
                lastIndex = indexOf(palette, colours, rgb);
                if (lastIndex < 0) {
                    if (colours == palette.length) {
                        return image;
                    }
                    palette[colours] = rgb;
                    lastIndex = colours++;
                }
                last = rgb;
            }
            indices[i] = (byte) lastIndex;
        }
        byte[] r = new byte[colours];
        byte[] g = new byte[colours];
        byte[] b = new byte[colours];
        for (int k = 0; k < colours; k++) {
            r[k] = (byte) (palette[k] >> 16);
            g[k] = (byte) (palette[k] >> 8);
            b[k] = (byte) palette[k];
        }
        BufferedImage indexed = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, colours, r, g, b));
        byte[] target = ((DataBufferByte) indexed.getRaster().getDataBuffer()).getData();
        System.arraycopy(indices, 0, target, 0, indices.length);
        return indexed;
    }

    private static int indexOf(int[] palette, int count, int rgb) {
        for (int k = 0; k < count; k++) {
            if (palette[k] == rgb) {
                return k;
            }
        }
        return -1;
    }
}
