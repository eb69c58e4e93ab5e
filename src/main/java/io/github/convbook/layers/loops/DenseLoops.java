package io.github.convbook.layers.loops;

/**
 * Keras's {@code Dense(units)} as plain loops: every output unit is a weighted sum of all input features plus a
 * bias, {@code y = x · kernel + bias}. Keras applies Dense to the last axis, so an input of shape
 * (batch, ..., features) is read as rows of {@code features} values, one row per position of the leading axes.
 */
public final class DenseLoops {
    private DenseLoops() {
    }

    /**
     * Keras's {@code Dense(units, use_bias)} before its activation (apply {@link ActivationLoops#activation} to the
     * result for {@code activation=...}). Input (rows, features), kernel (features, units) in Keras's layout, output
     * (rows, units).
     *
     * @param x the input, one row per sample: (rows, features)
     * @param kernel the weights, (features, units)
     * @param bias one value per unit, or null for {@code use_bias=False}
     * @return (rows, units): {@code y[r][u] = bias[u] + sum over f of x[r][f] * kernel[f][u]}
     */
    public static double[][] dense(double[][] x, double[][] kernel, double[] bias) {
        int features = kernel.length;
        int units = kernel[0].length;
        double[][] y = new double[x.length][units];
        for (int r = 0; r < x.length; r++) {                // each sample
            for (int u = 0; u < units; u++) {               // each unit
                double sum = bias == null ? 0 : bias[u];
                for (int f = 0; f < features; f++) {        // each input feature
                    sum += x[r][f] * kernel[f][u];
                }
                y[r][u] = sum;
            }
        }
        return y;
    }
}
