package io.github.convbook.losses;

import io.github.convbook.backend.Parallel;
import io.github.convbook.backend.Values;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss that scores every predicted value on its own and averages the scores over all values (Keras's mean over
 * the last axis, then over the batch): binary cross-entropy, mean squared and mean absolute error.
 */
abstract class ElementwiseLoss extends Loss {
    /**
     * The score of one prediction against its target, e.g. {@code (p - y)^2} for mse.
     *
     * @param y the target, after {@link #target}
     * @param p the prediction (a logit when {@code fromLogits})
     * @param type the predictions' precision: FLOAT rounds intermediates to float32
     * @return the term, before averaging
     */
    protected abstract double term(double y, double p, DataType type);

    /**
     * The derivative of {@link #term} with respect to the prediction, d term / dp.
     *
     * @param y the target, after {@link #target}
     * @param p the prediction (a logit when {@code fromLogits})
     * @param type the predictions' precision
     * @return the slope, before dividing by the number of values
     */
    protected abstract double slope(double y, double p, DataType type);

    /**
     * The target as the loss sees it (label smoothing changes it); unchanged by default.
     *
     * @param y the target as given
     * @return the target used in {@link #term} and {@link #slope}
     */
    protected double target(double y) {
        return y;
    }

    @Override
    public double value(INDArray yTrue, INDArray yPred) {
        Values p = Values.of(yPred);
        Values t = Values.of(floating(yTrue, yPred));
        DataType type = yPred.dataType();
        // the terms on all cores (each on its own), then their sum in order: the same bits as one loop
        double[] terms = new double[p.length()];
        Parallel.forEachPart(terms.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                terms[i] = round(term(target(t.get(i)), p.get(i), type), type);
            }
        });
        double total = 0;
        for (double term : terms) {
            total += term;
        }
        return round(total / p.length(), type);
    }

    @Override
    public INDArray gradient(INDArray yTrue, INDArray yPred) {
        INDArray gradient = yPred.ulike();
        Values p = Values.of(yPred);
        Values t = Values.of(floating(yTrue, yPred));
        Values g = Values.of(gradient);
        DataType type = yPred.dataType();
        int n = p.length();
        Parallel.forEachPart(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                g.set(i, slope(target(t.get(i)), p.get(i), type) / n);
            }
        });
        return gradient;
    }
}
