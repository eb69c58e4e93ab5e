package io.github.convbook.plot;

import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * PNG encoding that keeps notebooks small: an image with at most 256 colours (every grey-scale figure) is written
 * with a palette, one byte per pixel instead of three, which makes a grid of noisy images about 9 times smaller.
 * Charts, whose anti-aliased lines have more colours, are written as plain RGB.
 */
final class Png {
    private Png() {
    }

    /**
     * Adds PNG bytes to a kernel's display with the logical width and height as metadata, so the notebook shows the
     * double-density image at its logical size.
     */
    static void render(RenderContext context, Supplier<byte[]> png, int width, int height) {
        // a fixed key order, so a re-executed notebook stores byte-identical outputs
        Map<String, Integer> size = new LinkedHashMap<>();
        size.put("width", width);
        size.put("height", height);
        context.renderIfRequested(MIMEType.IMAGE_PNG, (type, out) ->
                out.putData(type, Base64.getEncoder().encodeToString(png.get()), size));
    }

    static void write(BufferedImage image, OutputStream out) {
        try {
            ImageIO.write(paletted(image)[0], "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same pixels with one palette shared by all images (an animation's frames must share theirs), or the
     * images themselves when together they have more than 256 colours.
     */
    static BufferedImage[] paletted(BufferedImage... images) {
        int[] palette = new int[256];
        int colours = 0;
        byte[][] indices = new byte[images.length][];
        for (int f = 0; f < images.length; f++) {
            BufferedImage image = images[f];
            int width = image.getWidth();
            int[] pixels = image.getRGB(0, 0, width, image.getHeight(), null, 0, width);
            indices[f] = new byte[pixels.length];
            int last = -1;
            int lastIndex = 0;
            for (int i = 0; i < pixels.length; i++) {
                int rgb = pixels[i] & 0xffffff;
                if (rgb != last) {   // neighbours mostly share a colour: look up only when it changes
                    lastIndex = indexOf(palette, colours, rgb);
                    if (lastIndex < 0) {
                        if (colours == palette.length) {
                            return images;
                        }
                        palette[colours] = rgb;
                        lastIndex = colours++;
                    }
                    last = rgb;
                }
                indices[f][i] = (byte) lastIndex;
            }
        }
        byte[] r = new byte[colours];
        byte[] g = new byte[colours];
        byte[] b = new byte[colours];
        for (int k = 0; k < colours; k++) {
            r[k] = (byte) (palette[k] >> 16);
            g[k] = (byte) (palette[k] >> 8);
            b[k] = (byte) palette[k];
        }
        IndexColorModel model = new IndexColorModel(8, colours, r, g, b);
        BufferedImage[] indexed = new BufferedImage[images.length];
        for (int f = 0; f < images.length; f++) {
            indexed[f] = new BufferedImage(images[f].getWidth(), images[f].getHeight(),
                    BufferedImage.TYPE_BYTE_INDEXED, model);
            byte[] target = ((DataBufferByte) indexed[f].getRaster().getDataBuffer()).getData();
            System.arraycopy(indices[f], 0, target, 0, indices[f].length);
        }
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
