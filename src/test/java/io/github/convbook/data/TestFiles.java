package io.github.convbook.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes tiny datasets in the formats the loaders read: IDX (raw or gz), .npy, .npz. */
final class TestFiles {
    static final int TRAIN = 5;
    static final int TEST = 3;

    private TestFiles() {
    }

    /** n images of 28x28 whose pixel (i, r, c) is (7*i + r + c) % 256, so every value 0..255 can occur. */
    static byte[] images(int n, int offset) {
        byte[] pixels = new byte[n * 28 * 28];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < 28 * 28; p++) {
                pixels[i * 784 + p] = (byte) ((7 * (i + offset) + p / 28 + p % 28 + 200) % 256);
            }
        }
        return pixels;
    }

    static byte[] labels(int n, int offset) {
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) ((i + offset) % 10);
        }
        return labels;
    }

    /** An IDX file: magic 0x000008rank, the dimensions, the bytes. */
    static byte[] idx(byte[] values, int... shape) {
        ByteBuffer header = ByteBuffer.allocate(4 + 4 * shape.length);
        header.putInt(0x0800 + shape.length);
        for (int d : shape) {
            header.putInt(d);
        }
        return concat(header.array(), values);
    }

    /** The four IDX files of a tiny dataset (5 training, 3 test images), keyed by their standard names. */
    static Map<String, byte[]> idxFiles() {
        return Map.of(
                IdxFiles.TRAIN_IMAGES, idx(images(TRAIN, 0), TRAIN, 28, 28),
                IdxFiles.TRAIN_LABELS, idx(labels(TRAIN, 0), TRAIN),
                IdxFiles.TEST_IMAGES, idx(images(TEST, 100), TEST, 28, 28),
                IdxFiles.TEST_LABELS, idx(labels(TEST, 100), TEST));
    }

    /** Writes the tiny dataset's IDX files into dir, gzip-compressed (name.gz) or raw. */
    static Path writeIdxFolder(Path dir, boolean gzip) {
        idxFiles().forEach((name, bytes) -> write(dir.resolve(gzip ? name + ".gz" : name), gzip ? gzip(bytes) : bytes));
        return dir;
    }

    /** A .npy v1.0 array of uint8 in C order. */
    static byte[] npy(byte[] values, int... shape) {
        String dims = shape.length == 1 ? shape[0] + ","
                : String.join(", ", Arrays.stream(shape).mapToObj(String::valueOf).toList());
        String dict = "{'descr': '|u1', 'fortran_order': False, 'shape': (" + dims + "), }";
        int total = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - total % 64) % 64) + "\n";   // NumPy pads to a multiple of 64
        ByteBuffer prefix = ByteBuffer.allocate(10);
        prefix.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        prefix.put((byte) (header.length() & 0xff)).put((byte) (header.length() >> 8));
        return concat(prefix.array(), header.getBytes(StandardCharsets.ISO_8859_1), values);
    }

    /** The tiny dataset as Keras's mnist.npz: x_train, y_train, x_test, y_test. */
    static byte[] mnistNpz() {
        return zip(Map.of(
                "x_train.npy", npy(images(TRAIN, 0), TRAIN, 28, 28),
                "y_train.npy", npy(labels(TRAIN, 0), TRAIN),
                "x_test.npy", npy(images(TEST, 100), TEST, 28, 28),
                "y_test.npy", npy(labels(TEST, 100), TEST)));
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
