package io.github.convbook.layers.loops;

/**
 * Keras's {@code Dropout(rate)} as a plain loop. During training each value is kept with probability
 * {@code 1 - rate}, drawn afresh at every call, and the kept values are scaled by {@code 1 / (1 - rate)} so that
 * the expected sum does not change; at inference ({@code predict}, {@code evaluate}) the values pass unchanged.
 */
public final class DropoutLoops {
    private DropoutLoops() {
    }

    /**
     * Keras's {@code Dropout(rate)} in training, for one draw of which values survive.
     *
     * @param x the values, any shape, row-major
     * @param rate Keras's {@code rate}, the probability of dropping a value, in [0, 1)
     * @param keep which values survive this call, same length as {@code x} (each true with probability
     *     {@code 1 - rate})
     * @return {@code x[i] / (1 - rate)} where {@code keep[i]}, 0 elsewhere
     */
    public static double[] dropout(double[] x, double rate, boolean[] keep) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = keep[i] ? x[i] / (1 - rate) : 0;
        }
        return y;
    }
}
