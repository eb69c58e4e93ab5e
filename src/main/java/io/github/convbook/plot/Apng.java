package io.github.convbook.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Animated PNG (APNG, the W3C PNG specification's animation chunks) from frames that Java's own PNG writer encodes:
 * the first frame's chunks are kept as they are (a viewer without APNG support shows that frame), {@code acTL} says
 * how many frames there are, each frame gets an {@code fcTL} (its delay), and the later frames' image data moves
 * from {@code IDAT} into numbered {@code fdAT} chunks. All frames share one palette when they have at most 256
 * colours together.
 */
final class Apng {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private Apng() {
    }

    /**
     * The APNG file of {@code frames} (all the same size), each shown {@code millis} milliseconds, looping. After the
     * first frame only the rectangle that changed is stored (the rest of the canvas stays as it was), which keeps a
     * step-by-step animation, where one window moves at a time, several times smaller.
     */
    static byte[] encode(List<BufferedImage> frames, int millis) {
        BufferedImage[] images = Png.paletted(frames.toArray(new BufferedImage[0]));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(SIGNATURE);
            int sequence = 0;
            for (int f = 0; f < images.length; f++) {
                int[] region = f == 0 ? new int[] {0, 0, images[0].getWidth(), images[0].getHeight()}
                        : changed(frames.get(f - 1), frames.get(f));
                BufferedImage part = f == 0 ? images[0]
                        : images[f].getSubimage(region[0], region[1], region[2], region[3]);
                List<Chunk> chunks = chunks(part);
                if (f == 0) {
                    for (Chunk chunk : chunks) {
                        if (chunk.type.equals("IDAT")) {
                            break;
                        }
                        chunk.write(out);
                        if (chunk.type.equals("IHDR")) {
                            new Chunk("acTL", ByteBuffer.allocate(8).putInt(images.length).putInt(0).array())
                                    .write(out);   // 0 plays: loop forever
                        }
                    }
                }
                frameControl(sequence++, region, millis).write(out);
                for (Chunk chunk : chunks) {
                    if (!chunk.type.equals("IDAT")) {
                        continue;
                    }
                    if (f == 0) {
                        chunk.write(out);
                    } else {
                        byte[] data = ByteBuffer.allocate(4 + chunk.data.length).putInt(sequence++).put(chunk.data)
                                .array();
                        new Chunk("fdAT", data).write(out);
                    }
                }
            }
            new Chunk("IEND", new byte[0]).write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The smallest rectangle {x, y, width, height} holding every pixel that differs; 1x1 when none does. */
    static int[] changed(BufferedImage before, BufferedImage after) {
        int width = after.getWidth();
        int height = after.getHeight();
        int[] a = before.getRGB(0, 0, width, height, null, 0, width);
        int[] b = after.getRGB(0, 0, width, height, null, 0, width);
        int x0 = width;
        int y0 = height;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (a[y * width + x] != b[y * width + x]) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? new int[] {0, 0, 1, 1} : new int[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    }

    /**
     * {@code fcTL}: the region {x, y, width, height} of the canvas, shown for {@code millis} ms; dispose op 0 (leave
     * the canvas as it is), blend op 0 (replace the region's pixels).
     */
    private static Chunk frameControl(int sequence, int[] region, int millis) {
        ByteBuffer data = ByteBuffer.allocate(26).putInt(sequence).putInt(region[2]).putInt(region[3])
                .putInt(region[0]).putInt(region[1]).putShort((short) millis).putShort((short) 1000).put((byte) 0)
                .put((byte) 0);
        return new Chunk("fcTL", data.array());
    }

    /** The chunks of one image as Java's PNG writer encodes it. */
    private static List<Chunk> chunks(BufferedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        ByteBuffer in = ByteBuffer.wrap(png.toByteArray());
        in.position(SIGNATURE.length);
        List<Chunk> chunks = new ArrayList<>();
        while (in.remaining() >= 12) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            byte[] data = new byte[length];
            in.get(data);
            in.getInt();   // the CRC, recomputed on writing
            String name = new String(type, StandardCharsets.US_ASCII);
            if (!name.equals("IEND")) {
                chunks.add(new Chunk(name, data));
            }
        }
        return chunks;
    }

    /** A PNG chunk: length, type, data, CRC-32 of type and data. */
    private record Chunk(String type, byte[] data) {
        void write(DataOutputStream out) throws IOException {
            byte[] name = type.getBytes(StandardCharsets.US_ASCII);
            CRC32 crc = new CRC32();
            crc.update(name);
            crc.update(data);
            out.writeInt(data.length);
            out.write(name);
            out.write(data);
            out.writeInt((int) crc.getValue());
        }

    }
}
