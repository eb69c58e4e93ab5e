package io.github.convbook.layers.loops;

/**
 * The activation layers and functions as plain loops: Keras's {@code ReLU}, {@code LeakyReLU}, {@code Softmax} and
 * {@code Activation(name)}. All but softmax work value by value, so the values may come from a tensor of any shape,
 * laid out row-major in one array; softmax works on each run of {@code classes} values (the last axis).
 *
 * <p>Keras stores the layers' arguments ({@code max_value}, {@code negative_slope}, {@code threshold},
 * {@code alpha}) as float32 ({@code backend.cast_to_floatx}), so even a float64 layer multiplies by
 * {@code (double) 0.3f}, not by 0.3; the loops round them the same way.
 */
public final class ActivationLoops {
    private ActivationLoops() {
    }

    /**
     * Keras 2.x's {@code layers.ReLU(max_value, negative_slope, threshold)}, composed as its
     * {@code backend.relu} composes it: {@code x * (x > threshold)} (plain {@code max(x, 0)} when the threshold is
     * 0), then clipped to {@code [0, max_value]}, then minus {@code negative_slope * max(threshold - x, 0)}. So at
     * {@code x == threshold} the result is 0.
     *
     * @param x the values, any shape, row-major
     * @param maxValue Keras's {@code max_value}, or null for None (no upper limit); 6 gives ReLU6
     * @param negativeSlope Keras's {@code negative_slope}, the slope below the threshold (default 0)
     * @param threshold Keras's {@code threshold} (default 0)
     * @return the activated values, same length
     */
    public static double[] relu(double[] x, Double maxValue, double negativeSlope, double threshold) {
        double slope = (float) negativeSlope;
        double t = (float) threshold;
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = t != 0 ? x[i] * (x[i] > t ? 1 : 0) : Math.max(x[i], 0);
            if (maxValue != null) {
                v = Math.min(Math.max(v, 0), (float) (double) maxValue);
            }
            if (slope != 0) {
                v -= slope * Math.max(t - x[i], 0);
            }
            y[i] = v;
        }
        return y;
    }

    /**
     * Keras 2.x's {@code layers.LeakyReLU(alpha)} ({@code tf.nn.leaky_relu}): {@code x} where {@code x > 0},
     * {@code alpha * x} elsewhere, alpha rounded to float32 as Keras keeps it.
     *
     * @param x the values, any shape, row-major
     * @param alpha Keras's {@code alpha}, the slope for negative values (the layer's default is 0.3)
     * @return the activated values, same length
     */
    public static double[] leakyRelu(double[] x, double alpha) {
        return leaky(x, (float) alpha);
    }

    private static double[] leaky(double[] x, double slope) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] > 0 ? x[i] : slope * x[i];
        }
        return y;
    }

    /**
     * Keras's {@code layers.Softmax(axis=-1)} and {@code activations.softmax}: each row of {@code classes} values
     * becomes {@code exp(x - max) / sum(exp(x - max))}, probabilities that sum to 1. Subtracting the row's maximum
     * changes nothing mathematically and keeps {@code exp} from overflowing on large scores.
     *
     * @param x the values, shape (..., classes), row-major
     * @param classes the length of the last axis
     * @return the probabilities, same shape
     */
    public static double[] softmax(double[] x, int classes) {
        double[] y = new double[x.length];
        for (int row = 0; row < x.length / classes; row++) {
            int start = row * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, x[start + k]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                y[start + k] = Math.exp(x[start + k] - max);
                sum += y[start + k];
            }
            for (int k = 0; k < classes; k++) {
                y[start + k] /= sum;
            }
        }
        return y;
    }

    /**
     * Keras's {@code activations.sigmoid}: {@code 1 / (1 + exp(-x))}, between 0 and 1.
     *
     * @param x the values, any shape, row-major
     * @return the activated values, same length
     */
    public static double[] sigmoid(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 1 / (1 + Math.exp(-x[i]));
        }
        return y;
    }

    /**
     * Keras's {@code activations.tanh}: the hyperbolic tangent, between -1 and 1.
     *
     * @param x the values, any shape, row-major
     * @return the activated values, same length
     */
    public static double[] tanh(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.tanh(x[i]);
        }
        return y;
    }

    /**
     * Keras's {@code layers.Activation(name)}, and the {@code activation=name} argument of Dense and Conv2D:
     * "linear" (or null) leaves the values as they are; "relu", "sigmoid", "tanh" and "softmax" are the functions
     * above; "leaky_relu" is {@code tf.nn.leaky_relu} with its default slope 0.2, which ConvBook applies in double
     * (TensorFlow's float32 attribute, 0.2f, differs from it by about 1e-9).
     *
     * @param name the activation's Keras name, or null for linear
     * @param x the values, any shape, row-major
     * @param classes the length of the last axis (used by softmax only)
     * @return the activated values, a new array of the same length
     * @throws IllegalArgumentException for any other name
     */
    public static double[] activation(String name, double[] x, int classes) {
        if (name == null) {
            return x.clone();
        }
        switch (name) {
            case "linear":
                return x.clone();
            case "relu":
                return relu(x, null, 0, 0);
            case "leaky_relu":
                return leaky(x, 0.2);
            case "sigmoid":
                return sigmoid(x);
            case "tanh":
                return tanh(x);
            case "softmax":
                return softmax(x, classes);
            default:
                throw new IllegalArgumentException("Unknown activation '" + name
                        + "': expected linear, relu, leaky_relu, sigmoid, tanh or softmax");
        }
    }
}
