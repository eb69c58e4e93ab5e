package io.github.convbook.layers;

import io.github.convbook.backend.NativeOps;
import io.github.convbook.ops.Padding;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keeps the largest value of each window: (28, 28, 32) becomes (14, 14, 32) with the default 2x2 pool.
 *
 * <p>Its definition as plain loops: {@link io.github.convbook.layers.loops.PoolingLoops#maxPool}.
 */
public class MaxPooling2D extends Pooling2D<MaxPooling2D> {
    /**
     * Keras's {@code MaxPooling2D()}: {@code pool_size=(2, 2)}, {@code strides=None} (the pool size),
     * {@code padding="valid"}.
     */
    public MaxPooling2D() {
        this(2);
    }

    /**
     * Keras's {@code MaxPooling2D(pool_size)} with a square window; strides equal to it, padding "valid".
     *
     * @param poolSize the window's height and width, positive
     * @throws IllegalArgumentException if {@code poolSize} is not positive
     */
    public MaxPooling2D(int poolSize) {
        super(poolSize);
    }

    @Override
    protected INDArray pool(INDArray input, INDArray... into) {
        return NativeOps.maxPool(input, poolSize, effectiveStrides(), padding == Padding.SAME, into);
    }

    @Override
    protected INDArray poolBackward(INDArray input, INDArray outputGradient, INDArray... into) {
        return NativeOps.maxPoolBackward(input, outputGradient, poolSize, effectiveStrides(), padding == Padding.SAME,
                into);
    }
}
