package io.github.convbook.losses;

import io.github.convbook.backend.Values;
import io.github.convbook.layers.Activations;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Cross-entropy for one-hot (or soft) targets {@code (None, classes)} against predictions {@code (None, classes)},
 * Keras's {@code CategoricalCrossentropy(from_logits=False, label_smoothing=0.0)} and
 * {@code "categorical_crossentropy"}.
 * <ul>
 *   <li>From logits z: {@code sum(y * (logsumexp(z) - z))} per sample; gradient {@code softmax(z) * sum(y) - y}.
 *       E.g. logits [14.4, 50.1, 3.5] with target [1, 0, 0] give 35.7.
 *   <li>From probabilities p: normalised to sum 1, clipped to [1e-7, 1 - 1e-7], then {@code -sum(y * log(p))}.
 * </ul>
 */
public class CategoricalCrossentropy extends Loss {
    private double labelSmoothing;

    @Override
    public String name() {
        return "categorical_crossentropy";
    }

    /**
     * Keras's {@code from_logits} (default false): whether the predictions are logits (raw scores, before
     * the softmax) rather than probabilities. Logits are the numerically safer choice.
     *
     * @param fromLogits true for logits
     * @return this loss, for chaining: {@code new CategoricalCrossentropy().fromLogits(true)}
     */
    public CategoricalCrossentropy fromLogits(boolean fromLogits) {
        this.fromLogits = fromLogits;
        return this;
    }

    /**
     * Keras's {@code label_smoothing} (default 0): targets become {@code y * (1 - s) + s / classes},
     * which keeps the model from pushing its outputs to exactly 0 and 1.
     *
     * @param s the smoothing, from 0 (none) to 1
     * @return this loss, for chaining
     * @throws IllegalArgumentException unless {@code 0 <= s <= 1}
     */
    public CategoricalCrossentropy labelSmoothing(double s) {
        if (!(s >= 0 && s <= 1)) {
            throw new IllegalArgumentException("CategoricalCrossentropy: labelSmoothing must be in [0, 1], got " + s);
        }
        this.labelSmoothing = s;
        return this;
    }

    @Override
    public boolean readsLogitsOf(Activations activation, boolean carriesLogits) {
        return kerasReadsLogits(activation, carriesLogits, Activations.SOFTMAX);
    }

    @Override
    public Loss withLogits() {
        return new CategoricalCrossentropy().fromLogits(true).labelSmoothing(labelSmoothing);
    }

    @Override
    protected String shapeHint(long[] yTrueShape, long[] yPredShape) {
        return yTrueShape.length == 1 || (yTrueShape.length == 2 && yTrueShape[1] == 1)
                ? ". For integer labels use sparse_categorical_crossentropy or Utils.toCategorical(y)" : "";
    }

    /** The target of class {@code c} after label smoothing. */
    private double target(Values t, int i, int classes) {
        double y = t.get(i);
        return labelSmoothing == 0 ? y : y * (1 - labelSmoothing) + labelSmoothing / classes;
    }

    @Override
    public double value(INDArray yTrue, INDArray yPred) {
        int samples = (int) yPred.size(0);
        int classes = (int) yPred.size(1);
        Values p = Values.of(yPred);
        Values t = Values.of(floating(yTrue, yPred));
        DataType type = yPred.dataType();
        double total = 0;
        for (int n = 0; n < samples; n++) {
            int row = n * classes;
            double sample = 0;
            if (fromLogits) {
                double lse = SoftmaxRows.logSumExp(p, row, classes);
                for (int c = 0; c < classes; c++) {
                    sample += target(t, row + c, classes) * (lse - p.get(row + c));
                }
            } else {
                double sum = rowSum(p, row, classes);
                for (int c = 0; c < classes; c++) {
                    sample -= target(t, row + c, classes) * Math.log(clip(round(p.get(row + c) / sum, type), type));
                }
            }
            total += round(sample, type);
        }
        return round(total / samples, type);
    }

    @Override
    public INDArray gradient(INDArray yTrue, INDArray yPred) {
        int samples = (int) yPred.size(0);
        int classes = (int) yPred.size(1);
        INDArray gradient = yPred.ulike();
        Values p = Values.of(yPred);
        Values t = Values.of(floating(yTrue, yPred));
        Values g = Values.of(gradient);
        DataType type = yPred.dataType();
        for (int n = 0; n < samples; n++) {
            int row = n * classes;
            if (fromLogits) {
                double targetSum = 0;
                for (int c = 0; c < classes; c++) {
                    targetSum += target(t, row + c, classes);
                }
                SoftmaxRows.into(p, g, row, classes);
                for (int c = 0; c < classes; c++) {
                    g.set(row + c, (g.get(row + c) * targetSum - target(t, row + c, classes)) / samples);
                }
                continue;
            }
            double sum = rowSum(p, row, classes);
            // g_c = d/d(q_c) of -sum(y log clip(q)) with q = p / sum(p); then back through the normalisation
            double dot = 0;
            for (int c = 0; c < classes; c++) {
                int i = row + c;
                double q = p.get(i) / sum;
                double gc = insideClip(q, type) ? -target(t, i, classes) / clip(q, type) : 0;
                g.set(i, gc);
                dot += gc * q;
            }
            for (int c = 0; c < classes; c++) {
                int i = row + c;
                g.set(i, (g.get(i) - dot) / sum / samples);
            }
        }
        return gradient;
    }

    private static double rowSum(Values p, int row, int classes) {
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += p.get(row + c);
        }
        return sum;
    }
}
