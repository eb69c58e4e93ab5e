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

    /**
     * A shape from its sizes: {@code Shape.of(60000, 28, 28)} is {@code (60000, 28, 28)}; {@link #UNKNOWN} (-1) marks
     * a size not known yet.
     *
     * @param dims the size of each axis, each {@code >= 0} or {@link #UNKNOWN}; none gives the scalar shape {@code ()}
     * @return the shape (it keeps a copy of {@code dims})
     * @throws IllegalArgumentException for a size below -1
     */
    public static Shape of(long... dims) {
        for (long d : dims) {
            if (d < 0 && d != UNKNOWN) {
                throw new IllegalArgumentException("A shape's dimensions must be >= 0 (or unknown), got "
                        + Arrays.toString(dims));
            }
        }
        return new Shape(dims.clone());
    }

    /** Whether {@link #of(long...)} accepts these dimensions (each >= 0 or unknown). */
    static boolean isValid(long[] dims) {
        return Arrays.stream(dims).allMatch(d -> d >= 0 || d == UNKNOWN);
    }

    /**
     * {@link #of(long...)} with int sizes.
     *
     * @param dims the size of each axis, each {@code >= 0} or -1 (unknown)
     * @return the shape
     * @throws IllegalArgumentException for a size below -1
     */
    public static Shape of(int... dims) {
        return of(Arrays.stream(dims).asLongStream().toArray());
    }

    /**
     * A shape whose first (batch) dimension is unknown, as Keras writes a layer's input or output shape:
     * {@code Shape.batchOf(28, 28, 1)} is {@code (None, 28, 28, 1)}.
     *
     * @param dims the sizes after the batch axis
     * @return the shape {@code (None, ...dims)}
     * @throws IllegalArgumentException for a size below -1
     */
    public static Shape batchOf(long... dims) {
        long[] all = new long[dims.length + 1];
        all[0] = UNKNOWN;
        System.arraycopy(dims, 0, all, 1, dims.length);
        return of(all);
    }

    /**
     * The number of axes, NumPy's {@code len(shape)}: 4 for {@code (None, 28, 28, 1)}.
     *
     * @return the rank
     */
    public int rank() {
        return dims.length;
    }

    /**
     * The size of one axis, Python's {@code shape[axis]}: {@code get(-1)} of {@code (None, 28, 28, 1)} is 1.
     *
     * @param axis the axis; negative counts from the end
     * @return its size, or {@link #UNKNOWN} (-1) when not known
     * @throws IllegalArgumentException when the axis does not exist
     */
    public long get(int axis) {
        return dims[normalizeAxis(axis)];
    }

    /**
     * The sizes as a Java array, unknown ones as -1.
     *
     * @return a new array of {@link #rank()} sizes
     */
    public long[] toArray() {
        return dims.clone();
    }

    /**
     * The sizes as Java ints, unknown ones as -1.
     *
     * @return a new array of {@link #rank()} sizes
     * @throws ArithmeticException for a size beyond {@code Integer.MAX_VALUE}
     */
    public int[] toIntArray() {
        return Arrays.stream(dims).mapToInt(Math::toIntExact).toArray();
    }

    /**
     * The number of elements, the product of the sizes (NumPy's {@code np.prod(shape)}); 1 for {@code ()}.
     *
     * @return the number of elements
     * @throws IllegalStateException when a dimension is unknown
     * @throws IllegalArgumentException when the count overflows a {@code long}
     */
    public long size() {
        for (long d : dims) {
            if (d == UNKNOWN) {
                throw new IllegalStateException("The shape " + this
                        + " has an unknown dimension, so its size is unknown");
            }
        }
        return Memory.elements("shape " + this, dims);
    }

    /**
     * Whether every size is known, i.e. there is no {@code None}.
     *
     * @return true when no size is {@link #UNKNOWN}
     */
    public boolean isFullyKnown() {
        return Arrays.stream(dims).noneMatch(d -> d == UNKNOWN);
    }

    /**
     * The shape without its first (batch) axis: {@code (None, 28, 28, 1)} gives {@code (28, 28, 1)}.
     *
     * @return the shape of one sample
     * @throws IllegalArgumentException for the scalar shape {@code ()}, which has no batch axis
     */
    public Shape withoutBatch() {
        return new Shape(Arrays.copyOfRange(dims, 1, dims.length));
    }

    /**
     * This shape with its first (batch) axis replaced: {@code (None, 10)} with batch 32 gives {@code (32, 10)}.
     *
     * @param batch the new batch size, or {@link #UNKNOWN}
     * @return the new shape
     * @throws ArrayIndexOutOfBoundsException for the scalar shape {@code ()}, which has no batch axis
     */
    public Shape withBatch(long batch) {
        long[] copy = dims.clone();
        copy[0] = batch;
        return new Shape(copy);
    }

    /**
     * Turns a Python-style axis (-1 is the last) into an index, or explains why it does not exist.
     *
     * @param axis from {@code -rank()} to {@code rank() - 1}
     * @return the index from 0 to {@code rank() - 1}
     * @throws IllegalArgumentException when the axis is out of bounds
     */
    public int normalizeAxis(int axis) {
        int n = dims.length;
        int index = axis < 0 ? axis + n : axis;
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException("axis " + axis + " is out of bounds for a tensor of rank " + n
                    + " with shape " + this);
        }
        return index;
    }

    /**
     * Whether {@code o} is a shape with the same sizes (unknown equals unknown).
     *
     * @param o the object to compare with
     * @return true when equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Shape other && Arrays.equals(dims, other.dims);
    }

    /**
     * A hash of the sizes, consistent with {@link #equals}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /**
     * The shape as Python prints a tuple: {@code (None, 28, 28, 1)}, {@code (2,)}, {@code ()}.
     *
     * @return the text
     */
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
