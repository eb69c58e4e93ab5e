package io.github.convbook.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Row labels, ticks, values in cells, rectangles, suptitles and the best legend corner. */
class AnnotationsTest {
    private static final Tensor GREY = Tensor.full(0.5f, 4, 4);

    /** The image box of a 1x1 figure: where its flat grey image is, in device pixels. */
    private static int[] greyBox(BufferedImage png, int grey) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                if (Pixels.rgb(png, x, y) == grey) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return new int[] {x0, y0, x1, y1};
    }

    @Test
    void rectangleOutlinesTheCellsItNamesInDataCoordinates() {
        Figure fig = Plot.subplots(1, 1).sizePixels(200, 200);
        fig.ax(0, 0).imshow(Tensor.zeros(4, 4), "gray", 0, 1).rectangle(0.5, 0.5, 2, 2, "red");
        BufferedImage png = Pixels.png(fig);
        int[] box = greyBox(png, Pixels.BLACK);
        double cell = (box[2] - box[0] + 1) / 4.0;
        // the rectangle's edges run along the borders between cells 0|1 and 2|3: red there, black in cell centres
        int left = (int) Math.round(box[0] + 1 * cell);
        int centreRow = (int) Math.round(box[1] + 2 * cell);
        assertEquals(0xff0000, Pixels.rgb(png, left, centreRow) & 0xff0000 | 0x000000, "red edge at x = 0.5");
        assertEquals(Pixels.BLACK, Pixels.rgb(png, (int) Math.round(box[0] + 0.5 * cell), centreRow));
        assertEquals(Pixels.BLACK, Pixels.rgb(png, (int) Math.round(box[0] + 2 * cell), centreRow),
                "the inside is not filled");
        assertTrue(fig.ax(0, 0).toString().endsWith(", 1 mark(s)"));
    }

    @Test
    void showValuesWritesContrastingTextInEveryCell() {
        Tensor values = Tensor.of(new float[] {0, 1, 1, 0}, 2, 2);
        Figure fig = Plot.subplots(1, 1).sizePixels(200, 200);
        fig.ax(0, 0).imshow(values, "gray").showValues("%.0f");
        BufferedImage png = Pixels.png(fig);
        // text on the black cell (0) is white and on the white cells (1) black: both cells get the other colour
        int[] box = greyBox(png, Pixels.BLACK);
        int cell = (box[2] - box[0] + 1) / 2;
        Set<Integer> blackCell = Pixels.colours(png, box[0] + 2, box[1] + 2, box[0] + cell - 2, box[1] + cell - 2);
        assertTrue(blackCell.contains(Pixels.WHITE), "white digits on black");
        Set<Integer> whiteCell = Pixels.colours(png, box[0] + cell + 2, box[1] + 2, box[0] + 2 * cell - 2,
                box[1] + cell - 2);
        assertTrue(whiteCell.contains(Pixels.BLACK), "black digits on white");
        assertEquals("Axes[0, 0]: (2, 2) gray, vmin=0.0, vmax=1.0, values %.0f", fig.ax(0, 0).toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fig.ax(0, 0).showValues("%d"));
        assertEquals("showValues expects a pattern for one number such as \"%.0f\" or \"%.2f\", got \"%d\"",
                e.getMessage());
    }

    @Test
    void ylabelAndTicksMakeRoomLeftOfTheImagesAndKeepImagesOneSize() {
        Figure plain = Plot.subplots(1, 2).sizePixels(400, 200);
        plain.ax(0, 0).imshow(GREY, "viridis", 0, 1);
        plain.ax(0, 1).imshow(GREY, "viridis", 0, 1);
        Figure labelled = Plot.subplots(1, 2).sizePixels(400, 200);
        labelled.ax(0, 0).imshow(GREY, "viridis", 0, 1).ylabel("original").axis("on");
        labelled.ax(0, 1).imshow(GREY, "viridis", 0, 1);
        BufferedImage before = Pixels.png(plain);
        BufferedImage after = Pixels.png(labelled);
        int grey = Pixels.rgb(before, 200, 200);
        int[] plainBox = greyBox(before, grey);
        int[] box = greyBox(after, grey);
        // nothing left of the plain image; the label and the tick labels left of the labelled one
        assertEquals(Set.of(Pixels.WHITE), Pixels.colours(before, 0, plainBox[1], plainBox[0] - 2, plainBox[3]));
        assertTrue(Pixels.colours(after, 0, box[1], box[0] - 2, box[3]).size() > 1);
        // ticks and tick labels below it
        assertTrue(Pixels.colours(after, box[0], box[3] + 3, box[2], box[3] + 30).size() > 1);
        // the images keep one size: the second image is as tall as the first
        List<Integer> runs = new ArrayList<>();
        int y = (box[1] + box[3]) / 2;
        for (int x = 0, run = 0; x <= after.getWidth(); x++) {
            if (x < after.getWidth() && Pixels.rgb(after, x, y) == grey) {
                run++;
            } else if (run > 0) {
                runs.add(run);
                run = 0;
            }
        }
        assertEquals(2, runs.size(), "two images on the middle row");
        assertEquals(runs.get(0), runs.get(1), "of one width");
        assertEquals("Axes[0, 0]: (4, 4) viridis, vmin=0.0, vmax=1.0, ylabel 'original', axis on",
                labelled.ax(0, 0).toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plain.ax(0).axis("yes"));
        assertEquals("axis expects \"on\" or \"off\", got \"yes\"", e.getMessage());
    }

    @Test
    void tickStepsAreOneTwoFiveTimesAPowerOfTen() {
        assertEquals(1, Axes.tickStep(5));
        assertEquals(1, Axes.tickStep(7));
        assertEquals(2, Axes.tickStep(8));
        assertEquals(5, Axes.tickStep(28));
        assertEquals(10, Axes.tickStep(64));
    }

    @Test
    void suptitleIsDrawnAboveTheGridAndNamed() {
        Figure fig = Plot.subplots(1, 1).sizePixels(300, 200).suptitle("step 3 of 9");
        fig.ax(0, 0).imshow(GREY, "gray", 0, 1);
        BufferedImage png = Pixels.png(fig);
        assertTrue(Pixels.colours(png, 0, 0, png.getWidth(), 40).size() > 1, "text in the top band");
        assertEquals("Figure(1x1, 'step 3 of 9', 300x200 px)", fig.toString());
    }

    @Test
    void textAndRectangleRefuseNonFiniteCoordinates() {
        Axes ax = Plot.subplots(1, 1).ax(0);
        assertThrows(IllegalArgumentException.class, () -> ax.text(Double.NaN, 0, "x"));
        assertThrows(IllegalArgumentException.class, () -> ax.rectangle(0, 0, 0, 1, "red"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ax.rectangle(0, 0, 1, 1, "reddish"));
        assertTrue(e.getMessage().startsWith("Unknown colour 'reddish'"));
    }

    @Test
    void reconstructionsLabelTheirRowsAndShareOneScale() {
        Tensor originals = Tensor.ones(3, 4, 4);
        Tensor faint = Tensor.full(0.25f, 3, 4, 4);
        Figure fig = Plot.reconstructions(originals, faint, "gray");
        assertEquals("Axes[0, 0]: (4, 4) gray, vmin=0.25, vmax=1.0, ylabel 'original'", fig.ax(0, 0).toString());
        assertEquals("Axes[1, 0]: (4, 4) gray, vmin=0.25, vmax=1.0, ylabel 'reconstructed'",
                fig.ax(1, 0).toString());
        assertEquals("Axes[1, 2]: (4, 4) gray, vmin=0.25, vmax=1.0", fig.ax(1, 2).toString());
    }

    @Test
    void theLegendGoesToTheCornerWithTheFewestPoints() {
        // a falling loss curve fills the upper left and the lower right; the upper right is empty
        List<Double> falling = List.of(1.0, 0.5, 0.3, 0.2, 0.15, 0.12, 0.1, 0.09, 0.08, 0.07);
        LineChart loss = Plot.lines(Map.of("loss", falling));
        assertEquals("InsideNE", bestCorner(loss));
        // a rising accuracy curve climbs to the upper right and stays there: the upper left is empty
        List<Double> rising = falling.stream().map(v -> 1 - v).toList();
        assertEquals("InsideNW", bestCorner(Plot.lines(Map.of("accuracy", rising))));
        // the accuracy of the lecture's ladder, flat near the top: the legend goes below it
        assertFalse(bestCorner(Plot.lines(Map.of("flat", List.of(0.1, 0.9, 0.95, 0.96, 0.97, 0.97, 0.98))))
                .startsWith("InsideN"));
    }

    private static String bestCorner(LineChart chart) {
        return AxesChart.bestLegendPosition(chart.build(640, 480), 640, 480).name();
    }
}
