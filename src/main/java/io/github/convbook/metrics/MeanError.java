package io.github.convbook.metrics;

import io.github.convbook.backend.Values;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code "mae"} and {@code "mse"} metrics (MeanAbsoluteError, MeanSquaredError): each sample's error is the
 * mean over its last axis, and the epoch's value is the mean over samples, in the targets' units (squared units for
 * mse).
 *
 * @param name    the name the user asked for, shown in the progress line and History
 * @param squared true for the squared error, false for the absolute one
 */
public record MeanError(String name, boolean squared) implements Metric {
    /**
     * Sums the per-sample errors of one batch.
     *
     * @param yTrue the targets, {@code (None, ...)}; reshaped to {@code yPred}'s shape, so {@code (None,)} targets
     *     fit {@code (None, 1)} outputs
     * @param yPred the model's outputs {@code (None, ...)}, any numeric dtype (computed in float64)
     * @return {@code {sum of the per-sample errors, samples}}
     */
    @Override
    public double[] batch(INDArray yTrue, INDArray yPred) {
        INDArray p = yPred.dup('c').castTo(DataType.DOUBLE);
        INDArray t = yTrue.reshape(yPred.shape()).dup('c').castTo(DataType.DOUBLE);
        Values pv = Values.of(p);
        Values tv = Values.of(t);
        double sum = 0;
        for (int i = 0; i < pv.length(); i++) {
            double d = pv.get(i) - tv.get(i);
            sum += squared ? d * d : Math.abs(d);
        }
        long samples = yPred.size(0);
        long perSample = yPred.length() / Math.max(1, samples);
        return new double[] {sum / Math.max(1, perSample), samples};
    }
}
