package io.github.convbook.layers;

import io.github.convbook.tensor.Shape;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code layers.Reshape(target_shape)}: gives every sample a new shape with the same values in the same
 * (row-major) order; the batch axis stays. {@code new Reshape(7, 7, 16)} turns {@code (None, 784)} into
 * {@code (None, 7, 7, 16)}. One size may be -1: it is inferred from the others, as in NumPy. No weights.
 */
public class Reshape extends Layer {
    private final long[] targetShape;   // without the batch axis; may hold one -1
    private long[] lastInputShape;       // kept by call(..., training = true) for backward

    /**
     * Keras's {@code Reshape(target_shape)}, the target shape without the batch axis.
     *
     * @param targetShape the sizes of one output sample, e.g. {@code 7, 7, 16}; at most one -1, inferred
     * @throws IllegalArgumentException for a null or more than one -1, or a size that is neither positive nor -1
     */
    public Reshape(int... targetShape) {
        if (targetShape == null) {
            throw new IllegalArgumentException("Reshape: target_shape is required, e.g. new Reshape(7, 7, 16)");
        }
        this.targetShape = Arrays.stream(targetShape).asLongStream().toArray();
        int unknown = 0;
        for (int d : targetShape) {
            if (d == -1) {
                unknown++;
            } else if (d <= 0) {
                throw new IllegalArgumentException("Reshape: target_shape " + listOf(this.targetShape) + " has size "
                        + d + "; sizes must be positive, or -1 for the one size to infer");
            }
        }
        if (unknown > 1) {
            throw new IllegalArgumentException("Reshape: Can only specify one unknown dimension, got target_shape "
                    + listOf(this.targetShape));
        }
    }

    /**
     * Keras's {@code layer.target_shape}.
     *
     * @return the target shape as given (without the batch axis, -1 not yet inferred), a copy
     */
    public int[] targetShape() {
        return Arrays.stream(targetShape).mapToInt(Math::toIntExact).toArray();
    }

    /**
     * Keras's {@code name=...}.
     *
     * @param name the new name, not blank
     * @return this layer, for chaining
     * @throws IllegalArgumentException for a null or blank name
     */
    @Override
    public Reshape name(String name) {
        super.name(name);
        return this;
    }

    /**
     * Keras's {@code input_shape=(...)} (without the batch axis), for the first layer of a Sequential.
     *
     * @param shape the sizes of one sample, e.g. {@code 784} for inputs {@code (None, 784)}
     * @return this layer, for chaining
     */
    @Override
    public Reshape inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    /**
     * Any input with a batch axis whose values per sample fit the target shape.
     *
     * @param inputShape the input's shape, e.g. {@code (None, 784)}
     * @throws IllegalArgumentException for a scalar, or when the sizes are known and the values do not fit
     *                                  ("total size of new array must be unchanged")
     */
    @Override
    protected void validateInput(Shape inputShape) {
        if (inputShape.rank() < 1) {
            throw new IllegalArgumentException(describe() + " expects input with a batch axis, got a scalar");
        }
        computeOutputShape(inputShape);   // throws when the sizes are known and do not fit
    }

    /**
     * {@code (None, ...) -> (None, *target_shape)}, the -1 inferred; when a non-batch input size is unknown, the -1
     * stays unknown (None), as in Keras. {@code new Reshape(7, 7, -1)} maps {@code (None, 784)} to
     * {@code (None, 7, 7, 16)}.
     *
     * @param inputShape the input's shape, batch first
     * @return {@code (batch, *target_shape)}
     * @throws IllegalArgumentException when the values per sample cannot fill the target shape
     */
    @Override
    public Shape computeOutputShape(Shape inputShape) {
        Shape sample = inputShape.withoutBatch();
        long[] dims = new long[targetShape.length + 1];
        dims[0] = inputShape.get(0);
        long[] resolved = sample.isFullyKnown() ? resolve(sample) : targetShape;   // -1 is Shape.UNKNOWN: None
        System.arraycopy(resolved, 0, dims, 1, resolved.length);
        return Shape.of(dims);
    }

    /** Keras's {@code _fix_unknown_dimension}: infers the -1 from the values of one sample, or says why it cannot. */
    private long[] resolve(Shape sample) {
        long original = sample.size();
        long known = 1;
        int unknown = -1;
        for (int i = 0; i < targetShape.length; i++) {
            if (targetShape[i] < 0) {
                unknown = i;
            } else {
                known *= targetShape[i];
            }
        }
        long[] resolved = targetShape.clone();
        if (unknown >= 0 && original % known == 0) {
            resolved[unknown] = original / known;
        } else if (unknown >= 0 || original != known) {
            // Keras's message, then the counts that do not match
            throw new IllegalArgumentException(describe() + ": total size of new array must be unchanged,"
                    + " input_shape = " + listOf(sample.toArray()) + ", output_shape = " + listOf(targetShape) + " ("
                    + original + " values per sample" + (unknown >= 0 ? " are not a multiple of " + known
                    : ", the target shape holds " + known) + ")");
        }
        return resolved;
    }

    /** A shape as Keras prints it in this message: a Python list, {@code [7, 7, 16]}. */
    private static String listOf(long[] dims) {
        return Arrays.toString(dims);
    }

    /**
     * The forward pass: a reshaped view of the input (the same values).
     *
     * @param input    the batch, e.g. {@code (32, 784)}
     * @param training true during {@code fit}: keep the input's shape for {@link #backward}
     * @return the batch in the target shape, e.g. {@code (32, 7, 7, 16)}
     */
    @Override
    protected INDArray call(INDArray input, boolean training) {
        if (training) {
            lastInputShape = input.shape();
        }
        long[] outShape = computeOutputShape(Shape.of(input.shape())).toArray();
        return input.reshape('c', outShape);
    }

    /**
     * The gradient has the output's shape; reshaped back, it is the gradient of the input (same values, same order).
     *
     * @param outputGradient    the loss gradient with respect to the last training output
     * @param needInputGradient false when nothing before this layer learns
     * @return the loss gradient with respect to the input, of its shape, or null
     */
    @Override
    protected INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        return needInputGradient ? outputGradient.reshape('c', lastInputShape) : null;
    }
}
