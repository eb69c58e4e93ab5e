package io.github.convbook.losses;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Cross-entropy for one-hot targets (N, classes), as Keras computes it from probabilities: normalised to sum 1,
 * clipped to [1e-7, 1 - 1e-7], then {@code -sum(y * log(p))}.
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
        INDArray normalised = yPred.divColumnVector(yPred.sum(1).reshape(-1, 1));
        INDArray logP = Transforms.log(clip(normalised), false);
        return logP.muli(yTrue).sum(1).negi().meanNumber().doubleValue();
    }

    @Override
    public INDArray gradient(INDArray yTrue, INDArray yPred) {
        long n = yPred.size(0);
        INDArray sum = yPred.sum(1).reshape(-1, 1);
        INDArray normalised = yPred.divColumnVector(sum);
        // g = d/d(normalised) of -sum(y log clip(normalised)); then back through p / sum(p)
        INDArray g = yTrue.div(clip(normalised)).negi().muli(insideClip(normalised));
        INDArray dot = g.mul(normalised).sum(1).reshape(-1, 1);
        return g.subiColumnVector(dot).diviColumnVector(sum).divi(n);
    }
}
