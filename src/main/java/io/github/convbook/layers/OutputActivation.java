package io.github.convbook.layers;

import io.github.convbook.backend.Scratch;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The activation at the end of a layer ({@code Dense(10, activation="softmax")}), with what its backward pass
 * needs: the activated output, and on request a copy of the logits (the values before the activation), which
 * cross-entropy uses as Keras does.
 */
final class OutputActivation {
    private Activations activation = Activations.LINEAR;
    private boolean keepLogits;
    private INDArray logits;    // copy of the pre-activation values of the last call, when kept
    private INDArray output;    // activated output of the last training call
    private final Scratch scratch = new Scratch();

    Activations get() {
        return activation;
    }

    void set(Activations activation) {
        this.activation = activation;
    }

    void keepLogits(boolean keep) {
        this.keepLogits = keep;
    }

    /** Applies the activation to {@code z} in place, first copying the logits when asked to keep them. */
    INDArray forward(INDArray z, boolean training) {
        if (keepLogits) {
            logits = scratch.get("logits", z.dataType(), z.shape()).assign(z);
        }
        INDArray out = activation.applyInPlace(z);
        if (training) {
            output = out;
        }
        return out;
    }

    INDArray logits(String layer) {
        if (logits == null) {
            throw new IllegalStateException(layer + " kept no logits: call keepLogits(true) before the forward pass");
        }
        return logits;
    }

    /** The gradient with respect to the logits from the one with respect to the activated output (overwritten). */
    INDArray backward(INDArray outputGradient) {
        return activation.backwardInPlace(output, outputGradient);
    }
}
