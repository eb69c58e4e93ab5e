package io.github.convbook.layers.loops;

/**
 * Keras's {@code BatchNormalization(axis=-1)} as plain loops. Each channel (the last axis) is normalised to mean 0
 * and variance 1, then scaled by {@code gamma} and shifted by {@code beta}:
 * {@code gamma * (x - mean) / sqrt(variance + epsilon) + beta}. The values may come from a tensor of any rank
 * {@code >= 2} with the channels last, laid out row-major in one array: (batch, channels) after a Dense layer,
 * (batch, height, width, channels) after a Conv2D. Either way they are rows of {@code channels} values, and the
 * statistics of a channel are taken over all rows (the batch and, for images, every pixel).
 */
public final class BatchNormalizationLoops {
    private BatchNormalizationLoops() {
    }

    /**
     * Keras's {@code BatchNormalization} in training ({@code fit}): the formula with the batch's own mean and
     * (biased, divided by n) variance of each channel.
     *
     * @param x the values, shape (..., channels), row-major
     * @param channels the length of the last axis
     * @param gamma the scale, one per channel (ones for Keras's {@code scale=False})
     * @param beta the shift, one per channel (zeros for Keras's {@code center=False})
     * @param epsilon Keras's {@code epsilon} (default 0.001), added to the variance so nothing divides by zero
     * @return the normalised values, same shape
     */
    public static double[] training(double[] x, int channels, double[] gamma, double[] beta, double epsilon) {
        int rows = x.length / channels;
        double[] mean = new double[channels];
        double[] variance = new double[channels];
        for (int c = 0; c < channels; c++) {
            for (int r = 0; r < rows; r++) {
                mean[c] += x[r * channels + c];
            }
            mean[c] /= rows;
            for (int r = 0; r < rows; r++) {
                double deviation = x[r * channels + c] - mean[c];
                variance[c] += deviation * deviation;
            }
            variance[c] /= rows;
        }
        return inference(x, channels, gamma, beta, mean, variance, epsilon);
    }

    /**
     * Keras's {@code BatchNormalization} at inference ({@code predict}, {@code evaluate}): the formula with the
     * layer's {@code moving_mean} and {@code moving_variance}, so each sample is normalised on its own, whatever else
     * is in the batch. (Keras's fused float32 path for rank-4 inputs raises {@code epsilon} to at least 1.001e-5.)
     *
     * @param x the values, shape (..., channels), row-major
     * @param channels the length of the last axis
     * @param gamma the scale, one per channel
     * @param beta the shift, one per channel
     * @param mean the mean to subtract, one per channel (the layer's {@code moving_mean})
     * @param variance the variance to divide by, one per channel (the layer's {@code moving_variance})
     * @param epsilon Keras's {@code epsilon}, added to the variance
     * @return the normalised values, same shape
     */
    public static double[] inference(double[] x, int channels, double[] gamma, double[] beta, double[] mean,
                                     double[] variance, double epsilon) {
        double[] y = new double[x.length];
        for (int r = 0; r < x.length / channels; r++) {
            for (int c = 0; c < channels; c++) {
                int k = r * channels + c;
                y[k] = gamma[c] * (x[k] - mean[c]) / Math.sqrt(variance[c] + epsilon) + beta[c];
            }
        }
        return y;
    }
}
