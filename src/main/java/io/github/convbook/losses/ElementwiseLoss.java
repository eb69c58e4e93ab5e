package io.github.convbook.losses;

import io.github.convbook.ops.Values;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss that scores every predicted value on its own and averages the scores over all values (Keras's mean over
 * the last axis, then over the batch): binary crossentropy and mean squared error.
 */
abstract class ElementwiseLoss extends Loss {
    /** The score of one prediction {@code p} against its target {@code y}. */
    protected abstract double term(double y, double p);

    /** d term / dp. */
    protected abstract double slope(double y, double p);

    @Override
    public double value(INDArray yTrue, INDArray yPred) {
        Values p = Values.of(yPred);
        Values t = Values.of(floating(yTrue, yPred));
        double total = 0;
        for (int i = 0; i < p.length(); i++) {
            total += term(t.get(i), p.get(i));
        }
        return total / p.length();
    }

    @Override
    public INDArray gradient(INDArray yTrue, INDArray yPred) {
        INDArray gradient = yPred.ulike();
        Values p = Values.of(yPred);
        Values t = Values.of(floating(yTrue, yPred));
        Values g = Values.of(gradient);
        int n = p.length();
        for (int i = 0; i < n; i++) {
            g.set(i, slope(t.get(i), p.get(i)) / n);
        }
        return gradient;
    }
}
