package io.github.convbook.layers;

/**
 * A 4-D array of plain doubles, row-major: images (batch, height, width, channels) or kernels (kh, kw, a, b).
 * The naive reference works on these so that it shares no code with the library.
 */
record Array4(int d0, int d1, int d2, int d3, double[] values) {
    Array4(int d0, int d1, int d2, int d3) {
        this(d0, d1, d2, d3, new double[d0 * d1 * d2 * d3]);
    }

    Array4 {
        if (values.length != d0 * d1 * d2 * d3) {
            throw new IllegalArgumentException(values.length + " values for shape (" + d0 + ", " + d1 + ", " + d2 + ", " + d3 + ")");
        }
    }

    private int index(int i, int j, int k, int l) {
        return ((i * d1 + j) * d2 + k) * d3 + l;
    }

    double get(int i, int j, int k, int l) {
        return values[index(i, j, k, l)];
    }

    void set(int i, int j, int k, int l, double value) {
        values[index(i, j, k, l)] = value;
    }

    void add(int i, int j, int k, int l, double value) {
        values[index(i, j, k, l)] += value;
    }

    long[] shape() {
        return new long[] {d0, d1, d2, d3};
    }
}
