package io.github.convbook.losses;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Cross-entropy of independent yes/no probabilities (a sigmoid output, or every pixel of an autoencoder's
 * image), as Keras computes it: clipped to [1e-7, 1 - 1e-7], then
 * {@code -(y log(p + 1e-7) + (1 - y) log(1 - p + 1e-7))}, averaged over all values.
 */
public class BinaryCrossentropy extends Loss {
    @Override
    public String name() {
        return "binary_crossentropy";
    }


    @Override
    public double value(INDArray yTrue, INDArray yPred) {
        INDArray p = clip(yPred);
        INDArray positive = Transforms.log(p.add(EPSILON), false).muli(yTrue);
        INDArray negative = Transforms.log(p.rsub(1 + EPSILON), false).muli(yTrue.rsub(1));
        return -positive.addi(negative).meanNumber().doubleValue();
    }

    @Override
    public INDArray gradient(INDArray yTrue, INDArray yPred) {
        INDArray p = clip(yPred);
        INDArray positive = yTrue.div(p.add(EPSILON));
        INDArray negative = yTrue.rsub(1).divi(p.rsub(1 + EPSILON));
        return negative.subi(positive).muli(insideClip(yPred)).divi(yPred.length());
    }
}
