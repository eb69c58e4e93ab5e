package io.github.convbook.losses;

import io.github.convbook.ops.Values;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Cross-entropy for one-hot targets (N, classes), as Keras computes it from probabilities: normalised to sum 1,
 * clipped to [1e-7, 1 - 1e-7], then {@code -sum(y * log(p))} per sample.
 */
public class CategoricalCrossentropy extends Loss {
    @Override
    public String name() {
        return "categorical_crossentropy";
    }

    @Override
    protected String shapeHint(long[] yTrueShape) {
        return yTrueShape.length == 1 ? ". For integer labels use sparse_categorical_crossentropy or Utils.toCategorical(y)" : "";
    }

    @Override
    public double value(INDArray yTrue, INDArray yPred) {
        int samples = (int) yPred.size(0);
        int classes = (int) yPred.size(1);
        Values p = Values.of(yPred);
        Values t = Values.of(floating(yTrue, yPred));
        double total = 0;
        for (int n = 0; n < samples; n++) {
            double sum = rowSum(p, n, classes);
            for (int c = 0; c < classes; c++) {
                int i = n * classes + c;
                total -= t.get(i) * Math.log(clip(p.get(i) / sum));
            }
        }
        return total / samples;
    }

    @Override
    public INDArray gradient(INDArray yTrue, INDArray yPred) {
        int samples = (int) yPred.size(0);
        int classes = (int) yPred.size(1);
        INDArray gradient = yPred.ulike();
        Values p = Values.of(yPred);
        Values t = Values.of(floating(yTrue, yPred));
        Values g = Values.of(gradient);
        for (int n = 0; n < samples; n++) {
            double sum = rowSum(p, n, classes);
            // g_c = d/d(q_c) of -sum(y log clip(q)) with q = p / sum(p); then back through the normalisation
            double dot = 0;
            for (int c = 0; c < classes; c++) {
                int i = n * classes + c;
                double q = p.get(i) / sum;
                double gc = insideClip(q) ? -t.get(i) / clip(q) : 0;
                g.set(i, gc);
                dot += gc * q;
            }
            for (int c = 0; c < classes; c++) {
                int i = n * classes + c;
                g.set(i, (g.get(i) - dot) / sum / samples);
            }
        }
        return gradient;
    }

    private static double rowSum(Values p, int row, int classes) {
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += p.get(row * classes + c);
        }
        return sum;
    }
}
