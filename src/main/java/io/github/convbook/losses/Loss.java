package io.github.convbook.losses;

import io.github.convbook.backend.Values;
import io.github.convbook.layers.Activations;
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
 *
 * <p>Shapes: predictions {@code (None, ...)} with the batch first, usually {@code (None, classes)}; targets as each
 * loss says. A loss has no unit of its own: cross-entropies are in nats (natural logarithms), mean squared error in
 * the targets' units squared, mean absolute error in the targets' units.
 */
public abstract class Loss {
    /** Keras's {@code backend.epsilon()}: probabilities are clipped to [EPSILON, 1 - EPSILON] before a log. */
    public static final double EPSILON = 1e-7;

    /** Whether predictions are logits (Keras's {@code from_logits}); only cross-entropies can say true. */
    protected boolean fromLogits;

    /**
     * The name Keras reports in the progress line and History.
     *
     * @return e.g. {@code sparse_categorical_crossentropy}, {@code mse}
     */
    public abstract String name();

    /**
     * Keras's {@code from_logits}: whether the predictions are logits (raw scores, before softmax or sigmoid) rather
     * than probabilities. Default false.
     *
     * @return true when this loss reads logits
     */
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
     * @return the mean loss, a scalar tensor {@code ()} of {@code yPred}'s dtype
     * @throws IllegalArgumentException when either is null or symbolic, {@code yPred} is not float or holds no sample,
     *     the shapes do not fit, or a label is not a class of the predictions
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
     * @param yTrue targets, as for {@link #apply}
     * @param yPred predictions {@code (N, ...)}, float32 or float64
     * @return one loss per sample, {@code (N,)} for {@code (N, k)} predictions, in {@code yPred}'s dtype
     * @throws IllegalArgumentException as {@link #apply}
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
            throw new IllegalArgumentException(getClass().getSimpleName() + "." + call
                    + ": yPred must be a tensor with values, got " + yPred);
        }
        if (!yPred.dtype().isFloating()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + "." + call
                    + ": yPred must be float32 or float64, got " + yPred.dtype()
                    + ". Convert it with yPred.astype(\"float32\")");
        }
        if (yPred.rank() < 1 || yPred.size() == 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + "." + call
                    + ": yPred must hold at least one sample, got shape " + yPred.shape());
        }
        INDArray p = yPred.data();
        return p.rank() == 1 ? p.reshape('c', p.length(), 1).dup('c') : p.dup('c');
    }

    private INDArray targets(Tensor yTrue, INDArray p, String call) {
        if (yTrue == null || yTrue.isSymbolic()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + "." + call
                    + ": yTrue must be a tensor with values, got " + yTrue);
        }
        validate(yTrue.shape().toArray(), p.shape());
        checkTargetValues(yTrue.data(), p.shape(), "yTrue");
        return matchRank(yTrue.data(), p.shape());
    }

    // ---------------------------------------------------------------- what the trainer uses

    /**
     * The mean loss of a batch, for the trainer; learners call {@link #apply}.
     *
     * @param yTrue the targets, already checked by {@link #validate} and with the rank {@link #matchRank} gives
     * @param yPred the predictions {@code (N, ...)}, float32 or float64, contiguous
     * @return the mean over samples, rounded to {@code yPred}'s precision
     */
    public abstract double value(INDArray yTrue, INDArray yPred);

    /**
     * The gradient of the mean loss with respect to the predictions (with {@code fromLogits}: to the logits), what
     * backpropagation starts from.
     *
     * @param yTrue the targets, as for {@link #value}
     * @param yPred the predictions {@code (N, ...)}, float32 or float64, contiguous
     * @return a new array of {@code yPred}'s shape and dtype: d(mean loss) / d(yPred)
     */
    public abstract INDArray gradient(INDArray yTrue, INDArray yPred);

    /**
     * Checks the targets fit the predictions before anything is computed; throws with both shapes. By default
     * targets must have the predictions' shape, or be {@code (N,)} for an {@code (N, 1)} output (Keras expands them).
     *
     * @param yTrueShape the targets' shape, e.g. {@code (32,)} as {@code {32}}
     * @param yPredShape the predictions' shape, e.g. {@code (32, 1)}
     * @throws IllegalArgumentException naming both shapes and, where it is sure, the fix
     */
    public void validate(long[] yTrueShape, long[] yPredShape) {
        if (Arrays.equals(yTrueShape, yPredShape) || isColumnOf(yTrueShape, yPredShape)) {
            return;
        }
        throw new IllegalArgumentException(name() + " expects targets of the predictions' shape "
                + Shape.of(yPredShape) + ", got " + Shape.of(yTrueShape) + shapeHint(yTrueShape, yPredShape));
    }

    /** Rank-1 targets {@code (N,)} against predictions {@code (N, 1)}. */
    static boolean isColumnOf(long[] yTrueShape, long[] yPredShape) {
        return yTrueShape.length == 1 && yPredShape.length == 2 && yPredShape[1] == 1 && yTrueShape[0] == yPredShape[0];
    }

    /**
     * A fix to suggest when the targets' shape is wrong; none by default.
     *
     * @param yTrueShape the targets' shape
     * @param yPredShape the predictions' shape
     * @return text appended to the error message, starting with ". ", or empty
     */
    protected String shapeHint(long[] yTrueShape, long[] yPredShape) {
        return "";
    }

    /**
     * Checks the target values themselves over the whole array the user passed, so an error can name the position
     * in it (a label that is not a class); nothing to check by default.
     *
     * @param yTrue the targets as the user passed them, any numeric dtype
     * @param yPredShape the predictions' shape, e.g. {@code (None, 10)}: its last size is the number of classes
     * @param what how the user's array is called in messages, e.g. {@code "y"} or {@code "validationData y"}
     * @throws IllegalArgumentException naming the first bad position and value
     */
    public void checkTargetValues(INDArray yTrue, long[] yPredShape, String what) {
    }

    /**
     * Keras's {@code match_dtype_and_rank}: rank-1 targets of a rank-2 output get a trailing axis, {@code (N,)}
     * becomes {@code (N, 1)}. Returns the targets unchanged otherwise.
     *
     * @param yTrue the targets
     * @param yPredShape the predictions' shape
     * @return {@code yTrue} reshaped to {@code (N, 1)} (a view), or {@code yTrue} itself
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
     *
     * @param activation the output layer's activation
     * @param carriesLogits whether that activation is Keras's softmax or sigmoid function, whose result keeps its
     *     logits
     * @return true when the trainer should feed this loss the logits (through {@link #withLogits()})
     */
    public boolean readsLogitsOf(Activations activation, boolean carriesLogits) {
        return false;
    }

    /**
     * A copy of this loss that takes logits ({@code fromLogits = true}), with its other settings; only for
     * cross-entropies.
     *
     * @return a new loss
     * @throws UnsupportedOperationException for a loss without a from-logits form (mse, mae)
     */
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

    /**
     * The loss's Keras name, as {@link #name()}.
     *
     * @return e.g. {@code binary_crossentropy}
     */
    @Override
    public String toString() {
        return name();
    }
}
