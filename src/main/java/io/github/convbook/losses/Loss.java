package io.github.convbook.losses;

import io.github.convbook.layers.Activations;
import io.github.convbook.backend.Values;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A training objective, as Keras's {@code keras.losses.Loss}: {@code loss.apply(yTrue, yPred)} is Python's
 * {@code loss(y_true, y_pred)}, the mean over samples (Keras's SUM_OVER_BATCH_SIZE reduction), and
 * {@code loss.call(yTrue, yPred)} gives one value per sample. {@code compile} takes a loss object or its name.
 *
 * <p>Values are computed in the predictions' precision where Keras computes in it: for float32 predictions the clip
 * bounds are float32's {@code 1e-7} and {@code 1 - 1e-7} (which rounds to 0.99999988) and every per-value term is
 * rounded to float32; sums are kept in double, so a mean can differ from TensorFlow's float32 sum in the last digit.
 */
public abstract class Loss {
    /** Keras's {@code backend.epsilon()}: probabilities are clipped to [EPSILON, 1 - EPSILON] before a log. */
    public static final double EPSILON = 1e-7;

    /** Whether predictions are logits (Keras's {@code from_logits}); only cross-entropies can say true. */
    protected boolean fromLogits;

    /** The name Keras reports, e.g. {@code sparse_categorical_crossentropy}. */
    public abstract String name();

    /** Keras's {@code from_logits}: true when the predictions are logits rather than probabilities. */
    public boolean fromLogits() {
        return fromLogits;
    }

    // ---------------------------------------------------------------- Keras's calls, on tensors

    /**
     * The mean loss, as Python's {@code loss(y_true, y_pred)}: a scalar tensor of shape {@code ()} in the
     * predictions' float dtype.
     *
     * @param yTrue targets: the predictions' shape, or {@code (N,)} for an {@code (N, 1)} output; integer labels
     *              {@code (N,)} for {@link SparseCategoricalCrossentropy}
     * @param yPred predictions {@code (N, ...)}, float32 or float64 (probabilities, or logits with {@code fromLogits})
     * @throws IllegalArgumentException when the shapes do not fit, or a label is not a class of the predictions
     */
    public Tensor apply(Tensor yTrue, Tensor yPred) {
        INDArray p = predictions(yPred, "apply");
        INDArray y = targets(yTrue, p, "apply");
        double value = value(y, p);
        return Tensor.wrap(Nd4j.scalar(p.dataType(), p.dataType() == DataType.FLOAT ? (float) value : value));
    }

    /**
     * The loss of every sample, as Keras's {@code loss.call(y_true, y_pred)}: the predictions' shape without its last
     * axis, e.g. {@code (N,)} for {@code (N, k)} predictions (element-wise losses average over the last axis).
     *
     * @throws IllegalArgumentException when the shapes do not fit, or a label is not a class of the predictions
     */
    public Tensor call(Tensor yTrue, Tensor yPred) {
        INDArray p = predictions(yPred, "call");
        INDArray y = targets(yTrue, p, "call");
        long last = p.size(p.rank() - 1);
        INDArray pRows = p.reshape('c', -1, last);
        INDArray yRows = y.reshape('c', pRows.size(0), -1);
        double[] each = new double[Math.toIntExact(pRows.size(0))];
        for (int n = 0; n < each.length; n++) {
            each[n] = value(row(yRows, n), row(pRows, n));
        }
        long[] shape = Arrays.copyOf(p.shape(), p.rank() - 1);
        return Tensor.wrap(Nd4j.createFromArray(each).castTo(p.dataType()).reshape('c', shape));
    }

    private static INDArray row(INDArray rows, int n) {
        return rows.getRow(n).reshape('c', 1, rows.size(1)).dup('c');
    }

    private INDArray predictions(Tensor yPred, String call) {
        if (yPred == null || yPred.isSymbolic()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + "." + call + ": yPred must be a tensor with values, got "
                    + yPred);
        }
        if (!yPred.dtype().isFloating()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + "." + call + ": yPred must be float32 or float64, got "
                    + yPred.dtype() + ". Convert it with yPred.astype(\"float32\")");
        }
        if (yPred.rank() < 1 || yPred.size() == 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + "." + call + ": yPred must hold at least one sample, got shape "
                    + yPred.shape());
        }
        INDArray p = yPred.data();
        return p.rank() == 1 ? p.reshape('c', p.length(), 1).dup('c') : p.dup('c');
    }

    private INDArray targets(Tensor yTrue, INDArray p, String call) {
        if (yTrue == null || yTrue.isSymbolic()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + "." + call + ": yTrue must be a tensor with values, got "
                    + yTrue);
        }
        validate(yTrue.shape().toArray(), p.shape());
        checkTargetValues(yTrue.data(), p.shape(), "yTrue");
        return matchRank(yTrue.data(), p.shape());
    }

    // ---------------------------------------------------------------- what the trainer uses

    /** The mean loss of a batch; {@code yTrue} already has the rank {@link #matchRank} gives. */
    public abstract double value(INDArray yTrue, INDArray yPred);

    /** d(mean loss) / d(yPred), the same shape as {@code yPred} (with {@code fromLogits}: with respect to the logits). */
    public abstract INDArray gradient(INDArray yTrue, INDArray yPred);

    /**
     * Checks the targets fit the predictions before anything is computed; throws with both shapes. By default
     * targets must have the predictions' shape, or be {@code (N,)} for an {@code (N, 1)} output (Keras expands them).
     *
     * @throws IllegalArgumentException naming both shapes and, where it is sure, the fix
     */
    public void validate(long[] yTrueShape, long[] yPredShape) {
        if (Arrays.equals(yTrueShape, yPredShape) || isColumnOf(yTrueShape, yPredShape)) {
            return;
        }
        throw new IllegalArgumentException(name() + " expects targets of the predictions' shape " + Shape.of(yPredShape)
                + ", got " + Shape.of(yTrueShape) + shapeHint(yTrueShape, yPredShape));
    }

    /** Rank-1 targets {@code (N,)} against predictions {@code (N, 1)}. */
    static boolean isColumnOf(long[] yTrueShape, long[] yPredShape) {
        return yTrueShape.length == 1 && yPredShape.length == 2 && yPredShape[1] == 1 && yTrueShape[0] == yPredShape[0];
    }

    /** A fix to suggest when the targets' shape is wrong; none by default. */
    protected String shapeHint(long[] yTrueShape, long[] yPredShape) {
        return "";
    }

    /**
     * Checks the target values themselves over the whole array the user passed, so an error can name the position
     * in it (a label that is not a class); nothing to check by default.
     *
     * @param what how the user's array is called in messages, e.g. {@code "y"} or {@code "validationData y"}
     * @throws IllegalArgumentException naming the first bad position and value
     */
    public void checkTargetValues(INDArray yTrue, long[] yPredShape, String what) {
    }

    /**
     * Keras's {@code match_dtype_and_rank}: rank-1 targets of a rank-2 output get a trailing axis, {@code (N,)}
     * becomes {@code (N, 1)}. Returns the targets unchanged otherwise.
     */
    public static INDArray matchRank(INDArray yTrue, long[] yPredShape) {
        return yTrue.rank() == 1 && yPredShape.length == 2 ? yTrue.reshape('c', yTrue.length(), 1) : yTrue;
    }

    // ---------------------------------------------------------------- logits, as Keras decides

    /**
     * Whether this loss reads the logits of an output layer that ends in {@code activation}, as Keras 2.x's
     * {@code backend._get_logits} decides: a cross-entropy takes the logits that Keras's softmax and sigmoid
     * activation functions attach to their result ({@code carriesLogits}), or those of an operation of its own kind
     * (softmax for the categorical ones, sigmoid for the binary one). Not for other losses.
     */
    public boolean readsLogitsOf(Activations activation, boolean carriesLogits) {
        return false;
    }

    /** A copy of this loss that takes logits ({@code fromLogits = true}); only for cross-entropies. */
    public Loss withLogits() {
        throw new UnsupportedOperationException(name() + " has no from-logits form");
    }

    /** Keras's rule behind {@link #readsLogitsOf}: {@code ownKind} is the activation whose operation it recognises. */
    static boolean kerasReadsLogits(Activations activation, boolean carriesLogits, Activations ownKind) {
        boolean squashing = activation == Activations.SOFTMAX || activation == Activations.SIGMOID;
        return squashing && (carriesLogits || activation == ownKind);
    }

    // ---------------------------------------------------------------- shared arithmetic

    /** Keras's {@code clip(p, EPSILON, 1 - EPSILON)} of one probability, with the bounds in the given precision. */
    static double clip(double p, DataType type) {
        double low = round(EPSILON, type);
        double high = round(1 - low, type);
        return Math.max(low, Math.min(high, p));
    }

    /** Where the clip cut a value its gradient is zero, as TensorFlow's clip_by_value passes none. */
    static boolean insideClip(double p, DataType type) {
        return p >= round(EPSILON, type) && p <= round(1 - round(EPSILON, type), type);
    }

    /** A value as the predictions' precision holds it: float32 predictions round every intermediate to float. */
    static double round(double value, DataType type) {
        return type == DataType.FLOAT ? (double) (float) value : value;
    }

    /** Targets in the predictions' float type and contiguous, for element loops (labels often arrive as uint8). */
    static INDArray floating(INDArray yTrue, INDArray yPred) {
        if (yTrue.dataType() == yPred.dataType() && Values.isContiguous(yTrue)) {
            return yTrue;
        }
        return yTrue.castTo(yPred.dataType()).dup('c');
    }

    @Override
    public String toString() {
        return name();
    }
}
