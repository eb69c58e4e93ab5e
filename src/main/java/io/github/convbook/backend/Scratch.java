package io.github.convbook.backend;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Arrays a layer reuses from one batch to the next. A fresh multi-megabyte native array costs more to allocate (the
 * operating system maps and zeroes new pages) than most of the operations that fill it, and it is only freed when
 * Java's garbage collector happens to run, so memory would grow batch after batch. An array handed out here is
 * overwritten by the next batch of the same shape.
 */
public final class Scratch {
    /** Shapes kept per name: a training batch, the last smaller batch, and an evaluation batch. */
    private static final int SHAPES_PER_NAME = 3;

    private final Map<String, Map<String, INDArray>> byName = new HashMap<>();

    /** An empty pool; each layer keeps its own (not thread-safe: a layer runs one batch at a time). */
    public Scratch() {
    }

    /**
     * The array named {@code name} with this type and shape, reused when one was made before; contents undefined
     * (whatever the last batch left, or uninitialised memory). Up to three shapes are kept per name (a training
     * batch, a last smaller batch, an evaluation batch); asking for a fourth drops the oldest.
     *
     * @param name what the buffer holds, e.g. {@code "output"} or {@code "inputGradient"}; one name per role
     * @param type ND4J's element type, the layer's dtype ({@code FLOAT} for float32)
     * @param shape the buffer's shape, e.g. {@code 32, 26, 26, 32} for a Conv2D's output on a batch of 32
     * @return a C-ordered array of that type and shape, the same one for every call with the same name, type and
     *         shape while it is kept; overwrite it before reading
     * @throws IllegalArgumentException when a new buffer's shape is invalid or it would not fit in memory
     *                                  ({@link Memory#check})
     */
    public INDArray get(String name, DataType type, long... shape) {
        Map<String, INDArray> shapes = byName.computeIfAbsent(name, n -> new LinkedHashMap<>());
        String key = type + Arrays.toString(shape);
        INDArray a = shapes.get(key);
        if (a == null) {
            // checked before ND4J sees it: an oversized request can crash its native allocator instead of failing
            Memory.check("a layer's working buffer '" + name + "'", type, shape);
            if (shapes.size() >= SHAPES_PER_NAME) {
                shapes.remove(shapes.keySet().iterator().next());   // the oldest shape
            }
            a = Nd4j.createUninitialized(type, shape);
            shapes.put(key, a);
        }
        return a;
    }
}
