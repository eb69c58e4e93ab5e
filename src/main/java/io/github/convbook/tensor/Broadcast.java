package io.github.convbook.tensor;

/** NumPy's broadcasting rule, checked before ND4J runs an element-wise operation so errors read well. */
final class Broadcast {
    private Broadcast() {
    }

    /**
     * Shapes are compared from the last axis backwards; two sizes fit when they are equal or one is 1.
     * {@code (64, 4, 3) + (3,)} fits; {@code (2, 3) + (2,)} does not.
     */
    static void check(Shape a, Shape b, String op) {
        shape(a, b, op);
    }

    /**
     * The shape of {@code a op b} after broadcasting, as {@code np.broadcast_shapes(a, b)}: {@code (64, 4, 3)} and
     * {@code (3,)} give {@code (64, 4, 3)}; {@code (4,)} and {@code ()} give {@code (4,)}.
     *
     * @throws IllegalArgumentException naming {@code op} when the shapes do not fit
     */
    static long[] shape(Shape a, Shape b, String op) {
        int rank = Math.max(a.rank(), b.rank());
        long[] out = new long[rank];
        for (int i = 1; i <= rank; i++) {
            long x = i <= a.rank() ? a.get(a.rank() - i) : 1;
            long y = i <= b.rank() ? b.get(b.rank() - i) : 1;
            if (x != y && x != 1 && y != 1) {
                throw new IllegalArgumentException(op + ": shapes " + a + " and " + b
                        + " cannot be broadcast together (compared from the last axis, sizes must be equal or 1)");
            }
            out[rank - i] = x == 1 ? y : x;
        }
        return out;
    }
}
