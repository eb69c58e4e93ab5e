package io.github.convbook.tensor;

import io.github.convbook.backend.Memory;
import io.github.convbook.backend.RandomState;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * An n-dimensional array, the Java twin of a NumPy array / TensorFlow tensor.
 *
 * <p>A tensor either holds values (an ND4J {@link INDArray}) or is <em>symbolic</em>: the output of
 * {@code Input.shape(...)} or of a layer applied to one. A symbolic tensor has a shape, usually with an
 * unknown batch size ({@code None}), and no values; models are built from them.
 *
 * <p>Tensors are values: every operation returns a new tensor and leaves its operands unchanged.
 */
public final class Tensor {
    static {
        NativeSetup.beforeNd4jLoads();
    }

    private final INDArray array;   // null when symbolic
    private final Shape shape;
    private final DType dtype;
    private final Origin origin;    // the layer call that produced a symbolic tensor

    private Tensor(INDArray array, Shape shape, DType dtype, Origin origin) {
        this.array = array;
        this.shape = shape;
        this.dtype = dtype;
        this.origin = origin;
    }

    // ---------------------------------------------------------------- wrapping

    /** Wraps an ND4J array without copying it. */
    public static Tensor wrap(INDArray array) {
        return new Tensor(array, Shape.of(array.shape()), DType.of(array.dataType()), null);
    }

    /** A tensor with a shape and no values, produced by {@code origin} (an input or a layer call). */
    public static Tensor symbolic(Shape shape, DType dtype, Origin origin) {
        return new Tensor(null, shape, dtype, origin);
    }

    public boolean isSymbolic() {
        return array == null;
    }

    /** The layer call that produced this symbolic tensor, or null for a tensor with values. */
    public Origin origin() {
        return origin;
    }

    /** The ND4J array behind this tensor (no copy). */
    public INDArray data() {
        if (array == null) {
            throw new IllegalStateException("This is a symbolic tensor " + shape + " (" + origin.describe()
                    + "): it has a shape but no values. Build a Model from it and call model.predict(data) to get values.");
        }
        return array;
    }

    // ---------------------------------------------------------------- factories

    /**
     * A float32 tensor of zeros, like {@code np.zeros(shape)}.
     *
     * @throws IllegalArgumentException for a negative size or a shape too large for the memory left (see {@link Memory})
     */
    public static Tensor zeros(long... shape) {
        Memory.check("Tensor.zeros", DataType.FLOAT, shape);
        return wrap(Nd4j.zeros(DataType.FLOAT, shape));
    }

    /** @throws IllegalArgumentException as {@link #zeros} */
    public static Tensor ones(long... shape) {
        Memory.check("Tensor.ones", DataType.FLOAT, shape);
        return wrap(Nd4j.ones(DataType.FLOAT, shape));
    }

    /** @throws IllegalArgumentException as {@link #zeros} */
    public static Tensor full(double value, long... shape) {
        Memory.check("Tensor.full", DataType.FLOAT, shape);
        return wrap(Nd4j.valueArrayOf(shape, value, DataType.FLOAT));
    }

    public static Tensor scalar(double value) {
        return wrap(Nd4j.scalar(DataType.FLOAT, value));
    }

    /** {@code 0, 1, ..., n-1} as int32, like {@code np.arange(n)}. */
    public static Tensor arange(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Tensor.arange: n must be >= 0, got " + n);
        }
        Memory.check("Tensor.arange", DataType.INT, n);
        int[] values = new int[n];
        Arrays.setAll(values, i -> i);
        return of(values, n);
    }

    /** Standard normal samples (float32) from the seeded generator, like {@code np.random.randn}. */
    public static Tensor randn(long... shape) {
        Memory.check("Tensor.randn", DataType.FLOAT, shape);
        int count = Memory.checkJavaArray("Tensor.randn", Float.BYTES, shape);
        Random random = RandomState.generator();
        float[] values = new float[count];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return of(values, shape);
    }

    /** Uniform samples in [0, 1) (float32) from the seeded generator, like {@code np.random.random}. */
    public static Tensor random(long... shape) {
        Memory.check("Tensor.random", DataType.FLOAT, shape);
        int count = Memory.checkJavaArray("Tensor.random", Float.BYTES, shape);
        Random random = RandomState.generator();
        float[] values = new float[count];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return of(values, shape);
    }

    /** A float32 tensor from row-major values. */
    public static Tensor of(float[] values, long... shape) {
        checkCount(values.length, shape);
        return wrap(Nd4j.create(values, shape, 'c'));
    }

    public static Tensor of(float[] values, int... shape) {
        return of(values, toLongs(shape));
    }

    /** A float64 tensor from row-major values (Java doubles, like NumPy's default float). */
    public static Tensor of(double[] values, long... shape) {
        checkCount(values.length, shape);
        return wrap(Nd4j.create(values, shape, DataType.DOUBLE));
    }

    public static Tensor of(double[] values, int... shape) {
        return of(values, toLongs(shape));
    }

    /** An int32 tensor from row-major values (labels, indices). */
    public static Tensor of(int[] values, long... shape) {
        checkCount(values.length, shape);
        return wrap(Nd4j.createFromArray(values).reshape('c', shape));
    }

    public static Tensor of(int[] values, int... shape) {
        return of(values, toLongs(shape));
    }

    /** A uint8 tensor (pixels 0..255) from row-major bytes, read as unsigned. */
    public static Tensor ofUint8(byte[] values, long... shape) {
        checkCount(values.length, shape);
        return wrap(Nd4j.create(Nd4j.createBuffer(ByteBuffer.wrap(values), DataType.UBYTE, values.length), shape));
    }

    /** A 1-D tensor from values: {@code Tensor.of(1f, 2f, 3f)}. */
    public static Tensor of(float... values) {
        return of(values, values.length);
    }

    public static Tensor of(double... values) {
        return of(values, values.length);
    }

    public static Tensor of(int... values) {
        return of(values, values.length);
    }

    public static Tensor of(float[][] values) {
        return ofNested(values);
    }

    public static Tensor of(float[][][] values) {
        return ofNested(values);
    }

    public static Tensor of(float[][][][] values) {
        return ofNested(values);
    }

    public static Tensor of(double[][] values) {
        return ofNested(values);
    }

    public static Tensor of(double[][][] values) {
        return ofNested(values);
    }

    public static Tensor of(double[][][][] values) {
        return ofNested(values);
    }

    public static Tensor of(int[][] values) {
        return ofNested(values);
    }

    /** Flattens a rectangular nested Java array row-major, keeping its element type. */
    private static Tensor ofNested(Object nested) {
        List<Long> dims = new ArrayList<>();
        Object level = nested;
        while (level.getClass().isArray()) {
            dims.add((long) Array.getLength(level));
            if (Array.getLength(level) == 0) {
                break;
            }
            level = Array.get(level, 0);
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        int count = Math.toIntExact(Shape.of(shape).size());
        Class<?> leaf = nested.getClass();
        while (leaf.getComponentType() != null) {
            leaf = leaf.getComponentType();
        }
        Object flat = Array.newInstance(leaf, count);
        int[] next = {0};
        flatten(nested, shape, 0, flat, next);
        if (leaf == float.class) {
            return of((float[]) flat, shape);
        } else if (leaf == double.class) {
            return of((double[]) flat, shape);
        }
        return of((int[]) flat, shape);
    }

    private static void flatten(Object level, long[] shape, int depth, Object flat, int[] next) {
        int length = Array.getLength(level);
        if (length != shape[depth]) {
            throw new IllegalArgumentException("Nested arrays must be rectangular: at depth " + depth
                    + " expected length " + shape[depth] + ", got " + length);
        }
        if (depth == shape.length - 1) {
            System.arraycopy(level, 0, flat, next[0], length);
            next[0] += length;
            return;
        }
        for (int i = 0; i < length; i++) {
            flatten(Array.get(level, i), shape, depth + 1, flat, next);
        }
    }

    private static void checkCount(int count, long[] shape) {
        long expected = Memory.elements("Tensor.of", shape);
        if (expected != count) {
            throw new IllegalArgumentException("Cannot make a tensor of shape " + Shape.of(shape) + " (" + expected
                    + " values) from " + count + " values");
        }
    }

    private static long[] toLongs(int[] values) {
        return Arrays.stream(values).asLongStream().toArray();
    }

    // ---------------------------------------------------------------- properties

    public Shape shape() {
        return shape;
    }

    public DType dtype() {
        return dtype;
    }

    public int rank() {
        return shape.rank();
    }

    /** Number of elements. */
    public long size() {
        return shape.size();
    }

    // ---------------------------------------------------------------- shape changes

    /** A new shape with the same values in row-major order; one dimension may be -1 (inferred). */
    public Tensor reshape(long... newShape) {
        long[] resolved = resolveReshape(newShape);
        return wrap(contiguous().reshape('c', resolved));
    }

    public Tensor reshape(int... newShape) {
        return reshape(toLongs(newShape));
    }

    private long[] resolveReshape(long[] newShape) {
        long[] resolved = newShape.clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] < -1) {
                throw new IllegalArgumentException("reshape: sizes must be >= 0 (or -1 for one inferred size), got "
                        + Arrays.toString(newShape));
            }
            if (resolved[i] == -1) {
                if (inferred >= 0) {
                    throw new IllegalArgumentException("reshape: only one dimension can be -1, got " + Arrays.toString(newShape));
                }
                inferred = i;
            } else {
                try {
                    known = Math.multiplyExact(known, resolved[i]);
                } catch (ArithmeticException overflow) {
                    throw new IllegalArgumentException("cannot reshape tensor of shape " + shape + " into "
                            + Arrays.toString(newShape) + ": that shape has more elements than a long can count");
                }
            }
        }
        long total = size();
        if (inferred >= 0) {
            if (known == 0 || total % known != 0) {
                throw new IllegalArgumentException("cannot reshape tensor of " + total + " values with shape " + shape
                        + " into " + Arrays.toString(newShape));
            }
            resolved[inferred] = total / known;
        } else if (known != total) {
            throw new IllegalArgumentException("cannot reshape tensor of " + total + " values with shape " + shape
                    + " into shape " + Shape.of(resolved) + " (" + known + " values)");
        }
        return resolved;
    }

    /** Removes every axis of size 1, like {@code np.squeeze(x)}. */
    public Tensor squeeze() {
        long[] kept = Arrays.stream(shape.toArray()).filter(d -> d != 1).toArray();
        return reshape(kept);
    }

    /** Removes one axis of size 1, like {@code tf.squeeze(x, axis=-1)}. */
    public Tensor squeeze(int axis) {
        int index = shape.normalizeAxis(axis);
        if (shape.get(index) != 1) {
            throw new IllegalArgumentException("squeeze(" + axis + "): can only remove an axis of size 1, but axis "
                    + index + " of shape " + shape + " has size " + shape.get(index));
        }
        long[] dims = shape.toArray();
        long[] kept = new long[dims.length - 1];
        for (int i = 0, j = 0; i < dims.length; i++) {
            if (i != index) {
                kept[j++] = dims[i];
            }
        }
        return reshape(kept);
    }

    /** Inserts an axis of size 1, like {@code np.expand_dims(x, axis)}; -1 appends it at the end. */
    public Tensor expandDims(int axis) {
        int n = rank() + 1;
        int index = axis < 0 ? axis + n : axis;
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException("expandDims(" + axis + ") is out of bounds for a tensor of rank " + rank());
        }
        long[] dims = shape.toArray();
        long[] grown = new long[n];
        for (int i = 0, j = 0; i < n; i++) {
            grown[i] = i == index ? 1 : dims[j++];
        }
        return reshape(grown);
    }

    /** All values in one axis: {@code (60000, 28, 28)} becomes {@code (60000, 784)} with {@code flatten(1)}... */
    public Tensor flatten() {
        return reshape(size());
    }

    /** Reverses the axes, like NumPy's {@code .T}. */
    public Tensor transpose() {
        int[] reversed = new int[rank()];
        for (int i = 0; i < reversed.length; i++) {
            reversed[i] = reversed.length - 1 - i;
        }
        return transpose(reversed);
    }

    /** Permutes the axes, like {@code np.transpose(x, axes)}. */
    public Tensor transpose(int... axes) {
        if (axes.length != rank()) {
            throw new IllegalArgumentException("transpose: expected " + rank() + " axes for shape " + shape + ", got "
                    + Arrays.toString(axes));
        }
        return wrap(data().permute(axes).dup('c'));
    }

    /** Joins tensors along an axis, like {@code tf.concat(tensors, axis)}. */
    public static Tensor concat(int axis, Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("concat needs at least one tensor");
        }
        Shape first = tensors[0].shape;
        int index = first.normalizeAxis(axis);
        DType type = tensors[0].dtype;
        for (Tensor t : tensors) {
            type = DType.promote(type, t.dtype);
            boolean compatible = t.rank() == first.rank();
            for (int i = 0; compatible && i < first.rank(); i++) {
                compatible = i == index || t.shape.get(i) == first.get(i);
            }
            if (!compatible) {
                throw new IllegalArgumentException("concat along axis " + axis + " needs equal sizes on every other axis: "
                        + "got shapes " + Arrays.stream(tensors).map(x -> x.shape.toString()).toList());
            }
        }
        long[] joined = first.toArray();
        joined[index] = 0;
        for (Tensor t : tensors) {
            joined[index] = Math.addExact(joined[index], t.shape.get(index));
        }
        Memory.check("concat", type.nd4j(), joined);
        INDArray[] arrays = new INDArray[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            arrays[i] = tensors[i].astype(type).data();
        }
        return wrap(Nd4j.concat(index, arrays));
    }

    // ---------------------------------------------------------------- indexing

    /** Indexes the leading axes, like {@code x[i]} or {@code x[i, j]}; negative indices count from the end. */
    public Tensor get(long... index) {
        if (index.length > rank()) {
            throw new IllegalArgumentException("too many indices: " + index.length + " for a tensor of shape " + shape);
        }
        INDArrayIndex[] indices = new INDArrayIndex[index.length];
        for (int i = 0; i < index.length; i++) {
            long size = shape.get(i);
            long at = index[i] < 0 ? index[i] + size : index[i];
            if (at < 0 || at >= size) {
                throw new IndexOutOfBoundsException("index " + index[i] + " is out of bounds for axis " + i + " with size "
                        + size + " (shape " + shape + ")");
            }
            indices[i] = NDArrayIndex.point(at);
        }
        long[] rest = Arrays.copyOfRange(shape.toArray(), index.length, rank());
        return wrap(data().get(indices).dup('c').reshape('c', rest));
    }

    public Tensor get(int... index) {
        return get(toLongs(index));
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of the first axis, like {@code x[from:to]}. */
    public Tensor slice(long from, long to) {
        return slice(0, from, to);
    }

    /** {@code x[..., from:to, ...]} along one axis; bounds are clipped and may be negative, as in Python. */
    public Tensor slice(int axis, long from, long to) {
        int index = shape.normalizeAxis(axis);
        long size = shape.get(index);
        long start = clip(from < 0 ? from + size : from, size);
        long end = Math.max(start, clip(to < 0 ? to + size : to, size));
        INDArrayIndex[] indices = new INDArrayIndex[rank()];
        Arrays.fill(indices, NDArrayIndex.all());
        indices[index] = NDArrayIndex.interval(start, end);
        long[] dims = shape.toArray();
        dims[index] = end - start;
        if (end == start) {
            return wrap(Nd4j.create(dtype.nd4j(), dims));
        }
        return wrap(data().get(indices).dup('c').reshape('c', dims));
    }

    private static long clip(long value, long size) {
        return Math.max(0, Math.min(value, size));
    }

    /** The last-axis channel {@code x[..., c]}: {@code (1, 49, 49, 2)} gives {@code (1, 49, 49)}. */
    public Tensor channel(int c) {
        int last = rank() - 1;
        long channels = shape.get(last);
        long at = c < 0 ? c + channels : c;
        if (at < 0 || at >= channels) {
            throw new IndexOutOfBoundsException("channel " + c + " does not exist: the last axis of " + shape + " has "
                    + channels + " channels");
        }
        return slice(last, at, at + 1).squeeze(last);
    }

    /** The single value of a one-element tensor, like NumPy's {@code .item()}. */
    public double item() {
        if (size() != 1) {
            throw new IllegalStateException("item() needs a tensor with exactly one value, got shape " + shape);
        }
        return data().getDouble(0L);
    }

    /** The value at a full index: {@code x.getDouble(0, 1)}. */
    public double getDouble(long... index) {
        if (index.length != rank()) {
            throw new IllegalArgumentException("getDouble needs " + rank() + " indices for shape " + shape + ", got "
                    + Arrays.toString(index));
        }
        return get(index).item();
    }

    // ---------------------------------------------------------------- conversion

    /**
     * A copy with another element type, like NumPy's {@code x.astype("float32")}. Floats become integers by
     * truncation toward zero, as C and NumPy: {@code 2.9 -> 2}, {@code -0.5 -> 0}. To uint8, values 0 up to (not
     * including) 256 give their integer part; outside that range NumPy's result is undefined, and ConvBook gives what
     * NumPy gives on x86-64 (the integer part modulo 256, e.g. {@code -1.7 -> 255}, {@code 300.2 -> 44}; NaN,
     * infinity and values beyond int64 give 0). To int32 and int64, NaN, infinity and values out of range give the
     * smallest value ({@code -2147483648}), as NumPy on x86-64.
     *
     * @throws IllegalArgumentException for a dtype name ConvBook does not know (e.g. "float16")
     */
    public Tensor astype(String type) {
        return astype(DType.of(type));
    }

    /** {@link #astype(String)} with a {@link DType}. */
    public Tensor astype(DType type) {
        if (type == dtype) {
            return this;
        }
        Memory.check("astype(\"" + type + "\")", type.nd4j(), shape.toArray());
        return wrap(data().castTo(type.nd4j()));
    }

    /** Row-major copy of the values as floats. */
    public float[] toFloatArray() {
        return contiguous().castTo(DataType.FLOAT).data().asFloat().clone();
    }

    /** Row-major copy of the values as doubles. */
    public double[] toDoubleArray() {
        return contiguous().castTo(DataType.DOUBLE).data().asDouble().clone();
    }

    /** Row-major copy of the values as ints (floats are truncated toward zero). */
    public int[] toIntArray() {
        return contiguous().castTo(DataType.INT).data().asInt().clone();
    }

    /** The values as nested Java arrays ({@code float[][]} for a float32 matrix...), like NumPy's {@code tolist()}. */
    public Object toArray() {
        Object flat = switch (dtype) {
            case FLOAT32 -> toFloatArray();
            case FLOAT64 -> toDoubleArray();
            default -> toIntArray();
        };
        if (rank() == 0) {
            return Array.get(flat, 0);
        }
        return nest(flat, shape.toIntArray(), 0, new int[] {0});
    }

    private static Object nest(Object flat, int[] dims, int depth, int[] next) {
        int length = dims[depth];
        Class<?> type = flat.getClass().getComponentType();
        if (depth == dims.length - 1) {
            Object row = Array.newInstance(type, length);
            System.arraycopy(flat, next[0], row, 0, length);
            next[0] += length;
            return row;
        }
        int[] innerDims = Arrays.copyOfRange(dims, depth + 1, dims.length);
        Object level = Array.newInstance(type, prepend(length, new int[innerDims.length]));
        for (int i = 0; i < length; i++) {
            Array.set(level, i, nest(flat, dims, depth + 1, next));
        }
        return level;
    }

    private static int[] prepend(int first, int[] zeros) {
        int[] dims = new int[zeros.length + 1];
        dims[0] = first;
        return dims;
    }

    private INDArray contiguous() {
        INDArray a = data();
        return a.isView() || a.ordering() != 'c' ? a.dup('c') : a;
    }

    // ---------------------------------------------------------------- arithmetic
    //
    // Element-wise operations follow NumPy 1.2x's type rules (ufunc type resolution with value-based casting for
    // Python scalars). A Java int argument plays a Python int, a Java double a Python float:
    //   uint8 + uint8 -> uint8 (wraps mod 256)      uint8 * 2   -> uint8 (wraps)     uint8 * 2.0 -> float64
    //   uint8 / 255   -> float64                    float32 / 255 -> float32         int32 + float32 -> float64
    // Where NumPy's result has a dtype ConvBook lacks (uint16, int16, float16...), the operation throws and says
    // which astype(...) to write first, rather than return something NumPy would not.

    /** {@code x + other} with NumPy broadcasting; the dtype is {@link DType#promote} (uint8 + uint8 wraps). */
    public Tensor add(Tensor other) {
        return broadcast(other, "add");
    }

    /** {@code x - other} with NumPy broadcasting; the dtype is {@link DType#promote} (uint8 - uint8 wraps). */
    public Tensor sub(Tensor other) {
        return broadcast(other, "sub");
    }

    /** {@code x * other} with NumPy broadcasting; the dtype is {@link DType#promote} (uint8 * uint8 wraps). */
    public Tensor mul(Tensor other) {
        return broadcast(other, "mul");
    }

    /**
     * {@code x / other}, NumPy's true division: integers and bools give float64 ({@code np.true_divide}); floats
     * give {@link DType#promote}.
     */
    public Tensor div(Tensor other) {
        return broadcast(other, "div");
    }

    /**
     * {@code x + k} with a Python int: floats keep their dtype, int32 and int64 too, uint8 stays uint8 (and wraps)
     * when {@code 0 <= k <= 255}, as NumPy's value-based casting; bool gives int64.
     *
     * @throws IllegalArgumentException for uint8 and a {@code k} NumPy would widen to int16 or uint16/uint32 (e.g.
     *         {@code x + 300}, {@code x + (-1)}): ConvBook has no such dtype, so convert with astype("int32") first
     */
    public Tensor add(int k) {
        return scalarOp(k, "add");
    }

    /** {@code x - k} with a Python int; dtypes as {@link #add(int)} ({@code uint8 - 1} stays uint8 and wraps). */
    public Tensor sub(int k) {
        return scalarOp(k, "sub");
    }

    /** {@code x * k} with a Python int; dtypes as {@link #add(int)} ({@code uint8 * 2} stays uint8 and wraps). */
    public Tensor mul(int k) {
        return scalarOp(k, "mul");
    }

    /** {@code x / k}: true division, integers and bools give float64 ({@code uint8 / 255}), floats keep theirs. */
    public Tensor div(int k) {
        return scalarOp(k, "div");
    }

    /**
     * {@code x + v} with a Python float: integers and bools give float64 ({@code uint8 + 2.0}), float32 stays
     * float32 (float64 when {@code v} is too large for float32), float64 stays float64.
     */
    public Tensor add(double v) {
        return scalarOp(v, "add");
    }

    /** {@code x - v} with a Python float; dtypes as {@link #add(double)}. */
    public Tensor sub(double v) {
        return scalarOp(v, "sub");
    }

    /** {@code x * v} with a Python float; dtypes as {@link #add(double)} ({@code uint8 * 2.0} is float64). */
    public Tensor mul(double v) {
        return scalarOp(v, "mul");
    }

    /** {@code x / v}, true division; dtypes as {@link #add(double)} ({@code float32 / 255.} stays float32). */
    public Tensor div(double v) {
        return scalarOp(v, "div");
    }

    /**
     * {@code -x}, NumPy's {@code np.negative}: same dtype, uint8 wraps ({@code -1} becomes 255).
     *
     * @throws IllegalArgumentException for bool, which NumPy refuses too
     */
    public Tensor neg() {
        if (dtype == DType.BOOL) {
            throw new IllegalArgumentException("neg: NumPy does not negate a bool array (it raises TypeError); "
                    + "use astype(\"int32\").neg(), or logical not");
        }
        return wrap(data().neg());
    }

    /** The dtype of {@code x op k} for a Python int {@code k}, NumPy 1.2x's value-based casting. */
    private DType typeWithInt(long k, String op) {
        DType type = switch (dtype) {
            case BOOL -> DType.INT64;                       // bool + 1 -> int64 (the default int)
            case UINT8 -> {
                if (k >= 0 && k <= 255) {
                    yield DType.UINT8;                      // k fits: stays uint8, wraps like C
                }
                if (k < Short.MIN_VALUE && k >= Integer.MIN_VALUE) {
                    yield DType.INT32;
                }
                if (op.equals("div")) {
                    yield DType.INT32;                      // true division gives float64 whatever the int type
                }
                String numpy = k < 0 ? "int16" : k <= 65535 ? "uint16" : "uint32";
                throw new IllegalArgumentException(op + ": a uint8 tensor " + symbol(op) + " " + k + " is " + numpy
                        + " in NumPy (" + k + " does not fit in uint8, 0..255), a dtype ConvBook does not have. "
                        + "Convert first: x.astype(\"int32\")." + op + "(" + k + ") gives int32 with the same values, "
                        + "or x.astype(\"float32\")." + op + "(" + k + ") floats.");
            }
            default -> dtype;                               // int32, int64, floats keep their dtype
        };
        return op.equals("div") && !type.isFloating() ? DType.FLOAT64 : type;
    }

    /** The dtype of {@code x op v} for a Python float {@code v}. */
    private DType typeWithDouble(double v) {
        if (dtype == DType.FLOAT32 && Double.isFinite(v) && Math.abs(v) > Float.MAX_VALUE) {
            return DType.FLOAT64;                           // value-based: v needs float64
        }
        return dtype.isFloating() ? dtype : DType.FLOAT64;
    }

    private static String symbol(String op) {
        return switch (op) {
            case "add" -> "+";
            case "sub" -> "-";
            case "mul" -> "*";
            default -> "/";
        };
    }

    private Tensor scalarOp(long k, String op) {
        DType type = typeWithInt(k, op);
        // ND4J's scalar ops reject integer arrays, so the scalar becomes a rank-0 tensor of the result type
        return astype(type).combine(wrap(Nd4j.scalar(type.nd4j(), (double) k)), type, op);
    }

    private Tensor scalarOp(double v, String op) {
        DType type = typeWithDouble(v);
        return astype(type).combine(wrap(Nd4j.scalar(type.nd4j(), v)), type, op);
    }

    private Tensor broadcast(Tensor other, String op) {
        DType type = DType.promote(dtype, other.dtype);
        if (op.equals("div") && !type.isFloating()) {
            type = DType.FLOAT64;                           // np.true_divide on integers or bools
        } else if (type == DType.BOOL) {
            throw new IllegalArgumentException(op + " of two bool tensors: NumPy gives "
                    + (op.equals("sub") ? "a TypeError" : "a bool (logical " + (op.equals("add") ? "or" : "and") + ")")
                    + ", which ConvBook does not do; convert first with astype(\"int32\")");
        }
        Memory.check(op, type.nd4j(), Broadcast.shape(shape, other.shape, op));   // (N, 1) + (1, N) can be huge
        return astype(type).combine(other.astype(type), type, op);
    }

    /** {@code this op other}, both already of {@code type}. */
    private Tensor combine(Tensor other, DType type, String op) {
        INDArray a = data();
        INDArray b = other.data();
        INDArray out = switch (op) {
            case "add" -> a.add(b);
            case "sub" -> a.sub(b);
            case "mul" -> a.mul(b);
            default -> a.div(b);
        };
        return wrap(out.dataType() == type.nd4j() ? out : out.castTo(type.nd4j()));
    }

    /**
     * {@code x == other}, element-wise with NumPy broadcasting, as a bool tensor: {@code (y_test == predicted)}.
     * Values are compared in the promoted dtype ({@link DType#promote}), so int32 labels compare with int64
     * {@code argmax} results by value.
     */
    public Tensor eq(Tensor other) {
        long[] outShape = Broadcast.shape(shape, other.shape, "eq");
        Memory.check("eq", DataType.BOOL, outShape);
        DType type = DType.promote(dtype, other.dtype);
        if (type == DType.BOOL) {
            type = DType.UINT8;
        }
        INDArray a = astype(type).data();
        INDArray b = other.astype(type).data();
        if (!Arrays.equals(a.shape(), outShape)) {
            a = a.broadcast(outShape);
        }
        if (!Arrays.equals(b.shape(), outShape)) {
            b = b.broadcast(outShape);
        }
        return wrap(a.eq(b));
    }

    /** {@code x == k} for a Python int: compared by value (uint8 {@code == 300} is all False, as in NumPy). */
    public Tensor eq(int k) {
        DType type = dtype.isFloating() ? dtype : DType.INT64;
        return astype(type).eq(wrap(Nd4j.scalar(type.nd4j(), (double) k)));
    }

    /**
     * {@code x == v} for a Python float: a float32 tensor compares with {@code v} rounded to float32 (NumPy's
     * value-based casting, so {@code x == 0.1} finds float32 0.1), anything else in float64.
     */
    public Tensor eq(double v) {
        DType type = typeWithDouble(v);
        return astype(type).eq(wrap(Nd4j.scalar(type.nd4j(), v)));
    }

    /**
     * Matrix product over the last axis of this and the first of {@code other}, like {@code a @ b} for 2-D; the
     * dtype is {@link DType#promote}, except that two integer matrices give float32 (NumPy keeps integers).
     */
    public Tensor matmul(Tensor other) {
        DType type = DType.promote(dtype, other.dtype);
        if (!type.isFloating()) {
            type = DType.FLOAT32;
        }
        if (rank() != 2 || other.rank() != 2 || shape.get(1) != other.shape.get(0)) {
            throw new IllegalArgumentException("matmul needs (n, k) @ (k, m), got " + shape + " @ " + other.shape);
        }
        Memory.check("matmul", type.nd4j(), shape.get(0), other.shape.get(1));
        return wrap(astype(type).data().mmul(other.astype(type).data()));
    }

    // ---------------------------------------------------------------- reductions and element-wise functions

    /**
     * The sum of all values, {@code x.sum()}, as a Java double. NumPy sums integers in int64 (uint8 in uint64), so
     * the value is the same while it stays below 2^53; float32 is summed in float64 here (NumPy: float32).
     */
    public double sum() {
        return data().castTo(DataType.DOUBLE).sumNumber().doubleValue();
    }

    /** The mean of all values, {@code x.mean()}; integers are averaged in float64, as NumPy. */
    public double mean() {
        return data().castTo(DataType.DOUBLE).meanNumber().doubleValue();
    }

    /** The largest value, {@code x.max()}; NaN when a float tensor holds NaN, as NumPy. */
    public double max() {
        return hasNaN() ? Double.NaN : data().castTo(DataType.DOUBLE).maxNumber().doubleValue();
    }

    /** The smallest value, {@code x.min()}; NaN when a float tensor holds NaN, as NumPy. */
    public double min() {
        return hasNaN() ? Double.NaN : data().castTo(DataType.DOUBLE).minNumber().doubleValue();
    }

    private boolean hasNaN() {
        return dtype.isFloating() && data().isNaN().any();
    }

    /**
     * Sums along an axis, {@code x.sum(axis)}: floats keep their dtype; bool, uint8, int32 and int64 are summed in
     * int64, as NumPy (which gives uint64 for uint8: same values, ConvBook has no uint64).
     */
    public Tensor sum(int axis) {
        DType type = dtype.isFloating() ? dtype : DType.INT64;
        return wrap(astype(type).data().sum(shape.normalizeAxis(axis)));
    }

    /** Means along an axis, {@code x.mean(axis)}: floats keep their dtype, bool and integers give float64. */
    public Tensor mean(int axis) {
        DType type = dtype.isFloating() ? dtype : DType.FLOAT64;
        return wrap(astype(type).data().mean(shape.normalizeAxis(axis)));
    }

    /** The largest values along an axis, {@code x.max(axis)}, in the tensor's dtype. */
    public Tensor max(int axis) {
        if (dtype == DType.BOOL) {
            return astype(DType.UINT8).max(axis).astype(DType.BOOL);
        }
        return wrap(data().max(shape.normalizeAxis(axis)));
    }

    /**
     * Index of the largest value along an axis (int64), like {@code np.argmax(x, axis)}: the first one when
     * several are equal, and the first NaN when there is one, as NumPy.
     */
    public Tensor argmax(int axis) {
        int a = shape.normalizeAxis(axis);
        if (!hasNaN()) {
            return wrap(Nd4j.argMax(data(), a));
        }
        int[] order = new int[rank()];   // the axis last, then each row of n values is one search
        for (int i = 0, j = 0; i < order.length; i++) {
            if (i != a) {
                order[j++] = i;
            }
        }
        order[order.length - 1] = a;
        double[] values = transpose(order).toDoubleArray();
        int n = (int) shape.get(a);
        long[] found = new long[values.length / Math.max(n, 1)];
        for (int row = 0; row < found.length; row++) {
            found[row] = firstMax(values, row * n, n);
        }
        long[] outShape = new long[rank() - 1];
        for (int i = 0, j = 0; i < rank(); i++) {
            if (i != a) {
                outShape[j++] = shape.get(i);
            }
        }
        return wrap(Nd4j.createFromArray(found).reshape('c', outShape));
    }

    /** Index of the largest of all values, counted row-major: {@code np.argmax(x)} with no axis. */
    public long argmax() {
        if (size() == 0) {
            throw new IllegalArgumentException("argmax of an empty tensor " + shape + ": NumPy raises too "
                    + "(attempt to get argmax of an empty sequence)");
        }
        double[] values = toDoubleArray();
        return firstMax(values, 0, values.length);
    }

    /** NumPy's argmax over {@code values[from, from + n)}: the first NaN, else the first largest value. */
    private static long firstMax(double[] values, int from, int n) {
        int best = 0;
        for (int i = 0; i < n; i++) {
            double v = values[from + i];
            if (Double.isNaN(v)) {
                return i;
            }
            if (v > values[from + best]) {
                best = i;
            }
        }
        return best;
    }

    /** {@code np.abs(x)}, same dtype. */
    public Tensor abs() {
        return wrap(Transforms.abs(data(), true));
    }

    /**
     * {@code np.sqrt(x)}: floats keep their dtype, int32 and int64 give float64.
     *
     * @throws IllegalArgumentException for uint8 and bool, where NumPy gives float16 (which ConvBook lacks):
     *         write {@code x.astype("float32").sqrt()}
     */
    public Tensor sqrt() {
        return wrap(Transforms.sqrt(unaryFloat("sqrt").data(), true));
    }

    /**
     * {@code np.exp(x)}: floats keep their dtype, int32 and int64 give float64.
     *
     * @throws IllegalArgumentException for uint8 and bool (NumPy: float16), as {@link #sqrt()}
     */
    public Tensor exp() {
        return wrap(Transforms.exp(unaryFloat("exp").data(), true));
    }

    /** {@code x * x}, NumPy's {@code np.square}: same dtype (uint8 wraps). */
    public Tensor square() {
        return mul(this);
    }

    /** The input of a float-valued ufunc such as {@code np.sqrt}, in the dtype NumPy computes it in. */
    private Tensor unaryFloat(String op) {
        if (dtype == DType.UINT8 || dtype == DType.BOOL) {
            throw new IllegalArgumentException(op + " of a " + dtype + " tensor is float16 in NumPy, a dtype ConvBook "
                    + "does not have: write x.astype(\"float32\")." + op + "() (float32) or x.astype(\"float64\")."
                    + op + "()");
        }
        return dtype.isFloating() ? this : astype(DType.FLOAT64);
    }

    /** True when shapes match and every value is within {@code tolerance}. */
    public boolean allClose(Tensor other, double tolerance) {
        if (!shape.equals(other.shape)) {
            return false;
        }
        return data().castTo(DataType.DOUBLE).equalsWithEps(other.data().castTo(DataType.DOUBLE), tolerance);
    }

    // ---------------------------------------------------------------- printing

    /**
     * A header with shape and dtype, then the values as NumPy prints them (summarised with {@code ...}
     * beyond 1,000 values), e.g. {@code Tensor(shape=(2,), dtype=float32)} and {@code [1. 2.]}.
     */
    @Override
    public String toString() {
        if (isSymbolic()) {
            return "<KerasTensor: shape=" + shape + " dtype=" + dtype + " (" + origin.describe() + ")>";
        }
        return "Tensor(shape=" + shape + ", dtype=" + dtype + ")\n" + TensorFormat.format(this);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tensor other) || isSymbolic() || other.isSymbolic()) {
            return this == o;
        }
        return dtype == other.dtype && shape.equals(other.shape) && array.equals(other.array);
    }

    @Override
    public int hashCode() {
        return shape.hashCode() * 31 + dtype.hashCode();
    }
}
