package io.github.convbook.layers;

import io.github.convbook.backend.ReluGradient;
import io.github.convbook.backend.Values;
import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The activation functions a layer accepts by name, as {@code keras.activations} names them. */
public enum Activations {
    /** {@code "linear"} (Keras's {@code None}): {@code f(x) = x}, no activation. */
    LINEAR,
    /** {@code "relu"}: {@code max(x, 0)}. */
    RELU,
    /** {@code "sigmoid"}: {@code 1 / (1 + exp(-x))}, values in (0, 1); one probability per output. */
    SIGMOID,
    /** {@code "softmax"}: {@code exp(x) / sum(exp(x))} over the last axis; each row sums to 1 (class probabilities). */
    SOFTMAX,
    /** {@code "tanh"}: the hyperbolic tangent, values in (-1, 1). */
    TANH,
    /** {@code "leaky_relu"}: {@code x} above 0, {@code 0.2 * x} below ({@link #LEAKY_RELU_ALPHA}). */
    LEAKY_RELU;

    /** Slope for negative inputs of {@code leaky_relu} (tf.nn.leaky_relu's default). */
    public static final double LEAKY_RELU_ALPHA = 0.2;

    /**
     * The function Keras names {@code name}, as {@code activation="relu"} takes it.
     *
     * @param name "linear", "relu", "sigmoid", "softmax", "tanh" or "leaky_relu", in any case; null means linear
     *             (Keras's {@code activation=None})
     * @return the function
     * @throws IllegalArgumentException for any other name
     */
    public static Activations of(String name) {
        if (name == null) {
            return LINEAR;
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        for (Activations a : values()) {
            if (a.toString().equals(key)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown activation '" + name + "': expected one of "
                + Arrays.stream(values()).map(Activations::toString).toList());
    }

    /** Applies the function to {@code x}, overwriting it (callers pass arrays they own). */
    INDArray applyInPlace(INDArray x) {
        switch (this) {
            case RELU: return Transforms.relu(x, false);
            case SIGMOID: return Transforms.sigmoid(x, false);
            case TANH: return Transforms.tanh(x, false);
            case LEAKY_RELU: return Transforms.leakyRelu(x, LEAKY_RELU_ALPHA, false);
            case SOFTMAX: return softmaxLastAxis(x);
            default: return x;
        }
    }

    /**
     * Turns the gradient with respect to the activation's output into the gradient with respect to its input,
     * overwriting {@code gradient} (both arrays contiguous). Uses the output {@code y}, which every function here can
     * be differentiated from: relu's slope is 1 where y > 0, sigmoid's y (1 - y), tanh's 1 - y^2.
     */
    INDArray backwardInPlace(INDArray y, INDArray gradient) {
        if (this == LINEAR) {
            return gradient;
        }
        if (this == SOFTMAX) {
            return softmaxBackward(y, gradient);
        }
        if (this == RELU && ReluGradient.applies(y, gradient)) {
            ReluGradient.zeroWhereOff(y, gradient);
            return gradient;
        }
        // one pass over both arrays: cheaper than building masks and products with separate ND4J ops
        Values out = Values.of(y);
        Values grad = Values.of(gradient);
        int n = out.length();
        switch (this) {
            case RELU:
                for (int i = 0; i < n; i++) {
                    if (out.get(i) <= 0) {
                        grad.set(i, 0);
                    }
                }
                break;
            case LEAKY_RELU:
                for (int i = 0; i < n; i++) {
                    if (out.get(i) <= 0) {
                        grad.set(i, grad.get(i) * LEAKY_RELU_ALPHA);
                    }
                }
                break;
            case SIGMOID:
                for (int i = 0; i < n; i++) {
                    double v = out.get(i);
                    grad.set(i, grad.get(i) * v * (1 - v));
                }
                break;
            default:   // TANH
                for (int i = 0; i < n; i++) {
                    double v = out.get(i);
                    grad.set(i, grad.get(i) * (1 - v * v));
                }
        }
        return gradient;
    }

    /** Softmax's Jacobian-vector product per row: {@code y * (g - sum(g * y))}. */
    private static INDArray softmaxBackward(INDArray y, INDArray gradient) {
        long classes = y.size(y.rank() - 1);
        INDArray yRows = y.reshape('c', -1, classes);
        INDArray gRows = gradient.reshape('c', -1, classes);
        INDArray dot = gRows.mul(yRows).sum(1).reshape(-1, 1);
        gRows.subiColumnVector(dot).muli(yRows);
        return gRows.reshape('c', y.shape());
    }

    /** Softmax over the last axis, shifted by the row maximum so large logits do not overflow. */
    private static INDArray softmaxLastAxis(INDArray x) {
        long classes = x.size(x.rank() - 1);
        INDArray rows = x.reshape('c', -1, classes);
        rows.subiColumnVector(rows.max(1).reshape(-1, 1));
        Transforms.exp(rows, false);
        rows.diviColumnVector(rows.sum(1).reshape(-1, 1));
        return rows.reshape('c', x.shape());
    }

    /**
     * Keras's name of the function.
     *
     * @return e.g. {@code "relu"}, {@code "leaky_relu"}
     */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
