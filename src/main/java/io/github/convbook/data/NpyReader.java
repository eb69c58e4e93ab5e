package io.github.convbook.data;

import io.github.convbook.tensor.Tensor;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one NumPy {@code .npy} array of uint8 values in C (row-major) order, the kind Keras's {@code mnist.npz}
 * holds.
 *
 * <p>The format: the magic string {@code \x93NUMPY}, a version (1.0, 2.0 or 3.0), the length of a header
 * (2 bytes little-endian for 1.0, 4 bytes for later versions), the header itself, a Python dict such as
 * {@code {'descr': '|u1', 'fortran_order': False, 'shape': (60000, 28, 28), }}, then the raw values.
 */
final class NpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyReader() {
    }

    /** Reads the array from {@code in}; {@code source} names it in errors, e.g. "mnist.npz:x_train.npy". */
    static Tensor read(InputStream in, String source) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = data.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new DatasetException(source + " is not a .npy array: expected it to start with \\x93NUMPY, found "
                    + Arrays.toString(magic));
        }
        int major = data.readUnsignedByte();
        data.readUnsignedByte();   // minor version: no difference for us
        long headerLength = switch (major) {
            case 1 -> Short.toUnsignedInt(Short.reverseBytes(data.readShort()));
            case 2, 3 -> Integer.toUnsignedLong(Integer.reverseBytes(data.readInt()));
            default -> throw new DatasetException(source + ": .npy version " + major
                    + " is not supported, expected 1, 2 or 3");
        };
        if (headerLength > 1 << 20) {
            throw new DatasetException(source + ": .npy header of " + headerLength
                    + " bytes, expected a few hundred; the file is corrupt");
        }
        String header = new String(data.readNBytes((int) headerLength), StandardCharsets.ISO_8859_1);

        String descr = find(DESCR, header, source, "'descr'");
        // One-byte values have no byte order: NumPy writes '|u1', some writers '<u1'.
        if (!descr.equals("|u1") && !descr.equals("<u1") && !descr.equals(">u1") && !descr.equals("u1")) {
            throw new DatasetException(source + ": expected uint8 values ('|u1'), found dtype '" + descr + "'");
        }
        if (find(FORTRAN, header, source, "'fortran_order'").equals("True")) {
            throw new DatasetException(source + ": expected C (row-major) order, found fortran_order True");
        }
        long[] shape = parseShape(find(SHAPE, header, source, "'shape'"), source);
        long count;
        try {
            count = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        } catch (ArithmeticException overflow) {
            count = Long.MAX_VALUE;   // a corrupt header: reported below as too large
        }
        if (count < 0 || count > Integer.MAX_VALUE - 8) {
            throw new DatasetException(source + ": shape " + Arrays.toString(shape)
                    + " is larger than one Java array can hold");
        }
        byte[] values = data.readNBytes((int) count);
        if (values.length < count) {
            throw new DatasetException(source + " is truncated: shape " + Arrays.toString(shape) + " needs " + count
                    + " bytes of values, found only " + values.length);
        }
        if (data.read() != -1) {
            throw new DatasetException(source + " is longer than its header says: shape " + Arrays.toString(shape)
                    + " needs " + count + " bytes of values, found more");
        }
        return Tensor.ofUint8(values, shape);
    }

    private static String find(Pattern pattern, String header, String source, String key) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new DatasetException(source + ": the .npy header has no " + key + " entry: " + header.trim());
        }
        return m.group(1);
    }

    /** "60000, 28, 28" or "60000," (a 1-tuple) or "" (a scalar). */
    private static long[] parseShape(String tuple, String source) {
        return Arrays.stream(tuple.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .mapToLong(s -> {
                    try {
                        return Long.parseLong(s);
                    } catch (NumberFormatException e) {
                        throw new DatasetException(source + ": the .npy shape (" + tuple
                                + ") is not a tuple of integers");
                    }
                })
                .toArray();
    }
}
