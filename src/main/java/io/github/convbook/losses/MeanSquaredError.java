package io.github.convbook.losses;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The mean of squared differences over all values, Keras's {@code mse}. */
public class MeanSquaredError extends Loss {
    @Override
    public String name() {
        return "mse";
    }


    @Override
    public double value(INDArray yTrue, INDArray yPred) {
        INDArray diff = yPred.sub(yTrue);
        return diff.muli(diff).meanNumber().doubleValue();
    }

    @Override
    public INDArray gradient(INDArray yTrue, INDArray yPred) {
        return yPred.sub(yTrue).muli(2.0 / yPred.length());
    }
}
