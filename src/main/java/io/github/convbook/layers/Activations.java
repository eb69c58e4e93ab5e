package io.github.convbook.layers;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The activation functions a layer accepts by name, as {@code keras.activations} names them. */
public enum Activations {
    LINEAR, RELU, SIGMOID, SOFTMAX, TANH, LEAKY_RELU;

    /** Slope for negative inputs of {@code leaky_relu} (tf.nn.leaky_relu's default). */
    public static final double LEAKY_RELU_ALPHA = 0.2;

    /** "relu", "sigmoid", ...; null or "linear" means no activation. */
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
    public INDArray applyInPlace(INDArray x) {
        switch (this) {
            case RELU: return Transforms.relu(x, false);
            case SIGMOID: return Transforms.sigmoid(x, false);
            case TANH: return Transforms.tanh(x, false);
            case LEAKY_RELU: return Transforms.leakyRelu(x, LEAKY_RELU_ALPHA, false);
            case SOFTMAX: return softmaxLastAxis(x);
            default: return x;
        }
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

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
