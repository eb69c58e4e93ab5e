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

    /** The matrix {@code [[m00, m01, m02], [m10, m11, m12]]}. */
    public static AffineMatrix of(double m00, double m01, double m02, double m10, double m11, double m12) {
        return new AffineMatrix(m00, m01, m02, m10, m11, m12);
    }

    /** A matrix from a (2, 3) tensor of any numeric dtype, e.g. one written with {@code Tensor.of(double[][])}. */
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

    /** The pure shift {@code [[1, 0, dx], [0, 1, dy]]}: right by {@code dx} and down by {@code dy} pixels. */
    public static AffineMatrix translation(double dx, double dy) {
        return new AffineMatrix(1, 0, dx, 0, 1, dy);
    }

    /** The entry {@code M[row, col]}, like NumPy's {@code M[0, 2]}. */
    public double get(int row, int col) {
        return m[index(row, col)];
    }

    /** Replaces the entry {@code M[row, col]}, like {@code M[0, 2] = value}; returns this matrix. */
    public AffineMatrix set(int row, int col, double value) {
        m[index(row, col)] = value;
        return this;
    }

    private static int index(int row, int col) {
        if (row < 0 || row > 1 || col < 0 || col > 2) {
            throw new IndexOutOfBoundsException("An affine matrix has rows 0..1 and columns 0..2 (shape (2, 3)), got ["
                    + row + ", " + col + "]");
        }
        return 3 * row + col;
    }

    /**
     * The matrix that undoes this one, as {@code cv2.invertAffineTransform}; computed exactly as OpenCV's
     * {@code warpAffine} does, so a warp samples the source at the same positions OpenCV does.
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

    /** The matrix as a (2, 3) float64 tensor, the type {@code cv2.getRotationMatrix2D} returns. */
    public Tensor toTensor() {
        return Tensor.of(m.clone(), 2, 3);
    }

    /** Printed as the (2, 3) float64 array NumPy would show. */
    @Override
    public String toString() {
        return toTensor().toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AffineMatrix other && Arrays.equals(m, other.m);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }
}
