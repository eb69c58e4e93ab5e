package io.github.convbook.metrics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An accuracy under the name the user asked for ("accuracy" stays "accuracy" in the progress line and History,
 * as in Keras), of one of the three kinds Keras picks between.
 */
public record Accuracy(String name, Kind kind) implements Metric {

    /** How a prediction is judged right. */
    public enum Kind {
        /** Integer labels against probabilities: the most probable class is the label. */
        SPARSE_CATEGORICAL,
        /** One-hot targets against probabilities: the most probable class is the hot one. */
        CATEGORICAL,
        /** Yes/no targets against probabilities: the prediction, cut at 0.5, equals the target. */
        BINARY
    }

    @Override
    public double[] batch(INDArray yTrue, INDArray yPred) {
        INDArray hits = switch (kind) {
            case SPARSE_CATEGORICAL -> Nd4j.argMax(yPred, 1).castTo(DataType.DOUBLE).eq(yTrue.reshape(-1).castTo(DataType.DOUBLE));
            case CATEGORICAL -> Nd4j.argMax(yPred, 1).eq(Nd4j.argMax(yTrue, 1));
            case BINARY -> yPred.gt(0.5).castTo(DataType.DOUBLE).eq(yTrue.castTo(DataType.DOUBLE));
        };
        return new double[] {hits.castTo(DataType.DOUBLE).sumNumber().doubleValue(), hits.length()};
    }
}
