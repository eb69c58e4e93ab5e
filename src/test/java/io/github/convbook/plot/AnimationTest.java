package io.github.convbook.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Animated PNG: checked chunk by chunk against the APNG specification. */
class AnimationTest {
    private static List<Figure> frames(int n) {
        List<Figure> frames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Figure fig = Plot.subplots(1, 1).sizePixels(120, 100);
            fig.ax(0, 0).imshow(Tensor.zeros(3, 3), "gray", 0, 1).rectangle(i - 0.5, -0.5, 1, 3, "red");
            frames.add(fig);
        }
        return frames;
    }

    private record Chunk(String type, byte[] data) {
    }

    private static List<Chunk> chunks(byte[] png) {
        ByteBuffer in = ByteBuffer.wrap(png);
        byte[] signature = new byte[8];
        in.get(signature);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, signature);
        List<Chunk> chunks = new ArrayList<>();
        while (in.hasRemaining()) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            byte[] data = new byte[length];
            in.get(data);
            CRC32 crc = new CRC32();
            crc.update(type);
            crc.update(data);
            assertEquals((int) crc.getValue(), in.getInt(), "CRC of " + new String(type, StandardCharsets.US_ASCII));
            chunks.add(new Chunk(new String(type, StandardCharsets.US_ASCII), data));
        }
        return chunks;
    }

    @Test
    void threeFramesMakeAnApngWithNumberedFrameChunks() {
        List<Figure> frames = frames(3);
        Animation animation = Plot.animate(frames, 400);
        assertEquals("Animation(3 frames, 400 ms each, 120x100 px)", animation.toString());
        List<Chunk> chunks = chunks(animation.toPng());
        List<String> types = chunks.stream().map(Chunk::type).toList();
        assertEquals("IHDR", types.get(0));
        assertEquals("acTL", types.get(1));
        assertEquals("IEND", types.get(types.size() - 1));
        assertTrue(types.indexOf("acTL") < types.indexOf("IDAT"), "acTL before the image data");
        ByteBuffer actl = ByteBuffer.wrap(chunks.get(1).data());
        assertEquals(3, actl.getInt(), "num_frames");
        assertEquals(0, actl.getInt(), "num_plays: loop forever");
        // fcTL and fdAT share one sequence counting from 0 without gaps; each frame shows 400/1000 s
        int expected = 0;
        int frameControls = 0;
        for (Chunk chunk : chunks) {
            if (chunk.type().equals("fcTL") || chunk.type().equals("fdAT")) {
                ByteBuffer data = ByteBuffer.wrap(chunk.data());
                assertEquals(expected++, data.getInt());
                if (chunk.type().equals("fcTL")) {
                    int width = data.getInt();
                    int height = data.getInt();
                    int x = data.getInt();
                    int y = data.getInt();
                    if (frameControls++ == 0) {
                        assertEquals(List.of(240, 200, 0, 0), List.of(width, height, x, y), "the whole canvas");
                    } else {
                        assertTrue(width < 240 && x + width <= 240 && y + height <= 200, "only what changed");
                    }
                    assertEquals(400, data.getShort());
                    assertEquals(1000, data.getShort());
                }
            }
        }
        assertEquals(3, frameControls);
        assertTrue(types.indexOf("fcTL") < types.indexOf("IDAT"), "the first frame is the default image");
        // a viewer without APNG support shows the first frame
        BufferedImage first = Pixels.decode(animation.toPng());
        BufferedImage drawn = frames.get(0).toBufferedImage();
        for (int y = 0; y < drawn.getHeight(); y += 7) {
            for (int x = 0; x < drawn.getWidth(); x += 7) {
                assertEquals(Pixels.rgb(drawn, x, y), Pixels.rgb(first, x, y));
            }
        }
    }

    /** Plays the animation as a viewer does: each frame's region pasted over the canvas. */
    private static List<BufferedImage> play(byte[] apng) throws Exception {
        List<Chunk> chunks = chunks(apng);
        Chunk header = chunks.get(0);
        Chunk palette = chunks.stream().filter(c -> c.type().equals("PLTE")).findFirst().orElse(null);
        int canvasWidth = ByteBuffer.wrap(header.data()).getInt(0);
        int canvasHeight = ByteBuffer.wrap(header.data()).getInt(4);
        BufferedImage canvas = new BufferedImage(canvasWidth, canvasHeight, BufferedImage.TYPE_INT_RGB);
        List<BufferedImage> shown = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            if (!chunks.get(i).type().equals("fcTL")) {
                continue;
            }
            ByteBuffer control = ByteBuffer.wrap(chunks.get(i).data());
            control.getInt();
            int width = control.getInt();
            int height = control.getInt();
            int x = control.getInt();
            int y = control.getInt();
            // a PNG of the region: the file's IHDR with the region's size, its palette, the frame's image data
            var png = new ByteArrayOutputStream();
            var out = new DataOutputStream(png);
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            byte[] ihdr = header.data().clone();
            ByteBuffer.wrap(ihdr).putInt(0, width).putInt(4, height);
            writeChunk(out, "IHDR", ihdr);
            if (palette != null) {
                writeChunk(out, "PLTE", palette.data());
            }
            for (int k = i + 1; k < chunks.size() && !chunks.get(k).type().equals("fcTL"); k++) {
                Chunk c = chunks.get(k);
                if (c.type().equals("IDAT")) {
                    writeChunk(out, "IDAT", c.data());
                } else if (c.type().equals("fdAT")) {
                    writeChunk(out, "IDAT", Arrays.copyOfRange(c.data(), 4, c.data().length));
                }
            }
            writeChunk(out, "IEND", new byte[0]);
            canvas.getGraphics().drawImage(Pixels.decode(png.toByteArray()), x, y, null);
            BufferedImage copy = new BufferedImage(canvasWidth, canvasHeight, BufferedImage.TYPE_INT_RGB);
            copy.getGraphics().drawImage(canvas, 0, 0, null);
            shown.add(copy);
        }
        return shown;
    }

    private static void writeChunk(DataOutputStream out, String type, byte[] data) throws Exception {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    @Test
    void playingTheAnimationShowsEveryFrameExactly() throws Exception {
        List<Figure> frames = frames(3);
        frames.add(frames.get(2));   // an unchanged frame too
        List<BufferedImage> shown = play(Plot.animate(frames, 200).toPng());
        assertEquals(4, shown.size());
        for (int f = 0; f < 4; f++) {
            BufferedImage drawn = frames.get(f).toBufferedImage();
            for (int y = 0; y < drawn.getHeight(); y++) {
                for (int x = 0; x < drawn.getWidth(); x++) {
                    if (Pixels.rgb(drawn, x, y) != Pixels.rgb(shown.get(f), x, y)) {
                        throw new AssertionError("frame " + f + " differs at (" + x + ", " + y + ")");
                    }
                }
            }
        }
    }

    @Test
    void framesAreDrawnWhenAnimateIsCalled() {
        List<Figure> frames = frames(2);
        Animation animation = Plot.animate(frames, 100);
        byte[] before = animation.toPng();
        frames.get(0).ax(0, 0).title("changed later");
        assertArrayEquals(before, Plot.animate(frames(2), 100).toPng(), "same frames, same bytes");
        assertArrayEquals(before, animation.toPng());
    }

    @Test
    void badFramesGetClearErrors() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> Plot.animate(List.of(), 100));
        assertEquals("animate expects 1 to 120 frames, got 0 frames", none.getMessage());
        List<Figure> mixed = new ArrayList<>(frames(1));
        mixed.add(Plot.subplots(1, 1).sizePixels(50, 50));
        IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class,
                () -> Plot.animate(mixed, 100));
        assertEquals("animate expects frames of one size, got frame 0 120x100 px and frame 1 50x50 px: give every"
                + " frame the same size(...)", sizes.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plot.animate(frames(1), 0));
    }

    @Test
    void saveWritesThePngAndRefusesOtherExtensions(@TempDir Path dir) throws Exception {
        Animation animation = Plot.animate(frames(2), 250);
        Path file = dir.resolve("window.png");
        animation.save(file.toString());
        assertArrayEquals(animation.toPng(), Files.readAllBytes(file));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> animation.save(dir.resolve("window.gif")));
        assertTrue(e.getMessage().contains("animated PNG"), e.getMessage());
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "no temporary file left behind");
        }
    }
}
