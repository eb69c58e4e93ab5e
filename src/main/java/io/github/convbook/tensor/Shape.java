package io.github.convbook.tensor;

import io.github.convbook.backend.Memory;
import java.util.Arrays;

/**
 * The shape of a tensor, printed the way Python prints a tuple: {@code (64, 4, 2)}, {@code (2,)}, {@code ()}.
 * A dimension of {@link #UNKNOWN} is a batch size not known yet and prints as {@code None},
 * as in a Keras model summary: {@code (None, 28, 28, 1)}.
 */
public final class Shape {
    /** Marks a dimension whose size is not known yet (Keras's {@code None}). */
    public static final long UNKNOWN = -1;

    private final long[] dims;

    private Shape(long[] dims) {
        this.dims = dims;
    }

    public static Shape of(long... dims) {
        for (long d : dims) {
            if (d < 0 && d != UNKNOWN) {
                throw new IllegalArgumentException("A shape's dimensions must be >= 0 (or unknown), got " + Arrays.toString(dims));
            }
        }
        return new Shape(dims.clone());
    }

    /** Whether {@link #of(long...)} accepts these dimensions (each >= 0 or unknown). */
    static boolean isValid(long[] dims) {
        return Arrays.stream(dims).allMatch(d -> d >= 0 || d == UNKNOWN);
    }

    public static Shape of(int... dims) {
        return of(Arrays.stream(dims).asLongStream().toArray());
    }

    /** A shape whose first (batch) dimension is unknown: {@code (None, ...dims)}. */
    public static Shape batchOf(long... dims) {
        long[] all = new long[dims.length + 1];
        all[0] = UNKNOWN;
        System.arraycopy(dims, 0, all, 1, dims.length);
        return of(all);
    }

    public int rank() {
        return dims.length;
    }

    /** The size of one axis; negative axes count from the end, as in Python. */
    public long get(int axis) {
        return dims[normalizeAxis(axis)];
    }

    public long[] toArray() {
        return dims.clone();
    }

    public int[] toIntArray() {
        return Arrays.stream(dims).mapToInt(Math::toIntExact).toArray();
    }

    /**
     * Number of elements; fails when a dimension is unknown.
     *
     * @throws IllegalStateException when a dimension is unknown
     * @throws IllegalArgumentException when the count overflows a {@code long}
     */
    public long size() {
        for (long d : dims) {
            if (d == UNKNOWN) {
                throw new IllegalStateException("The shape " + this + " has an unknown dimension, so its size is unknown");
            }
        }
        return Memory.elements("shape " + this, dims);
    }

    public boolean isFullyKnown() {
        return Arrays.stream(dims).noneMatch(d -> d == UNKNOWN);
    }

    /** The shape without its first (batch) axis. */
    public Shape withoutBatch() {
        return new Shape(Arrays.copyOfRange(dims, 1, dims.length));
    }

    /** This shape with its first (batch) axis replaced. */
    public Shape withBatch(long batch) {
        long[] copy = dims.clone();
        copy[0] = batch;
        return new Shape(copy);
    }

    /** Turns a Python-style axis (-1 is the last) into an index, or explains why it does not exist. */
    public int normalizeAxis(int axis) {
        int n = dims.length;
        int index = axis < 0 ? axis + n : axis;
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException("axis " + axis + " is out of bounds for a tensor of rank " + n + " with shape " + this);
        }
        return index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(dims[i] == UNKNOWN ? "None" : Long.toString(dims[i]));
        }
        if (dims.length == 1) {
            text.append(',');
        }
        return text.append(')').toString();
    }
}
