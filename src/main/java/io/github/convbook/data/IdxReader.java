package io.github.convbook.data;

import io.github.convbook.tensor.Tensor;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads an IDX file, the format of the original MNIST files (Yann LeCun's {@code train-images-idx3-ubyte}), raw or
 * gzip-compressed, as {@code idx2numpy.convert_from_file} does for unsigned bytes.
 *
 * <p>An IDX file is a big-endian header followed by the values in row-major order:
 * <pre>
 *   0x00 0x00 0x08 rank      magic number: type 0x08 = unsigned byte, then the number of dimensions
 *   uint32 × rank            the size of each dimension, e.g. 60000 28 28
 *   bytes                    60000 × 28 × 28 pixels
 * </pre>
 */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;
    private static final int GZIP_MAGIC = 0x1f8b;

    private IdxReader() {
    }

    /**
     * The file's values as a uint8 tensor of the shape its header gives: {@code (60000, 28, 28)} for MNIST's training
     * images, {@code (60000,)} for its labels. A file that starts with gzip's magic number is decompressed, whatever
     * its name.
     *
     * @param file an IDX file of unsigned bytes (type 0x08), raw or gzip-compressed
     * @return a new uint8 tensor
     * @throws DatasetException when the file cannot be read, is not an IDX file of unsigned bytes, or is shorter or
     *     longer than its header says
     */
    public static Tensor read(Path file) {
        try (InputStream in = open(file)) {
            return read(in, file);
        } catch (EOFException e) {
            throw new DatasetException(file + " is truncated: it ends inside its header or its gzip stream ("
                    + e.getMessage() + "). Delete it and fetch it again.", e);
        } catch (IOException e) {
            throw new DatasetException("Could not read " + file + ": " + e
                    + ". If it is corrupt, delete it and fetch it again.", e);
        }
    }

    private static Tensor read(InputStream stream, Path file) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int magic = in.readInt();
        int type = (magic >>> 8) & 0xff;
        int rank = magic & 0xff;
        if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || rank == 0) {
            throw new DatasetException(file + " is not an IDX file of unsigned bytes: its magic number is "
                    + String.format("0x%08X", magic) + ", expected 0x00000801 (labels) or 0x00000803 (images)");
        }
        long[] shape = new long[rank];
        long count = 1;
        for (int i = 0; i < rank; i++) {
            shape[i] = Integer.toUnsignedLong(in.readInt());
            // saturate instead of wrapping: a corrupt header with many large sizes must not look small
            count = count > 0 && shape[i] > (Long.MAX_VALUE / count) ? Long.MAX_VALUE : count * shape[i];
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new DatasetException(file + ": its header gives shape " + Arrays.toString(shape)
                    + ", more values than one Java array can hold; the header is probably corrupt");
        }
        // One bulk read straight into the array the tensor is made from: no per-value work.
        byte[] values = in.readNBytes((int) count);
        if (values.length < count) {
            throw new DatasetException(file + " is truncated: its header gives shape " + Arrays.toString(shape)
                    + ", which needs " + count + " bytes of values, found only " + values.length
                    + ". Delete it and fetch it again.");
        }
        if (in.read() != -1) {
            throw new DatasetException(file + " is longer than its header says: shape " + Arrays.toString(shape)
                    + " needs " + count + " bytes of values after the " + (4 + 4 * rank)
                    + "-byte header, found more. The file is corrupt; delete it and fetch it again.");
        }
        return Tensor.ofUint8(values, shape);
    }

    /** The file's bytes, decompressed when it starts with gzip's magic number (whatever its name says). */
    private static InputStream open(Path file) throws IOException {
        PushbackInputStream in = new PushbackInputStream(
                new BufferedInputStream(Files.newInputStream(file), 1 << 16), 2);
        int first = in.read();
        int second = in.read();
        if (second != -1) {
            in.unread(second);
        }
        if (first != -1) {
            in.unread(first);
        }
        boolean gzip = ((first << 8) | second) == GZIP_MAGIC;
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
