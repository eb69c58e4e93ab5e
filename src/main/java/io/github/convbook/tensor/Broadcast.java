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
        int rank = Math.max(a.rank(), b.rank());
        for (int i = 1; i <= rank; i++) {
            long x = i <= a.rank() ? a.get(a.rank() - i) : 1;
            long y = i <= b.rank() ? b.get(b.rank() - i) : 1;
            if (x != y && x != 1 && y != 1) {
                throw new IllegalArgumentException(op + ": shapes " + a + " and " + b
                        + " cannot be broadcast together (compared from the last axis, sizes must be equal or 1)");
            }
        }
    }
}
