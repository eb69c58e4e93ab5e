package io.github.convbook.losses;

import io.github.convbook.backend.Values;
import io.github.convbook.layers.Activations;
import io.github.convbook.tensor.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Cross-entropy for integer labels, Keras's {@code SparseCategoricalCrossentropy(from_logits=False)} and
 * {@code "sparse_categorical_crossentropy"}. Labels {@code (N,)} or {@code (N, 1)}, any number type (floats are
 * truncated toward zero, as Keras casts them to int64); predictions {@code (N, classes)}.
 * <ul>
 *   <li>From logits z: {@code logsumexp(z) - z[label]} per sample; its gradient is
 *       {@code softmax(z) - onehot(label)}.
 *   <li>From probabilities p: clipped to [1e-7, 1 - 1e-7], then {@code -log(p[label]) + log(sum(p))}; where the clip
 *       cut a probability its gradient is zero, which is why Keras, and ConvBook's trainer, use the logits whenever a
 *       model ends in softmax.
 * </ul>
 */
public class SparseCategoricalCrossentropy extends Loss {
    @Override
    public String name() {
        return "sparse_categorical_crossentropy";
    }

    /**
     * Keras's {@code from_logits} (default false): whether the predictions are logits (raw scores, before
     * the softmax) rather than probabilities. Logits are the numerically safer choice.
     *
     * @param fromLogits true for logits
     * @return this loss, for chaining: {@code new SparseCategoricalCrossentropy().fromLogits(true)}
     */
    public SparseCategoricalCrossentropy fromLogits(boolean fromLogits) {
        this.fromLogits = fromLogits;
        return this;
    }

    @Override
    public boolean readsLogitsOf(Activations activation, boolean carriesLogits) {
        return kerasReadsLogits(activation, carriesLogits, Activations.SOFTMAX);
    }

    @Override
    public Loss withLogits() {
        return new SparseCategoricalCrossentropy().fromLogits(true);
    }

    /**
     * Checks that the labels fit the predictions: labels {@code (N,)} or {@code (N, 1)}, predictions
     * {@code (N, classes)}, the same {@code N}.
     *
     * @param yTrueShape the labels' shape
     * @param yPredShape the predictions' shape
     * @throws IllegalArgumentException naming both shapes (and, for one-hot labels, categorical_crossentropy)
     */
    @Override
    public void validate(long[] yTrueShape, long[] yPredShape) {
        boolean labelsFit = yTrueShape.length == 1 || (yTrueShape.length == 2 && yTrueShape[1] == 1);
        if (yPredShape.length != 2 || !labelsFit) {
            throw new IllegalArgumentException(name()
                    + " expects integer labels (N,) and probabilities (N, classes), got labels "
                    + Shape.of(yTrueShape) + " and predictions " + Shape.of(yPredShape)
                    + (yTrueShape.length == 2 && yTrueShape[1] == yPredShape[yPredShape.length - 1]
                    ? ". For one-hot labels use categorical_crossentropy" : ""));
        }
        if (yTrueShape[0] != yPredShape[0]) {
            throw new IllegalArgumentException(name() + ": " + yTrueShape[0] + " labels for " + yPredShape[0]
                    + " predictions");
        }
    }

    /**
     * Every label must name a class: an integer from 0 to classes - 1 once truncated; NaN is refused.
     *
     * @param yTrue the labels as the user passed them, any numeric dtype
     * @param yPredShape the predictions' shape {@code (None, classes)}
     * @param what how the user's array is called in messages, e.g. {@code "y"}
     * @throws IllegalArgumentException naming the first label that is not a class, and its position
     */
    @Override
    public void checkTargetValues(INDArray yTrue, long[] yPredShape, String what) {
        long classes = yPredShape[yPredShape.length - 1];
        INDArray flat = yTrue.reshape(yTrue.length());
        boolean integral = !yTrue.dataType().isFPType();
        double[] values = flat.castTo(DataType.DOUBLE).toDoubleVector();
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            long label = (long) v;   // Keras casts labels to int64: toward zero
            if (Double.isNaN(v) || label < 0 || label >= classes) {
                throw new IllegalArgumentException(name() + ": " + what + "[" + i + "] = "
                        + (integral ? Long.toString(label) : Double.toString(v))
                        + " is not a class of this model: labels must be integers from 0 to " + (classes - 1)
                        + " (the model's output has " + classes + " classes)");
            }
        }
    }

    /** The labels as ints (truncated toward zero, as Keras's cast to int64), each checked to name a class. */
    static int[] labels(INDArray yTrue, int classes) {
        double[] values = yTrue.reshape(yTrue.length()).castTo(DataType.DOUBLE).toDoubleVector();
        int[] y = new int[values.length];
        for (int i = 0; i < y.length; i++) {
            long label = (long) values[i];
            if (Double.isNaN(values[i]) || label < 0 || label >= classes) {
                throw new IllegalArgumentException("sparse_categorical_crossentropy: label " + values[i]
                        + " of sample " + i + " is outside 0.." + (classes - 1) + ": the model predicts " + classes
                        + " classes");
            }
            y[i] = (int) label;
        }
        return y;
    }

    @Override
    public double value(INDArray yTrue, INDArray yPred) {
        int classes = (int) yPred.size(1);
        int[] y = labels(yTrue, classes);
        Values p = Values.of(yPred);
        DataType type = yPred.dataType();
        double total = 0;
        for (int n = 0; n < y.length; n++) {
            int row = n * classes;
            if (fromLogits) {
                total += round(SoftmaxRows.logSumExp(p, row, classes) - p.get(row + y[n]), type);
            } else {
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    sum += clip(p.get(row + c), type);
                }
                total += round(Math.log(round(sum, type)) - Math.log(clip(p.get(row + y[n]), type)), type);
            }
        }
        return round(total / y.length, type);
    }

    @Override
    public INDArray gradient(INDArray yTrue, INDArray yPred) {
        int classes = (int) yPred.size(1);
        int[] y = labels(yTrue, classes);
        INDArray gradient = yPred.ulike();
        Values p = Values.of(yPred);
        Values g = Values.of(gradient);
        DataType type = yPred.dataType();
        for (int n = 0; n < y.length; n++) {
            int row = n * classes;
            if (fromLogits) {
                SoftmaxRows.into(p, g, row, classes);   // d/dz of logsumexp(z) - z_y is softmax(z) - onehot(y)
                g.set(row + y[n], g.get(row + y[n]) - 1);
                for (int c = 0; c < classes; c++) {
                    g.set(row + c, g.get(row + c) / y.length);
                }
                continue;
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += clip(p.get(row + c), type);
            }
            // d/dp of -log(p_y) + log(sum p): -[c == y] / p_y + 1 / sum(p), zero where the clip cut
            for (int c = 0; c < classes; c++) {
                int i = row + c;
                double d = (c == y[n] ? -1 / clip(p.get(i), type) : 0) + 1 / sum;
                g.set(i, insideClip(p.get(i), type) ? d / y.length : 0);
            }
        }
        return gradient;
    }
}
