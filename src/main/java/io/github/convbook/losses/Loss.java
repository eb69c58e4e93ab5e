package io.github.convbook.losses;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A training objective, as Keras's losses: its value on a batch is the mean over samples (Keras's
 * SUM_OVER_BATCH_SIZE reduction), and its gradient is taken with respect to the model's output.
 */
public abstract class Loss {
    /** Keras's {@code backend.epsilon()}: probabilities are clipped to [EPSILON, 1 - EPSILON] before a log. */
    public static final double EPSILON = 1e-7;

    /** The name Keras reports, e.g. {@code sparse_categorical_crossentropy}. */
    public abstract String name();

    /** The mean loss of a batch. */
    public abstract double value(INDArray yTrue, INDArray yPred);

    /** d(mean loss) / d(yPred), the same shape as {@code yPred}. */
    public abstract INDArray gradient(INDArray yTrue, INDArray yPred);

    /**
     * Checks the targets fit the predictions before anything is computed; throws with both shapes. By default
     * targets must have the predictions' shape.
     */
    public void validate(long[] yTrueShape, long[] yPredShape) {
        if (!java.util.Arrays.equals(yTrueShape, yPredShape)) {
            throw new IllegalArgumentException(name() + " expects targets of the predictions' shape "
                    + java.util.Arrays.toString(yPredShape) + ", got " + java.util.Arrays.toString(yTrueShape) + shapeHint(yTrueShape));
        }
    }

    /** A fix to suggest when the targets' shape is wrong; none by default. */
    protected String shapeHint(long[] yTrueShape) {
        return "";
    }

    /** 1 where {@code clip} left a value unchanged, 0 where it cut it (there the gradient is zero, as in TensorFlow). */
    static INDArray insideClip(INDArray p) {
        return p.gte(EPSILON).castTo(p.dataType()).muli(p.lte(1 - EPSILON).castTo(p.dataType()));
    }

    static INDArray clip(INDArray p) {
        return org.nd4j.linalg.ops.transforms.Transforms.max(
                org.nd4j.linalg.ops.transforms.Transforms.min(p, 1 - EPSILON, true), EPSILON, false);
    }

    @Override
    public String toString() {
        return name();
    }
}
