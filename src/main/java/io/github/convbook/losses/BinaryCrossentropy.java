package io.github.convbook.losses;

import io.github.convbook.ops.Values;
import org.nd4j.linalg.api.ndarray.INDArray;

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
        Values p = Values.of(yPred);
        Values t = Values.of(floating(yTrue, yPred));
        double total = 0;
        for (int i = 0; i < p.length(); i++) {
            double q = clip(p.get(i));
            double y = t.get(i);
            total -= y * Math.log(q + EPSILON) + (1 - y) * Math.log(1 - q + EPSILON);
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
            double q = clip(p.get(i));
            double y = t.get(i);
            double d = -y / (q + EPSILON) + (1 - y) / (1 - q + EPSILON);
            g.set(i, insideClip(p.get(i)) ? d / n : 0);
        }
        return gradient;
    }
}
