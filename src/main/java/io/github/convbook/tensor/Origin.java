package io.github.convbook.tensor;

/**
 * Where a symbolic tensor came from: the layer call that produced it (Keras's "keras history").
 * Models walk these links back from their outputs to their inputs.
 */
public interface Origin {
    /**
     * A short description for messages and {@code Tensor.toString()}.
     *
     * @return e.g. {@code created by layer 'conv2d'}
     */
    String describe();
}
