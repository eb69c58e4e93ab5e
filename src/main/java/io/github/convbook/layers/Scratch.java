package io.github.convbook.layers;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Arrays a layer reuses from one training batch to the next. A fresh multi-megabyte native array costs more to
 * allocate (the operating system maps and zeroes new pages) than most of the operations that fill it, so training
 * writes each batch's outputs and gradients into the same memory. Only used while training: an array handed out
 * here is overwritten by the next batch.
 */
public final class Scratch {
    private final Map<String, INDArray> arrays = new HashMap<>();

    /** The array named {@code name} with this type and shape, reused when the last one matches; contents undefined. */
    public INDArray get(String name, DataType type, long... shape) {
        INDArray a = arrays.get(name);
        if (a == null || a.dataType() != type || !Arrays.equals(a.shape(), shape)) {
            a = Nd4j.createUninitialized(type, shape);
            arrays.put(name, a);
        }
        return a;
    }

    /** Forgets every array, e.g. when the layer's weights change type. */
    public void clear() {
        arrays.clear();
    }
}
