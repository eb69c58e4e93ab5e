package io.github.convbook.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import io.github.convbook.tensor.Tensor;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PictureTest {
    private static Figure digit() {
        return Plot.imshow(Tensor.ofUint8(new byte[] {0, (byte) 255, (byte) 255, 0}, 2, 2), "Greys");
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void aCellValueRendersAsPngAndText() {
        Figure figure = digit();
        DisplayData data = new Renderer().render(figure);   // what the kernel does with a cell's last value
        assertEquals("Figure(1x1, 400x400 px)", data.getData(MIMEType.TEXT_PLAIN));
        byte[] png = Base64.getDecoder().decode((String) data.getData(MIMEType.IMAGE_PNG));
        BufferedImage shown = Pixels.decode(png);
        assertEquals(800, shown.getWidth());   // 2x pixels; metadata tells the notebook to show 400 wide
        assertArrayEquals(pixels(figure.toBufferedImage()), pixels(shown));
    }

    @Test
    void theNotebookShowsThePngAtItsLogicalSize() {
        DisplayData data = new Renderer().render(digit());
        // serialised with the Gson the IJava kernel ships (2.8.5), as it goes into the .ipynb
        String json = new Gson().toJson(data);
        assertTrue(json.contains("\"metadata\":{\"image/png\":{\"width\":400,\"height\":400}}"), json);
    }

    @Test
    void greyFiguresAreWrittenWithAPaletteAndTheSamePixels() {
        Figure figure = Plot.subplots(1, 2);
        figure.ax(0).imshow(Tensor.random(49, 49), "gray");
        figure.ax(1).imshow(Tensor.random(49, 49), "gray");
        BufferedImage png = Pixels.png(figure);
        assertEquals(BufferedImage.TYPE_BYTE_INDEXED, png.getType());
        assertArrayEquals(pixels(figure.toBufferedImage()), pixels(png));
    }

    @Test
    void displayAsPngOnRequest() {
        DisplayData data = new Renderer().renderAs(Plot.bar(Tensor.of(1.0, 2.0)), "image/png");
        assertTrue(data.hasDataForType(MIMEType.IMAGE_PNG));
    }

    @Test
    void saveWritesACompletePngAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("digit.png");
        digit().save(file);
        BufferedImage saved = Pixels.decode(Files.readAllBytes(file));
        assertEquals(800, saved.getWidth());
        digit().size(2, 1).save(file.toString());   // overwrites
        assertEquals(400, Pixels.decode(Files.readAllBytes(file)).getWidth());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "only digit.png is left");
        }
    }

    @Test
    void saveIntoAMissingFolderSaysWhere(@TempDir Path dir) {
        Path file = dir.resolve("no/such/folder/x.png");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> digit().save(file));
        assertTrue(e.getMessage().startsWith("Could not save Figure(1x1, 400x400 px) to " + file), e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void sizesAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> digit().size(0, 3));
        assertEquals("A picture's size must be between 1 and 10000 pixels on each side (0.01 to 100 inches),"
                + " got 0x300 px", e.getMessage());
    }

    @Test
    void picturesAreDrawnHeadless() {
        digit().toBufferedImage();
        assertEquals("true", System.getProperty("java.awt.headless"));
    }
}
