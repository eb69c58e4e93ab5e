package io.github.convbook.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.models.History;
import io.github.convbook.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChartsTest {
    private static final int TAB_BLUE = 0x1f77b4;
    private static final int TAB_ORANGE = 0xff7f0e;

    private static History history() {
        History history = new History();
        double[] loss = {0.35, 0.2, 0.14, 0.11};
        for (int epoch = 0; epoch < loss.length; epoch++) {
            history.record("loss", loss[epoch]);
            history.record("accuracy", 1 - loss[epoch]);
            history.record("val_loss", loss[epoch] + 0.02);
            history.record("val_accuracy", 0.98 - loss[epoch]);
        }
        return history;
    }

    @Test
    void lossCurvesOfAHistory() {
        LineChart chart = Plot.lines(history(), "loss", "val_loss");
        assertEquals("LineChart(loss, val_loss, 640x480 px)", chart.toString());
        assertEquals("epoch", chart.xlabel());
        assertEquals("loss", chart.ylabel());
        BufferedImage png = Pixels.png(chart);
        assertEquals(1280, png.getWidth());
        assertEquals(960, png.getHeight());
        Set<Integer> colours = Pixels.colours(png);
        assertTrue(colours.contains(TAB_BLUE), "the first curve is tab:blue");
        assertTrue(colours.contains(TAB_ORANGE), "the second curve is tab:orange");
        assertTrue(colours.contains(Pixels.BLACK), "the frame");
    }

    @Test
    void noMetricsMeansAllOfThem() {
        LineChart chart = Plot.lines(history());
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), chart.names());
        assertEquals("", chart.ylabel());   // loss and accuracy share no label
        assertEquals("accuracy", Plot.lines(history(), "accuracy", "val_accuracy").ylabel());
    }

    @Test
    void plainSeriesWithNamedColours() {
        LineChart chart = Plot.lines("training loss", List.of(0.3, 0.2, 0.1))
                .plot("validation loss", new double[] {0.25, 0.2, 0.18})
                .color("validation loss", "red")
                .title("MLP").ylabel("loss").ylim(0, 0.35);
        assertTrue(Pixels.colours(Pixels.png(chart)).contains(0xff0000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> chart.color("val", "red"));
        assertEquals("No curve named 'val': this chart has [training loss, validation loss]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> chart.color("training loss", "reddish"));
        e = assertThrows(IllegalArgumentException.class, () -> Plot.lines(history(), "val_acc"));
        assertTrue(e.getMessage().startsWith("No metric 'val_acc' in this history"), e.getMessage());
    }

    @Test
    void barsForClassCountsAndProbabilities() {
        BarChart counts = Plot.bar(Tensor.of(new int[] {5923, 6742, 5958})).xlabel("class").ylabel("count");
        assertEquals("BarChart(3 bars, 640x480 px)", counts.toString());
        BufferedImage png = Pixels.png(counts);
        assertEquals(1280, png.getWidth());
        assertTrue(Pixels.colours(png).contains(TAB_BLUE), "bars are tab:blue");
        Tensor probabilities = Tensor.of(new float[][] {{0.1f, 0.7f, 0.2f}});   // predict() of one image: (1, 3)
        assertEquals("BarChart(3 bars, 640x480 px)", Plot.bar(probabilities).toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plot.bar(Tensor.zeros(2, 3)));
        assertEquals("bar expects values of shape (n,) or (1, n), got (2, 3): pick one row with x.get(i)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plot.bar(new String[] {"a"}, new double[] {1, 2}));
        assertEquals("bar needs one label per value, got 1 labels and 2 values", e.getMessage());
    }

    @Test
    void curvesCanHaveTheirOwnXValues() {
        LineChart chart = Plot.lines("MLP", new double[] {0.98, 0.9, 0.5}).plot("CNN", new double[] {0.99, 0.97, 0.7})
                .x(0, 15, 30).xlabel("rotation (degrees)");
        BufferedImage image = chart.toBufferedImage();
        assertTrue(image.getWidth() > 0 && image.getHeight() > 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> chart.plot("other", new double[] {1, 2}));
        assertTrue(e.getMessage().contains("2 values but the x axis has 3"), e.getMessage());
    }
}
