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

    /** The APNG file of {@code frames} (all the same size), each shown {@code millis} milliseconds, looping. */
    static byte[] encode(List<BufferedImage> frames, int millis) {
        BufferedImage[] images = Png.paletted(frames.toArray(new BufferedImage[0]));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(SIGNATURE);
            int sequence = 0;
            for (int f = 0; f < images.length; f++) {
                List<Chunk> chunks = chunks(images[f]);
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
                frameControl(sequence++, images[f], millis).write(out);
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

    /** {@code fcTL}: the whole canvas, shown for {@code millis} ms, then left as it is and drawn over. */
    private static Chunk frameControl(int sequence, BufferedImage image, int millis) {
        ByteBuffer data = ByteBuffer.allocate(26).putInt(sequence).putInt(image.getWidth()).putInt(image.getHeight())
                .putInt(0).putInt(0).putShort((short) millis).putShort((short) 1000).put((byte) 0).put((byte) 0);
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
