package io.github.convbook;

import io.github.convbook.backend.RandomState;
import io.github.convbook.tensor.Tensor;

/** Keras's {@code keras.utils} helpers that the lecture uses. */
public final class Utils {
    private Utils() {
    }

    /**
     * Seeds every random choice ConvBook makes (weight initialisation, shuffling, dropout, random tensors), as
     * {@code keras.utils.set_random_seed(42)}: call it once at the top of a notebook to get the same numbers every run.
     */
    public static void setRandomSeed(long seed) {
        RandomState.seed(seed);
    }

    /** One-hot encodes integer labels, as {@code keras.utils.to_categorical(y)}: (60000,) becomes (60000, 10). */
    public static Tensor toCategorical(Tensor labels) {
        return toCategorical(labels, (int) labels.max() + 1);
    }

    public static Tensor toCategorical(Tensor labels, int numClasses) {
        int[] values = labels.toIntArray();
        float[] oneHot = new float[values.length * numClasses];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] >= numClasses) {
                throw new IllegalArgumentException("toCategorical: label " + values[i] + " at index " + i
                        + " is outside 0.." + (numClasses - 1));
            }
            oneHot[i * numClasses + values[i]] = 1f;
        }
        long[] shape = labels.shape().toArray();
        if (shape.length > 0 && shape[shape.length - 1] == 1 && shape.length > 1) {
            shape = java.util.Arrays.copyOf(shape, shape.length - 1);   // (n, 1) labels give (n, classes), as Keras does
        }
        long[] outShape = java.util.Arrays.copyOf(shape, shape.length + 1);
        outShape[shape.length] = numClasses;
        return Tensor.of(oneHot, outShape);
    }
}
