package io.github.convbook.metrics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An accuracy under the name the user asked for ("accuracy" stays "accuracy" in the progress line and History,
 * as in Keras), of one of the three kinds Keras picks between: {@code SparseCategoricalAccuracy},
 * {@code CategoricalAccuracy} and {@code BinaryAccuracy}. Its value is the fraction of samples judged right, from 0
 * to 1.
 *
 * @param name the name shown in the progress line and History, e.g. {@code accuracy}
 * @param kind how a prediction is judged right
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

    /**
     * Counts the right predictions of one batch. Shapes by kind: sparse, labels {@code (None,)} or {@code (None, 1)}
     * against {@code (None, classes)}; categorical, one-hot {@code (None, classes)} against {@code (None, classes)};
     * binary, 0/1 targets against probabilities of the same shape, e.g. {@code (None, 1)}.
     *
     * @param yTrue the targets, any numeric dtype
     * @param yPred the model's outputs (probabilities or scores; only their order matters, except for binary, which
     *     cuts at 0.5)
     * @return {@code {right, counted}}: the number of right predictions and the number judged
     */
    @Override
    public double[] batch(INDArray yTrue, INDArray yPred) {
        INDArray hits = switch (kind) {
            case SPARSE_CATEGORICAL -> Nd4j.argMax(yPred, 1).castTo(DataType.DOUBLE)
                    .eq(yTrue.reshape(-1).castTo(DataType.DOUBLE));
            case CATEGORICAL -> Nd4j.argMax(yPred, 1).eq(Nd4j.argMax(yTrue, 1));
            case BINARY -> yPred.gt(0.5).castTo(DataType.DOUBLE).eq(yTrue.castTo(DataType.DOUBLE));
        };
        return new double[] {hits.castTo(DataType.DOUBLE).sumNumber().doubleValue(), hits.length()};
    }
}
