package io.github.convbook.backend;

import java.util.Arrays;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The one check every allocation ConvBook asks of ND4J goes through first. ND4J does not refuse a request it cannot
 * serve: a shape whose element count overflows a {@code long} fails deep inside with a bare
 * {@code ArithmeticException: integer overflow}, and a count that fits but exceeds the machine's memory can end the
 * whole JVM with SIGSEGV in its native allocator, which in a notebook loses every variable. So the size is computed
 * with exact arithmetic and compared with what JavaCPP (ND4J's native memory) and the machine can still give, and
 * a learner gets an error naming the call, the shape, the dtype and the bytes needed against the bytes available.
 */
public final class Memory {
    /** Java arrays are indexed by int; the JVM refuses a few elements below {@code Integer.MAX_VALUE}. */
    static final long MAX_JAVA_ARRAY = Integer.MAX_VALUE - 8;

    private Memory() {
    }

    /**
     * The number of elements of {@code shape}, checked: no negative size, no overflow.
     *
     * @param call what the learner called, e.g. {@code "Tensor.zeros"} or {@code "Dense 'dense_1' output"}, for the
     *             message
     * @param shape the sizes of the axes, e.g. {@code 60000, 28, 28, 1}; none means a scalar (1 element)
     * @return the product of the sizes (0 when one of them is 0)
     * @throws IllegalArgumentException for a negative dimension or a count beyond {@code Long.MAX_VALUE}
     */
    public static long elements(String call, long... shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(call + ": sizes must be >= 0, got shape " + text(shape));
            }
        }
        try {
            for (long d : shape) {
                n = Math.multiplyExact(n, d);
            }
        } catch (ArithmeticException overflow) {
            throw new IllegalArgumentException(call + ": the shape " + text(shape) + " has more elements than a"
                    + " computer can address (their count overflows a 64-bit integer)");
        }
        return n;
    }

    /**
     * Checks that an array of {@code shape} and {@code type} fits in the native memory ND4J may still use
     * ({@link #availableBytes()}), before ND4J is asked for it: an {@code (60000, 28, 28, 1)} float32 array needs
     * 188.2 MB.
     *
     * @param call what the learner called, e.g. {@code "Tensor.zeros"} or {@code "Dense 'dense_1' output"}, for the
     *             message
     * @param type ND4J's element type; its width in bytes (4 for {@code FLOAT}, 8 for {@code DOUBLE}, at least 1)
     *             sets the size
     * @param shape the sizes of the axes
     * @return the element count
     * @throws IllegalArgumentException when the shape is invalid (see {@link #elements}) or the array would not fit;
     *                                  the message names the call, shape, dtype, bytes needed and bytes available
     */
    public static long check(String call, DataType type, long... shape) {
        long n = elements(call, shape);
        long bytesPer = Math.max(1, type.width());
        long needed;
        try {
            needed = Math.multiplyExact(n, bytesPer);
        } catch (ArithmeticException overflow) {
            needed = Long.MAX_VALUE;
        }
        long available = availableBytes();
        if (needed > available) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: an array of shape %s and dtype %s needs %s, but only %s of memory are available"
                            + " (the smaller of the native memory limit, -Dorg.bytedeco.javacpp.maxBytes, and the"
                            + " machine's free memory). Use a smaller shape or batch size.",
                    call, text(shape), name(type), bytes(needed), bytes(available)));
        }
        return n;
    }

    /**
     * Checks that a Java array of {@code shape} can exist (Java arrays hold at most about 2^31 elements) and fits in
     * the Java heap, for the paths that fill values in Java before handing them to ND4J.
     *
     * @param call what the learner called, for the message
     * @param bytesPerElement the size of one element of the Java array, e.g. {@code Float.BYTES} (4) for a
     *                        {@code float[]}
     * @param shape the sizes of the axes, whose product is the Java array's length
     * @return the element count as an int
     * @throws IllegalArgumentException when the shape is invalid (see {@link #elements}), has more than
     *                                  {@code Integer.MAX_VALUE - 8} elements, or needs more bytes than the Java heap
     *                                  has free
     */
    public static int checkJavaArray(String call, int bytesPerElement, long... shape) {
        long n = elements(call, shape);
        if (n > MAX_JAVA_ARRAY) {
            throw new IllegalArgumentException(call + ": the shape " + text(shape) + " has " + n
                    + " elements, more than the " + MAX_JAVA_ARRAY + " that ConvBook can fill at once");
        }
        Runtime rt = Runtime.getRuntime();
        long heapFree = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long needed = n * bytesPerElement;
        if (needed > heapFree) {
            throw new IllegalArgumentException(call + ": the shape " + text(shape) + " needs " + bytes(needed)
                    + " of Java heap, but only " + bytes(heapFree) + " are free");
        }
        return (int) n;
    }

    /**
     * What ND4J can still allocate: JavaCPP's own limit ({@code org.bytedeco.javacpp.maxBytes}) less what it holds,
     * and the machine's free physical memory. Either may be unknown (0) on some platforms; then it is ignored.
     *
     * @return the smaller of the two, in bytes; {@code Long.MAX_VALUE} when neither is known
     */
    public static long availableBytes() {
        long available = Long.MAX_VALUE;
        long max = Pointer.maxBytes();
        if (max > 0) {
            available = Math.min(available, Math.max(0, max - Pointer.totalBytes()));
        }
        long physical = Pointer.availablePhysicalBytes();
        if (physical > 0) {
            available = Math.min(available, physical);
        }
        return available;
    }

    /** NumPy's name for the dtype, as error messages elsewhere print it. */
    private static String name(DataType type) {
        return switch (type) {
            case FLOAT -> "float32";
            case DOUBLE -> "float64";
            case INT -> "int32";
            case LONG -> "int64";
            case UBYTE -> "uint8";
            case BOOL -> "bool";
            default -> type.toString().toLowerCase(Locale.ROOT);
        };
    }

    /** A shape as a Python tuple, {@code (28, 28, 1)} or {@code (10,)}, as NumPy prints it. */
    static String text(long[] shape) {
        return "(" + String.join(", ", Arrays.stream(shape).mapToObj(Long::toString).toList())
                + (shape.length == 1 ? ",)" : ")");
    }

    /**
     * A byte count as people read it, in powers of 1000: {@code 4.0 TB (4000000000000 bytes)}, with the exact count
     * for the curious; {@code 512 bytes} below 1 KB.
     *
     * @param n a number of bytes, at least 0; {@code Long.MAX_VALUE} stands for an overflowed count
     * @return the text, e.g. {@code 188.2 MB (188160000 bytes)}, or {@code more than 9 EB} for {@code Long.MAX_VALUE}
     */
    public static String bytes(long n) {
        if (n == Long.MAX_VALUE) {
            return "more than 9 EB";
        }
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
        double v = n;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? n + " bytes" : String.format(Locale.ROOT, "%.1f %s (%d bytes)", v, units[u], n);
    }
}
