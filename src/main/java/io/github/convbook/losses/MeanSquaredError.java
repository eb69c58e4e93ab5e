package io.github.convbook.losses;

import io.github.convbook.ops.Values;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The mean of squared differences over all values, Keras's {@code mse}. */
public class MeanSquaredError extends Loss {
    @Override
    public String name() {
        return "mse";
    }

    @Override
    public double value(INDArray yTrue, INDArray yPred) {
        Values p = Values.of(yPred);
        Values t = Values.of(floating(yTrue, yPred));
        double total = 0;
        for (int i = 0; i < p.length(); i++) {
            double d = p.get(i) - t.get(i);
            total += d * d;
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
            g.set(i, 2 * (p.get(i) - t.get(i)) / n);
        }
        return gradient;
    }
}
