package io.github.convbook.losses;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Cross-entropy for integer labels against predicted probabilities (N, classes), as Keras computes it:
 * probabilities clipped to [1e-7, 1 - 1e-7], then {@code -log(p[label]) + log(sum(p))}.
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

    /** The labels as a one-hot matrix of the predictions' shape and type; out-of-range labels are an error. */
    static INDArray oneHot(INDArray labels, INDArray yPred) {
        int classes = (int) yPred.size(1);
        int[] y = labels.castTo(org.nd4j.linalg.api.buffer.DataType.INT).dup().data().asInt();
        float[] hot = new float[y.length * classes];
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException("label " + y[i] + " of sample " + i + " is outside 0.." + (classes - 1)
                        + ": the model predicts " + classes + " classes");
            }
            hot[i * classes + y[i]] = 1f;
        }
        return Nd4j.create(hot, new long[] {y.length, classes}, 'c').castTo(yPred.dataType());
    }

    @Override
    public double value(INDArray yTrue, INDArray yPred) {
        INDArray p = clip(yPred);
        INDArray picked = p.mul(oneHot(yTrue, yPred)).sum(1);
        INDArray perSample = Transforms.log(p.sum(1), false).subi(Transforms.log(picked, false));
        return perSample.meanNumber().doubleValue();
    }

    @Override
    public INDArray gradient(INDArray yTrue, INDArray yPred) {
        long n = yPred.size(0);
        INDArray p = clip(yPred);
        INDArray hot = oneHot(yTrue, yPred);
        // d/dp of -log(p_y) + log(sum p) = -onehot / p_y + 1 / sum(p), zero where the clip cut
        INDArray grad = hot.divi(p).negi().addiColumnVector(p.sum(1).rdivi(1).reshape(-1, 1));
        return grad.muli(insideClip(yPred)).divi(n);
    }
}
