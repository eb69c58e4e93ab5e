package io.github.convbook.layers;

import io.github.convbook.backend.NativeOps;
import io.github.convbook.ops.Padding;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Averages each window; with padding "same" the padded border is left out of the average, as in TensorFlow.
 *
 * <p>Its definition as plain loops: {@link io.github.convbook.layers.loops.PoolingLoops#avgPool}.
 */
public class AveragePooling2D extends Pooling2D<AveragePooling2D> {
    /**
     * Keras's {@code AveragePooling2D()}: {@code pool_size=(2, 2)}, {@code strides=None} (the pool size),
     * {@code padding="valid"}.
     */
    public AveragePooling2D() {
        this(2);
    }

    /**
     * Keras's {@code AveragePooling2D(pool_size)} with a square window; strides equal to it, padding "valid".
     *
     * @param poolSize the window's height and width, positive
     * @throws IllegalArgumentException if {@code poolSize} is not positive
     */
    public AveragePooling2D(int poolSize) {
        super(poolSize);
    }

    @Override
    protected INDArray pool(INDArray input, INDArray... into) {
        return NativeOps.averagePool(input, poolSize, effectiveStrides(), padding == Padding.SAME, into);
    }

    @Override
    protected INDArray poolBackward(INDArray input, INDArray outputGradient, INDArray... into) {
        return NativeOps.averagePoolBackward(input, outputGradient, poolSize, effectiveStrides(),
                padding == Padding.SAME, into);
    }
}
