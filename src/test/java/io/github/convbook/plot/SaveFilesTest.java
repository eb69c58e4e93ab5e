package io.github.convbook.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved pictures get normal permissions, the format their extension names, and appear whole or not at all. */
class SaveFilesTest {
    @TempDir
    Path dir;

    private static Figure picture() {
        return Plot.imshow(Tensor.randn(8, 8), "gray");
    }

    @Test
    void aSavedFileHasTheUmasksPermissionsNotOwnerOnly() throws IOException {
        Path reference = dir.resolve("reference");
        Files.newOutputStream(reference).close();   // what any new file gets here
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);
        Path saved = dir.resolve("pic.png");
        picture().save(saved);
        assertEquals(expected, Files.getPosixFilePermissions(saved));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void theFormatFollowsTheExtension() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8};
        picture().save(dir.resolve("a.png"));
        picture().save(dir.resolve("b.jpg"));
        picture().save(dir.resolve("c.JPEG").toString());
        picture().save(dir.resolve("d.gif"));
        picture().save(dir.resolve("e.bmp"));
        assertArrayEquals(png, Arrays.copyOf(Files.readAllBytes(dir.resolve("a.png")), 4));
        assertArrayEquals(jpeg, Arrays.copyOf(Files.readAllBytes(dir.resolve("b.jpg")), 2));
        assertArrayEquals(jpeg, Arrays.copyOf(Files.readAllBytes(dir.resolve("c.JPEG")), 2));
        assertEquals("GIF", new String(Arrays.copyOf(Files.readAllBytes(dir.resolve("d.gif")), 3)));
        assertEquals("BM", new String(Arrays.copyOf(Files.readAllBytes(dir.resolve("e.bmp")), 2)));
        BufferedImage back = ImageIO.read(dir.resolve("b.jpg").toFile());
        assertNotNull(back);
        assertEquals(picture().width() * Picture.SCALE, back.getWidth());
    }

    @Test
    void unknownExtensionsAndBadPathsAreRefusedWithoutWritingAnything() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> picture().save(dir.resolve("pic.tiff")));
        assertTrue(e.getMessage().contains(".png"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> picture().save(dir.resolve("noextension")));
        assertThrows(IllegalArgumentException.class, () -> picture().save((String) null));
        assertThrows(IllegalArgumentException.class, () -> picture().save((Path) null));
        assertThrows(UncheckedIOException.class, () -> picture().save(dir.resolve("missing/folder/pic.png")));
        try (var files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent());
        }
    }
}
