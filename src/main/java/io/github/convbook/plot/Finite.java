package io.github.convbook.plot;

/**
 * Charts refuse NaN and infinite values at the call that passes them. XChart would accept them and fail only when
 * the chart is drawn, inside the notebook's display machinery, with its own {@code POSITIVE_INFINITY!!!}, far from
 * the cell that caused it.
 */
final class Finite {
    private Finite() {
    }

    /**
     * @throws IllegalArgumentException naming the call, the series and the first bad position
     */
    static void require(String call, String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(call + ": " + what + " has the value " + values[i] + " at index " + i
                        + "; a chart can only draw finite numbers (a NaN loss means training diverged: lower the"
                        + " learning rate or scale the inputs)");
            }
        }
    }
}
