package io.github.convbook.layers;

import io.github.convbook.tensor.Origin;
import io.github.convbook.tensor.Tensor;

/**
 * One call of a layer on a symbolic tensor: which layer, on which input (Keras's {@code Node}). Following these links
 * back from a model's output finds its layers in order.
 *
 * @param layer the layer that was called
 * @param input the tensor the layer was applied to; null for an input layer
 */
record Node(Layer layer, Tensor input) implements Origin {
    @Override
    public String describe() {
        return "created by layer '" + layer.name() + "'";
    }
}
