package io.github.convbook.optimizers;

import io.github.convbook.tensor.Tensor;

/**
 * One trainable weight and its gradient, as a pair of Keras's {@code optimizer.apply_gradients(zip(grads, vars))}.
 * {@link Optimizer#apply(java.util.List)} moves {@code value} in place, so it must be the weight itself, not a copy:
 * ConvBook's trainer builds these from the layers' live weights.
 *
 * @param name the weight's Keras name, e.g. {@code dense/kernel:0}
 * @param value the weight, of any shape; its values change in place
 * @param gradient the loss gradient with respect to {@code value}, of the same shape and dtype
 */
public record Parameter(String name, Tensor value, Tensor gradient) {
    /**
     * Checks that value and gradient exist and match.
     *
     * @param name the weight's Keras name, e.g. {@code dense/kernel:0}, for messages
     * @param value the weight itself (not a copy), a tensor with values; {@link Optimizer#apply} needs float32 or
     *              float64
     * @param gradient the loss gradient with respect to {@code value}, of the same shape and dtype
     *
     * @throws IllegalArgumentException for a null or symbolic tensor, or when the shapes or dtypes differ
     */
    public Parameter {
        if (value == null || gradient == null || value.isSymbolic() || gradient.isSymbolic()) {
            throw new IllegalArgumentException("Parameter '" + name + "' needs a value and a gradient with values, got "
                    + value + " and " + gradient);
        }
        if (!value.shape().equals(gradient.shape()) || value.dtype() != gradient.dtype()) {
            throw new IllegalArgumentException("Parameter '" + name + "': the gradient " + gradient.shape() + " "
                    + gradient.dtype() + " must have the value's shape and dtype " + value.shape() + " "
                    + value.dtype());
        }
    }
}
