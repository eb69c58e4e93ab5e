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

    /** Keras's {@code clip(p, EPSILON, 1 - EPSILON)} of one probability. */
    static double clip(double p) {
        return Math.max(EPSILON, Math.min(1 - EPSILON, p));
    }

    /** Where the clip cut a value its gradient is zero, as TensorFlow's clip_by_value passes none. */
    static boolean insideClip(double p) {
        return p >= EPSILON && p <= 1 - EPSILON;
    }

    /** Targets in the predictions' float type and contiguous, for element loops (labels often arrive as uint8). */
    static INDArray floating(INDArray yTrue, INDArray yPred) {
        if (yTrue.dataType() == yPred.dataType() && io.github.convbook.ops.Values.isContiguous(yTrue)) {
            return yTrue;
        }
        return yTrue.castTo(yPred.dataType()).dup('c');
    }

    @Override
    public String toString() {
        return name();
    }
}
