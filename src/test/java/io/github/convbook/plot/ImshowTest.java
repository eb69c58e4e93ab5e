package io.github.convbook.plot;

import static io.github.convbook.plot.Pixels.BLACK;
import static io.github.convbook.plot.Pixels.WHITE;
import static io.github.convbook.plot.Pixels.rgb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImshowTest {
    /** [[0, 255], [255, 0]] as MNIST stores pixels. */
    private static Tensor checker() {
        return Tensor.ofUint8(new byte[] {0, (byte) 255, (byte) 255, 0}, 2, 2);
    }

    /** The colours at the centres of the four quadrants of a centred square image: top-left, top-right, ... */
    private static int[] quadrants(BufferedImage png) {
        int c = png.getWidth() / 2;
        int d = png.getWidth() / 5;
        return new int[] {rgb(png, c - d, c - d), rgb(png, c + d, c - d), rgb(png, c - d, c + d),
            rgb(png, c + d, c + d)};
    }

    @Test
    void greysDrawsInkBlackOnWhite() {
        int[] q = quadrants(Pixels.png(Plot.imshow(checker(), "Greys")));
        assertEquals(WHITE, q[0]);   // 0 -> white
        assertEquals(BLACK, q[1]);   // 255 -> black
        assertEquals(BLACK, q[2]);
        assertEquals(WHITE, q[3]);
    }

    @Test
    void grayDrawsTheReverse() {
        int[] q = quadrants(Pixels.png(Plot.imshow(checker(), "gray")));
        assertEquals(BLACK, q[0]);
        assertEquals(WHITE, q[1]);
    }

    @Test
    void defaultColourMapIsViridisOverTheDataRange() {
        Tensor values = Tensor.of(new float[] {-2f, 5f, 5f, -2f}, 2, 2);
        int[] q = quadrants(Pixels.png(Plot.imshow(values)));
        assertEquals(0x440154, q[0]);   // the minimum
        assertEquals(0xfde724, q[1]);   // the maximum
    }

    @Test
    void vminAndVmaxReplaceTheDataRange() {
        Tensor values = Tensor.of(new float[] {0f, 0.5f, 0.5f, 0f}, 2, 2);
        int[] q = quadrants(Pixels.png(Plot.imshow(values, "gray", 0, 1)));
        assertEquals(BLACK, q[0]);
        assertEquals(0x808080, q[1]);   // 0.5 of the way, not the maximum
    }

    @Test
    void acceptsChannelLastGrayAndRgb() {
        Tensor oneChannel = checker().reshape(2, 2, 1);
        assertEquals(BLACK, quadrants(Pixels.png(Plot.imshow(oneChannel, "gray")))[0]);
        Tensor rgb = Tensor.of(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1}, 2, 2, 3);
        int[] q = quadrants(Pixels.png(Plot.imshow(rgb)));
        assertEquals(0xff0000, q[0]);
        assertEquals(0x00ff00, q[1]);
        assertEquals(0x0000ff, q[2]);
        assertEquals(WHITE, q[3]);
    }

    @Test
    void aDigitIsDrawnInWholeBlocksWithoutBlur() {
        byte[] pixels = new byte[28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) ((i / 28 + i % 28) % 2 == 0 ? 0 : 255);
        }
        Figure figure = Plot.imshow(Tensor.ofUint8(pixels, 28, 28), "gray");
        BufferedImage png = Pixels.png(figure);
        assertEquals(800, png.getWidth());   // 400 logical pixels, drawn at 2x
        assertEquals(800, png.getHeight());
        // nearest-neighbour at a whole scale: no grey in between black and white anywhere
        assertEquals(Set.of(BLACK, WHITE), Pixels.colours(png));
        // and every image pixel is a square of the same size: the top row alternates in equal runs
        int y = png.getHeight() / 2;
        int x = png.getWidth() / 2;
        int left = x;
        while (rgb(png, left - 1, y) == rgb(png, x, y)) {
            left--;
        }
        int right = x;
        while (rgb(png, right + 1, y) == rgb(png, x, y)) {
            right++;
        }
        int block = right - left + 1;
        assertEquals(26, block);   // 736 device pixels of room / 28 = 26.3 -> 26
        assertEquals(rgb(png, x, y) ^ 0xffffff, rgb(png, right + 1, y));
        assertEquals(rgb(png, x, y), rgb(png, right + 1 + block, y));
    }

    @Test
    void aWideImageGetsAWideFigure() {
        Figure figure = Plot.imshow(Tensor.zeros(10, 40), "gray");
        assertEquals(400, figure.width());
        assertEquals(100, figure.height());
        assertEquals("Figure(1x1, 400x100 px)", figure.toString());
    }

    @Test
    void wrongShapesSayWhichShapesAreAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plot.imshow(Tensor.zeros(28, 28, 2), "gray"));
        assertEquals("imshow expects an image of shape (H, W), (H, W, 1) or (H, W, 3), got (28, 28, 2): show one image"
                + " of a batch with x.get(i), or one channel with x.channel(c)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plot.imshow(Tensor.zeros(1, 28, 28, 1)));
        assertTrue(e.getMessage().endsWith("got (1, 28, 28, 1): this is a batch of one image; show it with x.get(0)"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plot.imshow(Tensor.zeros(784)));
        assertTrue(e.getMessage().endsWith("reshape it first, e.g. x.reshape(28, 28)"), e.getMessage());
    }
}
