package io.github.convbook.layers;

/**
 * Plain-loop definitions of the element-wise, softmax and global pooling layers, written from Keras's and
 * TensorFlow's definitions (not from ConvBook's code), on row-major double arrays. ReLU follows the composition in
 * Keras 2.x's {@code backend.relu}: {@code x * (x > threshold)} (or {@code relu(x)}), then a clip to
 * {@code [0, max_value]}, minus {@code negative_slope * relu(threshold - x)}; arguments are float32 as Keras keeps
 * them ({@code cast_to_floatx}).
 */
final class SimpleLayersReference {
    private SimpleLayersReference() {
    }

    static double[] relu(double[] x, Double maxValue, double negativeSlope, double threshold) {
        double alpha = (float) negativeSlope;
        double t = (float) threshold;
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = t != 0 ? x[i] * (x[i] > t ? 1 : 0) : Math.max(x[i], 0);
            if (maxValue != null) {
                v = Math.min(Math.max(v, 0), (float) (double) maxValue);
            }
            if (alpha != 0) {
                v -= alpha * Math.max(t - x[i], 0);
            }
            y[i] = v;
        }
        return y;
    }

    /** tf.nn.leaky_relu: {@code x > 0 ? x : alpha * x}, alpha a float32 attribute. */
    static double[] leakyRelu(double[] x, double alpha) {
        double a = (float) alpha;
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] > 0 ? x[i] : a * x[i];
        }
        return y;
    }

    /** Softmax over each row of {@code classes} values: exp(x - max) / sum. */
    static double[] softmax(double[] x, int classes) {
        double[] y = new double[x.length];
        for (int row = 0; row < x.length / classes; row++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, x[row * classes + k]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                y[row * classes + k] = Math.exp(x[row * classes + k] - max);
                sum += y[row * classes + k];
            }
            for (int k = 0; k < classes; k++) {
                y[row * classes + k] /= sum;
            }
        }
        return y;
    }

    /** keras.activations by name; {@code classes} is the size of the last axis (for softmax). */
    static double[] activation(String name, double[] x, int classes) {
        double[] y = new double[x.length];
        switch (name) {
            case "softmax":
                return softmax(x, classes);
            case "relu":
                return relu(x, null, 0, 0);
            case "leaky_relu":
                // tf.nn.leaky_relu's default 0.2; ConvBook's Activations (ND4J) multiplies by 0.2 in double where TF's
                // float32 attribute would give 0.2f: they differ by about 1e-9, only visible in float64
                for (int i = 0; i < x.length; i++) {
                    y[i] = x[i] > 0 ? x[i] : 0.2 * x[i];
                }
                return y;
            case "sigmoid":
                for (int i = 0; i < x.length; i++) {
                    y[i] = 1 / (1 + Math.exp(-x[i]));
                }
                return y;
            case "tanh":
                for (int i = 0; i < x.length; i++) {
                    y[i] = Math.tanh(x[i]);
                }
                return y;
            default:   // linear
                return x.clone();
        }
    }

    /** Mean of each channel of (n, h, w, c) NHWC values: (n, c). */
    static double[] globalAverage(double[] x, int n, int h, int w, int c) {
        double[] y = new double[n * c];
        for (int b = 0; b < n; b++) {
            for (int k = 0; k < c; k++) {
                double sum = 0;
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < w; j++) {
                        sum += x[((b * h + i) * w + j) * c + k];
                    }
                }
                y[b * c + k] = sum / (h * w);
            }
        }
        return y;
    }

    /** Maximum of each channel of (n, h, w, c) NHWC values: (n, c). */
    static double[] globalMax(double[] x, int n, int h, int w, int c) {
        double[] y = new double[n * c];
        for (int b = 0; b < n; b++) {
            for (int k = 0; k < c; k++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < w; j++) {
                        max = Math.max(max, x[((b * h + i) * w + j) * c + k]);
                    }
                }
                y[b * c + k] = max;
            }
        }
        return y;
    }
}
