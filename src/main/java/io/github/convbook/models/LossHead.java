package io.github.convbook.models;

import io.github.convbook.layers.Layer;
import io.github.convbook.losses.Loss;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where the loss meets the model, decided once at {@code compile} as Keras decides it: when the last layer ends in
 * softmax or sigmoid and the loss is a cross-entropy, the loss is computed from that layer's logits and its gradient
 * ({@code softmax(z) - y}) enters the layer below the activation. A saturated network then still learns, where the
 * clipped probability formula would pass a zero gradient. Otherwise the loss reads the model's output.
 */
final class LossHead {
    private final Loss loss;      // as computed: the from-logits twin of the user's loss when fused
    private final Layer last;
    private final boolean fused;

    private LossHead(Loss loss, Layer last, boolean fused) {
        this.loss = loss;
        this.last = last;
        this.fused = fused;
    }

    static LossHead of(Loss userLoss, Layer last) {
        boolean fused = userLoss.readsLogitsOf(last.outputActivation(), last.outputCarriesLogits());
        if (fused && userLoss.fromLogits()) {
            // Keras's own warning: the output is probabilities, so the flag is ignored and the logits are used
            System.err.println("\"`" + userLoss.name() + "` received `from_logits=True`, but the `output` argument"
                    + " was produced by a " + last.outputActivation()
                    + " activation and thus does not represent logits. Was this intended?\"");
        }
        last.engine().keepLogits(fused);
        return new LossHead(fused ? userLoss.withLogits() : userLoss, last, fused);
    }

    /** The loss as the user configured it (for validation and messages). */
    Loss loss() {
        return loss;
    }

    /** True when the loss reads the last layer's logits. */
    boolean fused() {
        return fused;
    }

    /** The mean loss of the batch whose forward pass produced {@code output}. */
    double value(INDArray yTrue, INDArray output) {
        return loss.value(yTrue, fused ? last.engine().lastLogits() : output);
    }

    /**
     * Back-propagates the loss of the last training forward pass through every layer, last to first.
     *
     * @param inputGradient whether the first layer computes the gradient with respect to the model's input too
     * @return that gradient (in a buffer the next pass reuses), or null when not asked for
     */
    INDArray backward(List<Layer> layers, INDArray yTrue, INDArray output, boolean inputGradient) {
        int top = layers.size() - 1;
        INDArray gradient = fused
                ? layers.get(top).engine().backwardFromLogits(loss.gradient(yTrue, last.engine().lastLogits()),
                        top > 0 || inputGradient)
                : layers.get(top).engine().backward(loss.gradient(yTrue, output), top > 0 || inputGradient);
        for (int i = top - 1; i >= 0; i--) {
            gradient = layers.get(i).engine().backward(gradient, i > 0 || inputGradient);
        }
        return gradient;
    }
}
