package io.github.convbook.image;

import io.github.convbook.tensor.Tensor;
import java.util.Arrays;

/**
 * A 2x3 affine transformation matrix, the {@code M} that {@code cv2.getRotationMatrix2D} returns and
 * {@code cv2.warpAffine} takes. It maps a source pixel {@code (x, y)} to the destination pixel
 * <pre>
 *   x' = M[0,0]*x + M[0,1]*y + M[0,2]
 *   y' = M[1,0]*x + M[1,1]*y + M[1,2]
 * </pre>
 * The last column is the shift. Unlike a {@link Tensor}, this matrix can be edited in place, so the lecture's
 * <pre>
 *   M[0, 2] = M[0, 2] + 3      # Python
 *   m.set(0, 2, m.get(0, 2) + 3);   // Java
 * </pre>
 * reads line for line.
 */
public final class AffineMatrix {
    private final double[] m = new double[6];   // row-major: m[3*row + col], float64 as OpenCV keeps it

    private AffineMatrix(double m00, double m01, double m02, double m10, double m11, double m12) {
        m[0] = m00;
        m[1] = m01;
        m[2] = m02;
        m[3] = m10;
        m[4] = m11;
        m[5] = m12;
    }

    /**
     * The matrix {@code [[m00, m01, m02], [m10, m11, m12]]}, like {@code np.float64([[m00, m01, m02], [m10, m11,
     * m12]])} in the lecture.
     *
     * @param m00 row 0, column 0: how much x' takes from x
     * @param m01 row 0, column 1: how much x' takes from y
     * @param m02 row 0, column 2: the shift of x', in pixels
     * @param m10 row 1, column 0: how much y' takes from x
     * @param m11 row 1, column 1: how much y' takes from y
     * @param m12 row 1, column 2: the shift of y', in pixels
     * @return a new matrix
     */
    public static AffineMatrix of(double m00, double m01, double m02, double m10, double m11, double m12) {
        return new AffineMatrix(m00, m01, m02, m10, m11, m12);
    }

    /**
     * A matrix from a (2, 3) tensor of any numeric dtype, e.g. one written with {@code Tensor.of(double[][])}, as
     * OpenCV takes a NumPy array for {@code M}.
     *
     * @param matrix the values, shape {@code (2, 3)}: {@code [[a, b, shiftX], [c, d, shiftY]]}
     * @return a new matrix (float64, not linked to the tensor)
     * @throws IllegalArgumentException for another shape (a 3x3 matrix gets a hint to pass its first two rows)
     */
    public static AffineMatrix of(Tensor matrix) {
        if (matrix.rank() != 2 || matrix.shape().get(0) != 2 || matrix.shape().get(1) != 3) {
            throw new IllegalArgumentException("An affine transformation matrix must have shape (2, 3) "
                    + "[[a, b, shiftX], [c, d, shiftY]], got shape " + matrix.shape()
                    + (matrix.rank() == 2 && matrix.shape().get(0) == 3 && matrix.shape().get(1) == 3
                            ? ": for a 3x3 matrix whose last row is [0, 0, 1], pass its first two rows" : ""));
        }
        double[] v = matrix.toDoubleArray();
        return new AffineMatrix(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    /**
     * The pure shift {@code [[1, 0, dx], [0, 1, dy]]}: right by {@code dx} and down by {@code dy} pixels.
     *
     * @param dx the shift to the right, in pixels (negative: left)
     * @param dy the shift down, in pixels (negative: up)
     * @return a new matrix
     */
    public static AffineMatrix translation(double dx, double dy) {
        return new AffineMatrix(1, 0, dx, 0, 1, dy);
    }

    /**
     * The entry {@code M[row, col]}, like NumPy's {@code M[0, 2]}.
     *
     * @param row 0 or 1
     * @param col 0, 1 or 2 (2 is the shift)
     * @return the entry
     * @throws IndexOutOfBoundsException for a row or column outside the (2, 3) matrix
     */
    public double get(int row, int col) {
        return m[index(row, col)];
    }

    /**
     * Replaces the entry {@code M[row, col]} in place, like NumPy's {@code M[0, 2] = value}.
     *
     * @param row 0 or 1
     * @param col 0, 1 or 2 (2 is the shift)
     * @param value the new entry
     * @return this matrix, for chaining
     * @throws IndexOutOfBoundsException for a row or column outside the (2, 3) matrix
     */
    public AffineMatrix set(int row, int col, double value) {
        m[index(row, col)] = value;
        return this;
    }

    private static int index(int row, int col) {
        if (row < 0 || row > 1 || col < 0 || col > 2) {
            throw new IndexOutOfBoundsException("An affine matrix has rows 0..1 and columns 0..2 (shape (2, 3)), "
                    + "got [" + row + ", " + col + "]");
        }
        return 3 * row + col;
    }

    /**
     * The matrix that undoes this one, as {@code cv2.invertAffineTransform}; computed exactly as OpenCV's
     * {@code warpAffine} does, so a warp samples the source at the same positions OpenCV does.
     *
     * @return a new matrix: where this one maps {@code (x, y)} to {@code (x', y')}, the inverse maps back
     * @throws IllegalArgumentException when the determinant {@code M[0,0]*M[1,1] - M[0,1]*M[1,0]} is 0
     */
    public AffineMatrix inverse() {
        double det = m[0] * m[4] - m[1] * m[3];
        if (det == 0) {
            throw new IllegalArgumentException("This affine matrix cannot be inverted (determinant 0: it squashes the "
                    + "image onto a line or a point), so no image can be warped with it: " + this);
        }
        double d = 1.0 / det;
        double a00 = m[4] * d;
        double a01 = -m[1] * d;
        double a10 = -m[3] * d;
        double a11 = m[0] * d;
        return new AffineMatrix(a00, a01, -a00 * m[2] - a01 * m[5], a10, a11, -a10 * m[2] - a11 * m[5]);
    }

    /** True when every entry is a finite number (no NaN or infinity), so positions can be computed. */
    boolean isFinite() {
        return Arrays.stream(m).allMatch(Double::isFinite);
    }

    /**
     * The matrix as a (2, 3) float64 tensor, the type {@code cv2.getRotationMatrix2D} returns.
     *
     * @return a new tensor of shape {@code (2, 3)}, float64; editing it does not change this matrix
     */
    public Tensor toTensor() {
        return Tensor.of(m.clone(), 2, 3);
    }

    /**
     * Printed as the (2, 3) float64 array NumPy would show.
     *
     * @return the header and values, as {@link Tensor#toString()}
     */
    @Override
    public String toString() {
        return toTensor().toString();
    }

    /**
     * Whether {@code o} is an affine matrix with the same six entries.
     *
     * @param o the object to compare with
     * @return true when equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof AffineMatrix other && Arrays.equals(m, other.m);
    }

    /**
     * A hash of the six entries, consistent with {@link #equals}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }
}
