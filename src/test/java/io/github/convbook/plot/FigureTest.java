package io.github.convbook.plot;

import static io.github.convbook.plot.Pixels.WHITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FigureTest {
    private static final Tensor ONES = Tensor.ones(5, 5);

    @Test
    void anEmptyCellStaysBlank() {
        Figure fig = Plot.subplots(2, 2);
        fig.ax(0, 0).imshow(ONES, "gray").title("original");
        fig.ax(1, 0).imshow(ONES, "gray");
        fig.ax(1, 1).imshow(ONES, "gray");
        BufferedImage png = Pixels.png(fig);
        assertEquals(1280, png.getWidth());
        assertEquals(960, png.getHeight());
        int w = png.getWidth() / 2;
        int h = png.getHeight() / 2;
        // ax(0, 1), the top-right quarter, has nothing in it
        assertEquals(Set.of(WHITE), Pixels.colours(png, w + 20, 20, 2 * w - 20, h - 20));
        // the others do (a flat image is drawn in the first colour of the map: black for gray)
        assertTrue(Pixels.colours(png, 20, 20, w - 20, h - 20).contains(Pixels.BLACK));
        assertTrue(Pixels.colours(png, w + 20, h + 20, 2 * w - 20, 2 * h - 20).contains(Pixels.BLACK));
    }

    @Test
    void sizeIsInInchesAtOneHundredPixelsEach() {
        Figure fig = Plot.subplots(3, 4).size(16, 8);
        assertEquals("Figure(3x4, 1600x800 px)", fig.toString());
        BufferedImage png = Pixels.png(fig);
        assertEquals(3200, png.getWidth());
        assertEquals(1600, png.getHeight());
        assertEquals("Figure(1x2, 300x200 px)", Plot.subplots(1, 2).sizePixels(300, 200).toString());
    }

    @Test
    void axesAreCountedFromZeroAndCheckedAgainstTheGrid() {
        Figure fig = Plot.subplots(2, 3);
        assertEquals("Axes[1, 2]: empty", fig.ax(1, 2).toString());
        assertEquals("Axes[1, 0]: empty", fig.ax(3).toString());
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> fig.ax(2, 0));
        assertEquals("ax(2, 0) is outside this 2x3 figure: rows are 0..1, columns 0..2", e.getMessage());
        String described = fig.ax(0, 1).imshow(ONES, "Greys").title("t").toString();
        assertEquals("Axes[0, 1]: (5, 5) Greys, vmin=1.0, vmax=1.0, title 't'", described);
    }

    @Test
    void reconstructionsShowOriginalsAboveOutputs() {
        Tensor originals = Tensor.zeros(4, 28, 28, 1);
        Tensor outputs = Tensor.ones(4, 28, 28, 1);
        Figure fig = Plot.reconstructions(originals, outputs, "gray");
        assertEquals(2, fig.rows());
        assertEquals(4, fig.cols());
        assertTrue(fig.ax(1, 3).toString().contains("(28, 28, 1) gray"), fig.ax(1, 3).toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plot.reconstructions(originals, Tensor.ones(3, 28, 28)));
        assertTrue(e.getMessage().contains("(4, 28, 28, 1) and (3, 28, 28)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plot.reconstructions(Tensor.zeros(10, 784), outputs));
        assertTrue(e.getMessage().endsWith("reshape it, e.g. x.reshape(-1, 28, 28)"), e.getMessage());
    }
}
