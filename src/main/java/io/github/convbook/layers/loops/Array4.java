package io.github.convbook.layers.loops;

/**
 * A 4-D array of doubles stored row-major in one plain {@code double[]}: an image batch in Keras's NHWC layout
 * (batch, height, width, channels), or a convolution kernel (kernel rows, kernel columns, a, b). Value
 * {@code (i, j, k, l)} sits at index {@code ((i * d1 + j) * d2 + k) * d3 + l} of {@link #values()}, the order
 * NumPy's {@code reshape} and {@code Tensor.toDoubleArray()} use.
 *
 * @param d0 size of axis 0 (batch, or kernel rows)
 * @param d1 size of axis 1 (height, or kernel columns)
 * @param d2 size of axis 2 (width, or the kernel's third axis)
 * @param d3 size of axis 3 (channels, or the kernel's last axis)
 * @param values the {@code d0 * d1 * d2 * d3} values, row-major; the array itself, not a copy
 */
public record Array4(int d0, int d1, int d2, int d3, double[] values) {

    /**
     * An array of zeros.
     *
     * @param d0 size of axis 0
     * @param d1 size of axis 1
     * @param d2 size of axis 2
     * @param d3 size of axis 3
     */
    public Array4(int d0, int d1, int d2, int d3) {
        this(d0, d1, d2, d3, new double[d0 * d1 * d2 * d3]);
    }

    /**
     * Checks that {@code values} holds exactly one value per position.
     *
     * @param d0 size of axis 0
     * @param d1 size of axis 1
     * @param d2 size of axis 2
     * @param d3 size of axis 3
     * @param values the values, row-major
     * @throws IllegalArgumentException when {@code values.length != d0 * d1 * d2 * d3}
     */
    public Array4 {
        if (values.length != d0 * d1 * d2 * d3) {
            throw new IllegalArgumentException(values.length + " values for shape (" + d0 + ", " + d1 + ", " + d2
                    + ", " + d3 + ")");
        }
    }

    private int index(int i, int j, int k, int l) {
        return ((i * d1 + j) * d2 + k) * d3 + l;
    }

    /**
     * The value at {@code (i, j, k, l)}, e.g. {@code x.get(b, row, column, channel)}.
     *
     * @param i index along axis 0
     * @param j index along axis 1
     * @param k index along axis 2
     * @param l index along axis 3
     * @return the value
     */
    public double get(int i, int j, int k, int l) {
        return values[index(i, j, k, l)];
    }

    /**
     * Stores {@code value} at {@code (i, j, k, l)}.
     *
     * @param i index along axis 0
     * @param j index along axis 1
     * @param k index along axis 2
     * @param l index along axis 3
     * @param value the new value
     */
    public void set(int i, int j, int k, int l, double value) {
        values[index(i, j, k, l)] = value;
    }

    /**
     * Adds {@code value} to the value at {@code (i, j, k, l)}, for loops that accumulate.
     *
     * @param i index along axis 0
     * @param j index along axis 1
     * @param k index along axis 2
     * @param l index along axis 3
     * @param value what to add
     */
    public void add(int i, int j, int k, int l, double value) {
        values[index(i, j, k, l)] += value;
    }

    /**
     * The shape, as NumPy's {@code x.shape}.
     *
     * @return {@code {d0, d1, d2, d3}}
     */
    public int[] shape() {
        return new int[] {d0, d1, d2, d3};
    }
}
