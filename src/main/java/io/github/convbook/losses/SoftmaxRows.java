package io.github.convbook.losses;

import io.github.convbook.backend.Values;

/** The softmax arithmetic the from-logits cross-entropies share, on one row of a (samples, classes) array. */
final class SoftmaxRows {
    private SoftmaxRows() {
    }

    /** {@code log(sum(exp(z)))} of {@code z[from..from+n)}, shifted by the maximum so large logits cannot overflow. */
    static double logSumExp(Values z, int from, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            max = Math.max(max, z.get(from + c));
        }
        double sum = 0;
        for (int c = 0; c < n; c++) {
            sum += Math.exp(z.get(from + c) - max);
        }
        return max + Math.log(sum);
    }

    /** Writes {@code softmax(z[from..from+n))} into the same positions of {@code out}. */
    static void into(Values z, Values out, int from, int n) {
        double lse = logSumExp(z, from, n);
        for (int c = 0; c < n; c++) {
            out.set(from + c, Math.exp(z.get(from + c) - lse));
        }
    }
}
