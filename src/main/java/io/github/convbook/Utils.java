package io.github.convbook;

import io.github.convbook.backend.RandomState;
import io.github.convbook.tensor.Tensor;
import java.util.Arrays;

/** Keras's {@code keras.utils} helpers that the lecture uses. */
public final class Utils {
    private Utils() {
    }

    /**
     * Seeds every random choice ConvBook makes (weight initialisation, shuffling, dropout, random tensors), as
     * {@code keras.utils.set_random_seed(42)}: call it once at the top of a notebook to get the same numbers every run.
     * The numbers are ConvBook's own (Java's {@link java.util.Random}), not the ones TensorFlow prints for the same
     * seed.
     *
     * @param seed any {@code long}; the same seed gives the same sequence of random choices in the same program
     */
    public static void setRandomSeed(long seed) {
        RandomState.seed(seed);
    }

    /**
     * One-hot encodes integer labels, as {@code keras.utils.to_categorical(y)}: MNIST's labels {@code (60000,)}
     * become {@code (60000, 10)}, label 3 the row {@code [0, 0, 0, 1, 0, 0, 0, 0, 0, 0]}. The number of classes is
     * the largest label plus one, as Keras infers it; use {@link #toCategorical(Tensor, int)} when a batch may not
     * contain the largest class.
     *
     * @param labels class indices from 0, of any shape and dtype (floats are truncated to integers, as
     *               {@code astype("int32")} does); a last axis of size 1, e.g. {@code (60000, 1)}, is dropped
     * @return a float32 tensor of the labels' shape with one more axis of length {@code max(labels) + 1}
     * @throws IllegalArgumentException when a label is negative
     * @throws IllegalStateException when {@code labels} is symbolic (a shape without values)
     */
    public static Tensor toCategorical(Tensor labels) {
        return toCategorical(labels, (int) labels.max() + 1);
    }

    /**
     * One-hot encodes integer labels into {@code numClasses} columns, as
     * {@code keras.utils.to_categorical(y, num_classes=10)}: label {@code k} becomes a row of zeros with a 1 at
     * index {@code k}.
     *
     * @param labels class indices from 0 to {@code numClasses - 1}, of any shape and dtype (floats are truncated to
     *               integers); a last axis of size 1, e.g. {@code (60000, 1)}, is dropped, as Keras does
     * @param numClasses the number of classes, the length of the new last axis (10 for MNIST's digits); at least 1
     * @return a float32 tensor of the labels' shape with one more axis of length {@code numClasses}, e.g.
     *         {@code (60000, 10)} for labels {@code (60000,)}
     * @throws IllegalArgumentException when a label is outside {@code 0 .. numClasses - 1}
     * @throws IllegalStateException when {@code labels} is symbolic (a shape without values)
     */
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
            shape = Arrays.copyOf(shape, shape.length - 1);   // (n, 1) labels give (n, classes), as Keras does
        }
        long[] outShape = Arrays.copyOf(shape, shape.length + 1);
        outShape[shape.length] = numClasses;
        return Tensor.of(oneHot, outShape);
    }
}
