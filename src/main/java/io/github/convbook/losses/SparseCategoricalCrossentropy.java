package io.github.convbook.losses;

import io.github.convbook.ops.Values;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Cross-entropy for integer labels against predicted probabilities (N, classes), as Keras computes it:
 * probabilities clipped to [1e-7, 1 - 1e-7], then {@code -log(p[label]) + log(sum(p))} per sample.
 */
public class SparseCategoricalCrossentropy extends Loss {
    @Override
    public String name() {
        return "sparse_categorical_crossentropy";
    }

    @Override
    public void validate(long[] yTrueShape, long[] yPredShape) {
        boolean labelsFit = yTrueShape.length == 1 || (yTrueShape.length == 2 && yTrueShape[1] == 1);
        if (yPredShape.length != 2 || !labelsFit) {
            throw new IllegalArgumentException(name() + " expects integer labels (N,) and probabilities (N, classes), got labels "
                    + Arrays.toString(yTrueShape) + " and predictions " + Arrays.toString(yPredShape)
                    + (yTrueShape.length == 2 ? ". For one-hot labels use categorical_crossentropy" : ""));
        }
    }

    /** The labels as ints, each checked to name one of the predicted classes. */
    static int[] labels(INDArray yTrue, int classes) {
        int[] y = yTrue.castTo(DataType.INT).dup().data().asInt();
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException("label " + y[i] + " of sample " + i + " is outside 0.." + (classes - 1)
                        + ": the model predicts " + classes + " classes");
            }
        }
        return y;
    }

    @Override
    public double value(INDArray yTrue, INDArray yPred) {
        int classes = (int) yPred.size(1);
        int[] y = labels(yTrue, classes);
        Values p = Values.of(yPred);
        double total = 0;
        for (int n = 0; n < y.length; n++) {
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += clip(p.get(n * classes + c));
            }
            total += Math.log(sum) - Math.log(clip(p.get(n * classes + y[n])));
        }
        return total / y.length;
    }

    @Override
    public INDArray gradient(INDArray yTrue, INDArray yPred) {
        int classes = (int) yPred.size(1);
        int[] y = labels(yTrue, classes);
        INDArray gradient = yPred.ulike();
        Values p = Values.of(yPred);
        Values g = Values.of(gradient);
        for (int n = 0; n < y.length; n++) {
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += clip(p.get(n * classes + c));
            }
            // d/dp of -log(p_y) + log(sum p): -[c == y] / p_y + 1 / sum(p), zero where the clip cut
            for (int c = 0; c < classes; c++) {
                int i = n * classes + c;
                double d = (c == y[n] ? -1 / clip(p.get(i)) : 0) + 1 / sum;
                g.set(i, insideClip(p.get(i)) ? d / y.length : 0);
            }
        }
        return gradient;
    }
}
