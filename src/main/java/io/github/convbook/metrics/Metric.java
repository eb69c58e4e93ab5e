package io.github.convbook.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A quality measure averaged over every sample of an epoch, as Keras's MeanMetricWrapper: each batch adds the
 * number of correct answers and the number of answers.
 */
public interface Metric {
    /** The name Keras shows in the progress line and in History, e.g. {@code accuracy}. */
    String name();

    /** {correct, counted} for one batch. */
    double[] batch(INDArray yTrue, INDArray yPred);
}
