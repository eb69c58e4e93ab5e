package io.github.convbook.backend;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The engine's handle on one layer: batch-level forward and backward passes on ND4J arrays, for ConvBook's models
 * and trainer. Results live in buffers that the layer reuses for its next batch, and weights are the live arrays
 * that optimizers update in place, which is why notebooks use {@code layer.apply(x, training)} and
 * {@code model.gradients(x, y)} instead (fresh tensors).
 */
public interface LayerEngine {
    /**
     * The forward pass on a batch.
     *
     * @param input the batch, {@code (batch, ...)} in the layer's dtype
     * @param training true during {@code fit}: Dropout drops, BatchNormalization uses batch statistics, and the
     *                 layer keeps what {@link #backward} needs
     * @return the output, possibly in a buffer that the next call overwrites
     */
    INDArray call(INDArray input, boolean training);

    /**
     * Back-propagation through the last {@code call(input, true)}; stores the weights' gradients.
     *
     * @param outputGradient the loss gradient with respect to the layer's output; may be overwritten
     * @param needInputGradient false for the first layer, where nothing before it learns
     * @return the gradient with respect to the input, or null when {@code needInputGradient} is false
     */
    INDArray backward(INDArray outputGradient, boolean needInputGradient);

    /**
     * Back-propagation that skips the output activation: the fused softmax/sigmoid cross-entropy gradient
     * ({@code softmax(z) - y}) enters here, as Keras computes the loss from the logits.
     *
     * @param logitsGradient the loss gradient with respect to the logits; may be overwritten
     * @param needInputGradient false for the first layer
     * @return the gradient with respect to the input, or null when {@code needInputGradient} is false
     * @throws UnsupportedOperationException for a layer without an output activation
     */
    INDArray backwardFromLogits(INDArray logitsGradient, boolean needInputGradient);

    /**
     * Makes {@link #call} keep the logits (the values before the output activation) for {@link #lastLogits}.
     *
     * @param keep true to keep them
     */
    void keepLogits(boolean keep);

    /**
     * The logits of the last {@link #call}, kept when {@link #keepLogits} is on.
     *
     * @return the logits, in a buffer that the next call overwrites
     * @throws UnsupportedOperationException for a layer without an output activation
     * @throws IllegalStateException when no logits were kept
     */
    INDArray lastLogits();

    /**
     * The live weight arrays by short name ({@code kernel}, {@code bias}), in Keras's order.
     *
     * @return an unmodifiable view; the arrays are the layer's own, updated in place by optimizers
     */
    Map<String, INDArray> weights();

    /**
     * The gradients of the last {@link #backward}, by short weight name, in the order of {@link #weights()}.
     *
     * @return the gradient arrays, overwritten by the next backward pass
     */
    Map<String, INDArray> gradients();
}
