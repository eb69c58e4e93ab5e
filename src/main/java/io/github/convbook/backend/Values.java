package io.github.convbook.backend;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Direct element access to a contiguous float32 or float64 array, for the element-wise loops that beat a chain of
 * ND4J ops (each of which allocates a fresh result): optimizer updates, activation gradients. Reads and writes
 * go straight to the array's native memory; no copy is made.
 */
public abstract class Values {
    private final int length;

    private Values(int length) {
        this.length = length;
    }

    /**
     * A view of {@code array}'s values in row-major order; the array must be contiguous (not a strided view).
     * Writes through the view change the array itself.
     *
     * @param array a float32 ({@code FLOAT}) or float64 ({@code DOUBLE}) array, contiguous in row-major order (see
     *              {@link #isContiguous}), with fewer than 2^31 elements
     * @return a view of its values, {@link #length()} long
     * @throws IllegalArgumentException when the array is not contiguous or neither float32 nor float64
     * @throws ArithmeticException when the array has more elements than an {@code int} can count
     */
    public static Values of(INDArray array) {
        if (!isContiguous(array)) {
            throw new IllegalArgumentException("Values.of needs a contiguous array, got " + array.shapeInfoToString());
        }
        int n = Math.toIntExact(array.length());
        if (array.dataType() == DataType.FLOAT) {
            return new Floats(bytes(array).asFloatBuffer(), n);
        }
        if (array.dataType() == DataType.DOUBLE) {
            return new Doubles(bytes(array).asDoubleBuffer(), n);
        }
        throw new IllegalArgumentException("Values.of supports float32 and float64 arrays, got " + array.dataType());
    }

    /**
     * The array's native memory from its first value on, in the machine's byte order: a view, no copy. The loops of
     * this package read it as floats, doubles or (for bit tricks) ints.
     *
     * @param array any ND4J array; its values start at its offset in its buffer
     * @return the bytes from the array's first value to the end of its buffer
     */
    static ByteBuffer bytes(INDArray array) {
        ByteBuffer all = array.data().asNio().order(ByteOrder.nativeOrder());
        int start = Math.toIntExact(array.offset() * array.dataType().width());
        return all.position(start).slice().order(ByteOrder.nativeOrder());
    }

    /**
     * Row-major with no gaps; a stride of an axis of size 1 does not matter (nothing steps along it). A whole
     * array or a slice along the first axis is contiguous; a transpose or a crop of inner axes is not.
     *
     * @param array any ND4J array
     * @return true when its values lie one after another in row-major order, as {@link #of} needs
     */
    public static boolean isContiguous(INDArray array) {
        long[] shape = array.shape();
        long[] stride = array.stride();
        long expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && stride[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }

    /**
     * {@code array} itself when it is {@linkplain #isContiguous contiguous}, else a row-major copy: what {@link #of}
     * and the native convolutions need. A view (a permutation, a crop) is copied; a whole array is not, even when a
     * size-1 axis has an unusual stride.
     *
     * @param array any ND4J array
     * @return {@code array}, or a new contiguous copy of it with the same shape, dtype and values
     */
    public static INDArray contiguous(INDArray array) {
        return isContiguous(array) ? array : array.dup('c');
    }

    /**
     * The values from {@code from} (inclusive) to {@code to} (exclusive) as a view of their own, indexed from 0:
     * writes through it change the array. Lets an element-wise loop run on parts of an array in parallel.
     *
     * @param from the first index, from 0 to {@code to}
     * @param to one past the last index, at most {@link #length()}
     * @return a view {@code to - from} long whose index 0 is this view's {@code from}
     * @throws IndexOutOfBoundsException when the range is not within {@code 0..length()}
     */
    public abstract Values range(int from, int to);

    /**
     * The number of values, the array's element count.
     *
     * @return the count; valid indices are {@code 0} to {@code length() - 1}
     */
    public final int length() {
        return length;
    }

    /**
     * Reads one value; a float32 value is widened to double exactly.
     *
     * @param i the row-major index, from 0 to {@code length() - 1} (not checked against {@link #length()}, only
     *          against the end of the underlying buffer)
     * @return the value
     */
    public abstract double get(int i);

    /**
     * Writes one value into the array's memory; for a float32 array it is rounded to the nearest float.
     *
     * @param i the row-major index, from 0 to {@code length() - 1} (not checked against {@link #length()}, only
     *          against the end of the underlying buffer)
     * @param value the new value
     */
    public abstract void set(int i, double value);

    private static final class Floats extends Values {
        private final FloatBuffer buffer;

        Floats(FloatBuffer buffer, int length) {
            super(length);
            this.buffer = buffer;
        }

        @Override
        public double get(int i) {
            return buffer.get(i);
        }

        @Override
        public void set(int i, double value) {
            buffer.put(i, (float) value);
        }

        @Override
        public Values range(int from, int to) {
            Objects.checkFromToIndex(from, to, length());
            return new Floats(buffer.slice(from, to - from), to - from);
        }
    }

    private static final class Doubles extends Values {
        private final DoubleBuffer buffer;

        Doubles(DoubleBuffer buffer, int length) {
            super(length);
            this.buffer = buffer;
        }

        @Override
        public double get(int i) {
            return buffer.get(i);
        }

        @Override
        public void set(int i, double value) {
            buffer.put(i, value);
        }

        @Override
        public Values range(int from, int to) {
            Objects.checkFromToIndex(from, to, length());
            return new Doubles(buffer.slice(from, to - from), to - from);
        }
    }
}
