package io.github.convbook.layers;

import io.github.convbook.ops.Padding;
import io.github.convbook.backend.NativeOps;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keeps the largest value of each window: (28, 28, 32) becomes (14, 14, 32) with the default 2x2 pool.
 *
 * <p>Its definition as plain loops: {@link io.github.convbook.layers.loops.PoolingLoops#maxPool}.
 */
public class MaxPooling2D extends Pooling2D<MaxPooling2D> {
    public MaxPooling2D() {
        this(2);
    }

    public MaxPooling2D(int poolSize) {
        super(poolSize);
    }

    @Override
    protected INDArray pool(INDArray input, INDArray... into) {
        return NativeOps.maxPool(input, poolSize, effectiveStrides(), padding == Padding.SAME, into);
    }

    @Override
    protected INDArray poolBackward(INDArray input, INDArray outputGradient, INDArray... into) {
        return NativeOps.maxPoolBackward(input, outputGradient, poolSize, effectiveStrides(), padding == Padding.SAME, into);
    }
}
