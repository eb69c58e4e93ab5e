package io.github.convbook.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A quality measure averaged over every sample of an epoch, as Keras's {@code MeanMetricWrapper}: each batch adds a
 * total (e.g. the number of correct answers) and a count (the number of answers), and the epoch's value is the sum
 * of totals over the sum of counts.
 */
public interface Metric {
    /**
     * The name Keras shows in the progress line and in History.
     *
     * @return e.g. {@code accuracy}
     */
    String name();

    /**
     * The total and count of one batch.
     *
     * @param yTrue the targets, with the batch first: {@code (None,)} labels or {@code (None, classes)}
     * @param yPred the model's outputs, {@code (None, ...)}
     * @return {@code {total, count}}, e.g. {@code {correct, counted}} for an accuracy
     */
    double[] batch(INDArray yTrue, INDArray yPred);
}
