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
 * An n-dimensional array, the Java twin of a NumPy {@code ndarray} / TensorFlow {@code tf.Tensor}.
 *
 * <p>A tensor either holds values (an ND4J {@link INDArray}) or is <em>symbolic</em>: the output of
 * {@code Input.shape(...)} or of a layer applied to one (Keras's {@code KerasTensor}). A symbolic tensor has a shape,
 * usually with an unknown batch size ({@code None}, as in {@code (None, 28, 28, 1)}), and no values; models are built
 * from them.
 *
 * <p>Tensors are values: every operation returns a new tensor and leaves its operands unchanged. Shapes are written
 * as Python tuples, {@code (60000, 28, 28)}; values are stored row-major (C order), as NumPy's default; dtypes are
 * NumPy's names ({@link DType}). Element-wise operations broadcast as NumPy does and follow NumPy 1.2x's type
 * rules. An operation that would allocate more than the memory left throws {@link IllegalArgumentException} with
 * the bytes needed, instead of crashing the JVM in native code. Operations that read values throw
 * {@link IllegalStateException} on a symbolic tensor.
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

    /**
     * Wraps an ND4J array without copying it: the tensor shares the array's values, shape and data type.
     *
     * @param array the values; their ND4J data type must be one ConvBook has (see {@link DType})
     * @return a tensor over {@code array}
     * @throws IllegalArgumentException when the array's data type has no ConvBook dtype (e.g. ND4J's HALF)
     */
    public static Tensor wrap(INDArray array) {
        return new Tensor(array, Shape.of(array.shape()), DType.of(array.dataType()), null);
    }

    /**
     * A tensor with a shape and no values (Keras's {@code KerasTensor}), produced by {@code origin}: an input or a
     * layer call.
     *
     * @param shape the shape, usually with an unknown batch: {@code (None, 28, 28, 1)}
     * @param dtype the element type the values will have
     * @param origin the input or layer call that produces it
     * @return a symbolic tensor
     */
    public static Tensor symbolic(Shape shape, DType dtype, Origin origin) {
        return new Tensor(null, shape, dtype, origin);
    }

    /**
     * Whether this tensor is symbolic: a shape without values, from {@code Input.shape(...)} or a layer applied to one.
     *
     * @return true when this tensor has no values
     */
    public boolean isSymbolic() {
        return array == null;
    }

    /**
     * The layer call that produced this symbolic tensor (Keras's {@code _keras_history}).
     *
     * @return the origin, or null for a tensor with values
     */
    public Origin origin() {
        return origin;
    }

    /**
     * The ND4J array behind this tensor, not a copy: writing to it changes this tensor.
     *
     * @return the array, of this tensor's shape and dtype
     * @throws IllegalStateException for a symbolic tensor, which has no values
     */
    public INDArray data() {
        if (array == null) {
            throw new IllegalStateException("This is a symbolic tensor " + shape + " (" + origin.describe()
                    + "): it has a shape but no values. Build a Model from it and call model.predict(data) to get"
                    + " values.");
        }
        return array;
    }

    // ---------------------------------------------------------------- factories

    /**
     * A float32 tensor of zeros, like {@code np.zeros(shape, dtype="float32")}.
     *
     * @param shape the size of each axis, e.g. {@code zeros(2, 3)} for {@code (2, 3)}; no sizes give a scalar
     *     {@code ()}
     * @return a new float32 tensor of that shape
     * @throws IllegalArgumentException for a negative size or a shape too large for the memory left (see
     *     {@link Memory})
     */
    public static Tensor zeros(long... shape) {
        Memory.check("Tensor.zeros", DataType.FLOAT, shape);
        return wrap(Nd4j.zeros(DataType.FLOAT, shape));
    }

    /**
     * A float32 tensor of ones, like {@code np.ones(shape, dtype="float32")}.
     *
     * @param shape the size of each axis; no sizes give a scalar {@code ()}
     * @return a new float32 tensor of that shape
     * @throws IllegalArgumentException as {@link #zeros}: a negative size or too little memory
     */
    public static Tensor ones(long... shape) {
        Memory.check("Tensor.ones", DataType.FLOAT, shape);
        return wrap(Nd4j.ones(DataType.FLOAT, shape));
    }

    /**
     * A float32 tensor with every value set to {@code value}, like {@code np.full(shape, value, dtype="float32")}.
     *
     * @param value the value, rounded to float32
     * @param shape the size of each axis; no sizes give a scalar {@code ()}
     * @return a new float32 tensor of that shape
     * @throws IllegalArgumentException as {@link #zeros}: a negative size or too little memory
     */
    public static Tensor full(double value, long... shape) {
        Memory.check("Tensor.full", DataType.FLOAT, shape);
        return wrap(Nd4j.valueArrayOf(shape, value, DataType.FLOAT));
    }

    /**
     * A float32 scalar: a tensor of rank 0, shape {@code ()}, holding one value, like {@code np.float32(value)}.
     *
     * @param value the value, rounded to float32
     * @return a new float32 tensor of shape {@code ()}
     */
    public static Tensor scalar(double value) {
        return wrap(Nd4j.scalar(DataType.FLOAT, value));
    }

    /**
     * The integers {@code 0, 1, ..., n-1} as int32, like {@code np.arange(n)} (NumPy gives int64).
     *
     * @param n how many values, at least 0
     * @return a new int32 tensor of shape {@code (n,)}
     * @throws IllegalArgumentException for a negative {@code n}, or one too large for the memory left
     */
    public static Tensor arange(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Tensor.arange: n must be >= 0, got " + n);
        }
        Memory.check("Tensor.arange", DataType.INT, n);
        int[] values = new int[n];
        Arrays.setAll(values, i -> i);
        return of(values, n);
    }

    /**
     * Samples of the standard normal distribution (mean 0, standard deviation 1), like
     * {@code np.random.randn(*shape)}, drawn from ConvBook's one seeded generator ({@code Utils.setRandomSeed}), so a
     * seeded notebook draws the same values every run.
     *
     * @param shape the size of each axis
     * @return a new float32 tensor of that shape
     * @throws IllegalArgumentException for a negative size, or a shape too large for the memory left or for one Java
     *     array (about 2^31 values)
     */
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

    /**
     * Uniform samples in [0, 1), like {@code np.random.random(shape)}, drawn from ConvBook's one seeded generator
     * ({@code Utils.setRandomSeed}).
     *
     * @param shape the size of each axis
     * @return a new float32 tensor of that shape
     * @throws IllegalArgumentException as {@link #randn}: a negative size or a shape too large
     */
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

    /**
     * A float32 tensor from row-major (C order) values, like
     * {@code np.array(values, dtype="float32").reshape(shape)}.
     *
     * @param values the values, the last axis varying fastest; copied
     * @param shape the size of each axis; their product must equal {@code values.length}
     * @return a new float32 tensor of that shape
     * @throws IllegalArgumentException when the shape has a negative size or does not hold {@code values.length}
     *     values
     */
    public static Tensor of(float[] values, long... shape) {
        checkCount(values.length, shape);
        return wrap(Nd4j.create(values, shape, 'c'));
    }

    /**
     * {@link #of(float[], long...)} with int sizes: a float32 tensor from row-major values.
     *
     * @param values the values, the last axis varying fastest; copied
     * @param shape the size of each axis; their product must equal {@code values.length}
     * @return a new float32 tensor of that shape
     * @throws IllegalArgumentException when the shape does not hold {@code values.length} values
     */
    public static Tensor of(float[] values, int... shape) {
        return of(values, toLongs(shape));
    }

    /**
     * A float64 tensor from row-major values: Java's doubles are NumPy's default float, as in
     * {@code np.array(values).reshape(shape)}.
     *
     * @param values the values, the last axis varying fastest; copied
     * @param shape the size of each axis; their product must equal {@code values.length}
     * @return a new float64 tensor of that shape
     * @throws IllegalArgumentException when the shape has a negative size or does not hold {@code values.length}
     *     values
     */
    public static Tensor of(double[] values, long... shape) {
        checkCount(values.length, shape);
        return wrap(Nd4j.create(values, shape, DataType.DOUBLE));
    }

    /**
     * {@link #of(double[], long...)} with int sizes: a float64 tensor from row-major values.
     *
     * @param values the values, the last axis varying fastest; copied
     * @param shape the size of each axis; their product must equal {@code values.length}
     * @return a new float64 tensor of that shape
     * @throws IllegalArgumentException when the shape does not hold {@code values.length} values
     */
    public static Tensor of(double[] values, int... shape) {
        return of(values, toLongs(shape));
    }

    /**
     * An int32 tensor from row-major values, for labels and indices, like
     * {@code np.array(values, dtype="int32").reshape(shape)}.
     *
     * @param values the values, the last axis varying fastest; copied
     * @param shape the size of each axis; their product must equal {@code values.length}
     * @return a new int32 tensor of that shape
     * @throws IllegalArgumentException when the shape has a negative size or does not hold {@code values.length}
     *     values
     */
    public static Tensor of(int[] values, long... shape) {
        checkCount(values.length, shape);
        return wrap(Nd4j.createFromArray(values).reshape('c', shape));
    }

    /**
     * {@link #of(int[], long...)} with int sizes: an int32 tensor from row-major values.
     *
     * @param values the values, the last axis varying fastest; copied
     * @param shape the size of each axis; their product must equal {@code values.length}
     * @return a new int32 tensor of that shape
     * @throws IllegalArgumentException when the shape does not hold {@code values.length} values
     */
    public static Tensor of(int[] values, int... shape) {
        return of(values, toLongs(shape));
    }

    /**
     * A uint8 tensor, for pixels 0..255, from row-major bytes read as unsigned (Java's byte {@code -1} is 255), like
     * {@code np.frombuffer(values, dtype="uint8").reshape(shape)}.
     *
     * @param values the bytes, the last axis varying fastest; copied
     * @param shape the size of each axis, e.g. {@code (60000, 28, 28)} for MNIST's images; their product must equal
     *     {@code values.length}
     * @return a new uint8 tensor of that shape
     * @throws IllegalArgumentException when the shape has a negative size or does not hold {@code values.length}
     *     values
     */
    public static Tensor ofUint8(byte[] values, long... shape) {
        checkCount(values.length, shape);
        return wrap(Nd4j.create(Nd4j.createBuffer(ByteBuffer.wrap(values), DataType.UBYTE, values.length), shape));
    }

    /**
     * A 1-D float32 tensor from values: {@code Tensor.of(1f, 2f, 3f)} has shape {@code (3,)}.
     *
     * @param values the values; copied
     * @return a new float32 tensor of shape {@code (values.length,)}
     */
    public static Tensor of(float... values) {
        return of(values, values.length);
    }

    /**
     * A 1-D float64 tensor from values: {@code Tensor.of(1.0, 2.0)} has shape {@code (2,)}, like
     * {@code np.array([1.0, 2.0])}.
     *
     * @param values the values; copied
     * @return a new float64 tensor of shape {@code (values.length,)}
     */
    public static Tensor of(double... values) {
        return of(values, values.length);
    }

    /**
     * A 1-D int32 tensor from values: {@code Tensor.of(7, 2, 1)} has shape {@code (3,)}, e.g. labels.
     *
     * @param values the values; copied
     * @return a new int32 tensor of shape {@code (values.length,)}
     */
    public static Tensor of(int... values) {
        return of(values, values.length);
    }

    /**
     * A float32 tensor from nested Java arrays (rows), like {@code np.array(values)}: {@code values[i][j]...}
     * becomes the value at {@code (i, j, ...)}.
     *
     * @param values rectangular nested arrays: every row of one level has the same length; copied
     * @return a new float32 tensor of shape {@code (rows, columns)}
     * @throws IllegalArgumentException when the rows of one level differ in length
     */
    public static Tensor of(float[][] values) {
        return ofNested(values);
    }

    /**
     * A float32 tensor from nested Java arrays (a stack of matrices), like {@code np.array(values)}:
     * {@code values[i][j]...} becomes the value at {@code (i, j, ...)}.
     *
     * @param values rectangular nested arrays: every row of one level has the same length; copied
     * @return a new float32 tensor of shape {@code (a, b, c)}
     * @throws IllegalArgumentException when the rows of one level differ in length
     */
    public static Tensor of(float[][][] values) {
        return ofNested(values);
    }

    /**
     * A float32 tensor from nested Java arrays (a batch of images), like {@code np.array(values)}:
     * {@code values[i][j]...} becomes the value at {@code (i, j, ...)}.
     *
     * @param values rectangular nested arrays: every row of one level has the same length; copied
     * @return a new float32 tensor of shape {@code (batch, height, width, channels)}
     * @throws IllegalArgumentException when the rows of one level differ in length
     */
    public static Tensor of(float[][][][] values) {
        return ofNested(values);
    }

    /**
     * A float64 tensor from nested Java arrays (rows), like {@code np.array(values)}: {@code values[i][j]...}
     * becomes the value at {@code (i, j, ...)}.
     *
     * @param values rectangular nested arrays: every row of one level has the same length; copied
     * @return a new float64 tensor of shape {@code (rows, columns)}
     * @throws IllegalArgumentException when the rows of one level differ in length
     */
    public static Tensor of(double[][] values) {
        return ofNested(values);
    }

    /**
     * A float64 tensor from nested Java arrays (a stack of matrices), like {@code np.array(values)}:
     * {@code values[i][j]...} becomes the value at {@code (i, j, ...)}.
     *
     * @param values rectangular nested arrays: every row of one level has the same length; copied
     * @return a new float64 tensor of shape {@code (a, b, c)}
     * @throws IllegalArgumentException when the rows of one level differ in length
     */
    public static Tensor of(double[][][] values) {
        return ofNested(values);
    }

    /**
     * A float64 tensor from nested Java arrays (a batch of images), like {@code np.array(values)}:
     * {@code values[i][j]...} becomes the value at {@code (i, j, ...)}.
     *
     * @param values rectangular nested arrays: every row of one level has the same length; copied
     * @return a new float64 tensor of shape {@code (batch, height, width, channels)}
     * @throws IllegalArgumentException when the rows of one level differ in length
     */
    public static Tensor of(double[][][][] values) {
        return ofNested(values);
    }

    /**
     * A int32 tensor from nested Java arrays (rows), like {@code np.array(values)}: {@code values[i][j]...}
     * becomes the value at {@code (i, j, ...)}.
     *
     * @param values rectangular nested arrays: every row of one level has the same length; copied
     * @return a new int32 tensor of shape {@code (rows, columns)}
     * @throws IllegalArgumentException when the rows of one level differ in length
     */
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

    /**
     * The size of each axis, NumPy's {@code x.shape}: {@code (60000, 28, 28)}, or {@code (None, 10)} for a symbolic
     * tensor whose batch is not known yet.
     *
     * @return the shape
     */
    public Shape shape() {
        return shape;
    }

    /**
     * The element type, NumPy's {@code x.dtype}: float32, float64, int32, int64, uint8 or bool.
     *
     * @return the dtype
     */
    public DType dtype() {
        return dtype;
    }

    /**
     * The number of axes, NumPy's {@code x.ndim}: 0 for a scalar, 4 for a batch of images
     * {@code (None, 28, 28, 1)}.
     *
     * @return the rank
     */
    public int rank() {
        return shape.rank();
    }

    /**
     * The number of values, NumPy's {@code x.size}: the product of the shape, 1 for a scalar.
     *
     * @return the number of values
     * @throws IllegalStateException for a symbolic tensor whose batch size is unknown ({@code None})
     */
    public long size() {
        return shape.size();
    }

    // ---------------------------------------------------------------- shape changes

    /**
     * The same values in a new shape, read and written in row-major order, like {@code np.reshape(x, newShape)}:
     * {@code (60000, 28, 28)} reshaped to {@code (60000, 28, 28, 1)} adds a channel axis. One size may be -1; it is
     * inferred from the others.
     *
     * @param newShape the size of each axis; their product must equal {@link #size()}
     * @return a new tensor of the same dtype
     * @throws IllegalArgumentException when the new shape holds a different number of values, has a size below -1,
     *     or has more than one -1
     * @throws IllegalStateException for a symbolic tensor
     */
    public Tensor reshape(long... newShape) {
        long[] resolved = resolveReshape(newShape);
        return wrap(contiguous().reshape('c', resolved));
    }

    /**
     * {@link #reshape(long...)} with int sizes.
     *
     * @param newShape the size of each axis; one may be -1
     * @return a new tensor of the same dtype
     * @throws IllegalArgumentException when the new shape holds a different number of values
     */
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
                    throw new IllegalArgumentException("reshape: only one dimension can be -1, got "
                            + Arrays.toString(newShape));
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

    /**
     * Removes every axis of size 1, like {@code np.squeeze(x)}: {@code (1, 28, 28, 1)} becomes {@code (28, 28)}.
     *
     * @return a new tensor of the same dtype
     */
    public Tensor squeeze() {
        long[] kept = Arrays.stream(shape.toArray()).filter(d -> d != 1).toArray();
        return reshape(kept);
    }

    /**
     * Removes one axis of size 1, like {@code np.squeeze(x, axis)}: {@code squeeze(-1)} turns {@code (28, 28, 1)} into
     * {@code (28, 28)}.
     *
     * @param axis the axis to remove; negative counts from the end
     * @return a new tensor of the same dtype, one rank lower
     * @throws IllegalArgumentException when the axis does not exist or its size is not 1
     */
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

    /**
     * Inserts an axis of size 1, like {@code np.expand_dims(x, axis)}: {@code expandDims(-1)} turns
     * {@code (60000, 28, 28)} into {@code (60000, 28, 28, 1)}, {@code expandDims(0)} makes one image a batch of one.
     *
     * @param axis where the new axis goes, from 0 to {@code rank()}; -1 appends it at the end
     * @return a new tensor of the same dtype, one rank higher
     * @throws IllegalArgumentException when the axis is out of bounds
     */
    public Tensor expandDims(int axis) {
        int n = rank() + 1;
        int index = axis < 0 ? axis + n : axis;
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException("expandDims(" + axis + ") is out of bounds for a tensor of rank "
                    + rank());
        }
        long[] dims = shape.toArray();
        long[] grown = new long[n];
        for (int i = 0, j = 0; i < n; i++) {
            grown[i] = i == index ? 1 : dims[j++];
        }
        return reshape(grown);
    }

    /**
     * All values in one axis, in row-major order, like NumPy's {@code x.flatten()}: {@code (2, 28, 28)} becomes
     * {@code (1568,)}. To keep the batch axis, write {@code reshape(-1, 784)}.
     *
     * @return a new 1-D tensor of the same dtype
     */
    public Tensor flatten() {
        return reshape(size());
    }

    /**
     * Reverses the axes, like NumPy's {@code x.T}: {@code (2, 3)} becomes {@code (3, 2)}.
     *
     * @return a new tensor of the same dtype, values copied in the new order
     */
    public Tensor transpose() {
        int[] reversed = new int[rank()];
        for (int i = 0; i < reversed.length; i++) {
            reversed[i] = reversed.length - 1 - i;
        }
        return transpose(reversed);
    }

    /**
     * Permutes the axes, like {@code np.transpose(x, axes)}: {@code transpose(0, 3, 1, 2)} turns
     * {@code (None, 28, 28, 1)} (channels last, Keras's default) into {@code (None, 1, 28, 28)}.
     *
     * @param axes a permutation of {@code 0 .. rank()-1}: axis {@code i} of the result is axis {@code axes[i]} of this
     * @return a new tensor of the same dtype
     * @throws IllegalArgumentException when {@code axes} does not have one entry per axis
     */
    public Tensor transpose(int... axes) {
        if (axes.length != rank()) {
            throw new IllegalArgumentException("transpose: expected " + rank() + " axes for shape " + shape + ", got "
                    + Arrays.toString(axes));
        }
        return wrap(data().permute(axes).dup('c'));
    }

    /**
     * Joins tensors along an axis, like {@code np.concatenate(tensors, axis)} / {@code tf.concat}: {@code (2, 3)} and
     * {@code (4, 3)} along axis 0 give {@code (6, 3)}. The dtype is the {@link DType#promote} of all of them.
     *
     * @param axis the axis to join along; negative counts from the end
     * @param tensors at least one tensor; all of the same rank and of equal sizes on every other axis
     * @return a new tensor
     * @throws IllegalArgumentException for no tensors, a missing axis, shapes that differ on another axis, or a
     *     result too large for the memory left
     */
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
                throw new IllegalArgumentException("concat along axis " + axis
                        + " needs equal sizes on every other axis: got shapes "
                        + Arrays.stream(tensors).map(x -> x.shape.toString()).toList());
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

    /**
     * Indexes the leading axes, like NumPy's {@code x[i]} or {@code x[i, j]}: {@code images.get(0)} of
     * {@code (60000, 28, 28)} is the first image, {@code (28, 28)}. Negative indices count from the end.
     *
     * @param index one index per leading axis, at most {@code rank()} of them
     * @return a new tensor (a copy) of the same dtype, whose shape is the remaining axes
     * @throws IllegalArgumentException for more indices than axes
     * @throws IndexOutOfBoundsException for an index outside its axis
     */
    public Tensor get(long... index) {
        if (index.length > rank()) {
            throw new IllegalArgumentException("too many indices: " + index.length + " for a tensor of shape " + shape);
        }
        INDArrayIndex[] indices = new INDArrayIndex[index.length];
        for (int i = 0; i < index.length; i++) {
            long size = shape.get(i);
            long at = index[i] < 0 ? index[i] + size : index[i];
            if (at < 0 || at >= size) {
                throw new IndexOutOfBoundsException("index " + index[i] + " is out of bounds for axis " + i
                        + " with size " + size + " (shape " + shape + ")");
            }
            indices[i] = NDArrayIndex.point(at);
        }
        long[] rest = Arrays.copyOfRange(shape.toArray(), index.length, rank());
        return wrap(data().get(indices).dup('c').reshape('c', rest));
    }

    /**
     * {@link #get(long...)} with int indices: {@code x.get(0)} is {@code x[0]}.
     *
     * @param index one index per leading axis; negative counts from the end
     * @return a new tensor of the remaining axes
     * @throws IllegalArgumentException for more indices than axes
     * @throws IndexOutOfBoundsException for an index outside its axis
     */
    public Tensor get(int... index) {
        return get(toLongs(index));
    }

    /**
     * Rows {@code from} (inclusive) to {@code to} (exclusive) of the first axis, like NumPy's {@code x[from:to]}:
     * {@code slice(0, 100)} of {@code (60000, 28, 28)} is {@code (100, 28, 28)}. Bounds are clipped and may be
     * negative, as in Python.
     *
     * @param from the first row kept
     * @param to the row after the last one kept
     * @return a new tensor (a copy) of the same dtype; empty when {@code to <= from}
     */
    public Tensor slice(long from, long to) {
        return slice(0, from, to);
    }

    /**
     * NumPy's {@code x[..., from:to, ...]} along one axis: {@code slice(1, 0, 14)} of {@code (None, 28, 28, 1)} keeps
     * the top half of each image, {@code (None, 14, 28, 1)}. Bounds are clipped and may be negative, as in Python.
     *
     * @param axis the axis to slice; negative counts from the end
     * @param from the first index kept
     * @param to the index after the last one kept
     * @return a new tensor (a copy) of the same dtype and rank
     * @throws IllegalArgumentException when the axis does not exist
     */
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

    /**
     * One channel of the last axis, NumPy's {@code x[..., c]}: {@code channel(0)} of a feature map
     * {@code (1, 49, 49, 2)} gives {@code (1, 49, 49)}.
     *
     * @param c the channel; negative counts from the end
     * @return a new tensor of the same dtype, one rank lower
     * @throws IndexOutOfBoundsException when there is no channel {@code c}
     */
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

    /**
     * The single value of a one-element tensor, like NumPy's {@code x.item()}, e.g. a loss.
     *
     * @return the value as a Java double
     * @throws IllegalStateException when the tensor holds more or fewer than one value
     */
    public double item() {
        if (size() != 1) {
            throw new IllegalStateException("item() needs a tensor with exactly one value, got shape " + shape);
        }
        return data().getDouble(0L);
    }

    /**
     * The value at a full index, NumPy's {@code x[0, 1]}: {@code x.getDouble(0, 1)}.
     *
     * @param index one index per axis; negative counts from the end
     * @return the value as a Java double
     * @throws IllegalArgumentException when there is not exactly one index per axis
     * @throws IndexOutOfBoundsException for an index outside its axis
     */
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
     * @param type a NumPy dtype name: "float32", "float64", "int32", "int64", "uint8", "bool" (or "float", "double",
     *     "int", "long", "boolean")
     * @return a new tensor of the same shape, or this tensor when it already has that dtype
     * @throws IllegalArgumentException for a dtype name ConvBook does not know (e.g. "float16"), or a result too
     *     large for the memory left
     */
    public Tensor astype(String type) {
        return astype(DType.of(type));
    }

    /**
     * {@link #astype(String)} with a {@link DType}: {@code x.astype(DType.FLOAT32)}.
     *
     * @param type the new element type
     * @return a new tensor of the same shape, or this tensor when it already has that dtype
     * @throws IllegalArgumentException when the result is too large for the memory left
     */
    public Tensor astype(DType type) {
        if (type == dtype) {
            return this;
        }
        Memory.check("astype(\"" + type + "\")", type.nd4j(), shape.toArray());
        return wrap(data().castTo(type.nd4j()));
    }

    /**
     * The values in row-major order as Java floats, like NumPy's {@code x.astype("float32").ravel()}.
     *
     * @return a new array of {@link #size()} floats
     */
    public float[] toFloatArray() {
        return contiguous().castTo(DataType.FLOAT).data().asFloat().clone();
    }

    /**
     * The values in row-major order as Java doubles, like NumPy's {@code x.astype("float64").ravel()}.
     *
     * @return a new array of {@link #size()} doubles
     */
    public double[] toDoubleArray() {
        return contiguous().castTo(DataType.DOUBLE).data().asDouble().clone();
    }

    /**
     * The values in row-major order as Java ints, like NumPy's {@code x.astype("int32").ravel()}: floats are
     * truncated toward zero.
     *
     * @return a new array of {@link #size()} ints
     */
    public int[] toIntArray() {
        return contiguous().castTo(DataType.INT).data().asInt().clone();
    }

    /**
     * The values as nested Java arrays, like NumPy's {@code x.tolist()}: {@code float[][]} for a float32 matrix,
     * {@code double[]} for a float64 vector; integer and bool tensors give {@code int[]...} arrays.
     *
     * @return nested arrays with one level per axis, or a boxed number for a scalar
     */
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

    /**
     * {@code x + other} with NumPy broadcasting, {@code np.add}: {@code (64, 10) + (10,)} adds the vector to each
     * row. The dtype is {@link DType#promote} (uint8 + uint8 stays uint8 and wraps modulo 256).
     *
     * @param other the tensor to add; its shape must broadcast with this one
     * @return a new tensor of the broadcast shape
     * @throws IllegalArgumentException when the shapes do not broadcast, for two bool tensors, or for a result too
     *     large for the memory left
     */
    public Tensor add(Tensor other) {
        return broadcast(other, "add");
    }

    /**
     * {@code x - other} with NumPy broadcasting, {@code np.subtract}; the dtype is {@link DType#promote}
     * (uint8 - uint8 wraps: {@code 1 - 2} is 255).
     *
     * @param other the tensor to subtract; its shape must broadcast with this one
     * @return a new tensor of the broadcast shape
     * @throws IllegalArgumentException as {@link #add(Tensor)}
     */
    public Tensor sub(Tensor other) {
        return broadcast(other, "sub");
    }

    /**
     * {@code x * other}, element-wise with NumPy broadcasting, {@code np.multiply} (for the matrix product see
     * {@link #matmul}); the dtype is {@link DType#promote} (uint8 * uint8 wraps).
     *
     * @param other the tensor to multiply by; its shape must broadcast with this one
     * @return a new tensor of the broadcast shape
     * @throws IllegalArgumentException as {@link #add(Tensor)}
     */
    public Tensor mul(Tensor other) {
        return broadcast(other, "mul");
    }

    /**
     * {@code x / other}, NumPy's true division: integers and bools give float64 ({@code np.true_divide}); floats
     * give {@link DType#promote}. Broadcasts as NumPy; dividing by zero gives infinity or NaN, as NumPy.
     *
     * @param other the divisor; its shape must broadcast with this one
     * @return a new tensor of the broadcast shape
     * @throws IllegalArgumentException when the shapes do not broadcast, or for a result too large for the memory left
     */
    public Tensor div(Tensor other) {
        return broadcast(other, "div");
    }

    /**
     * {@code x + k} with a Python int: floats keep their dtype, int32 and int64 too, uint8 stays uint8 (and wraps)
     * when {@code 0 <= k <= 255}, as NumPy's value-based casting; bool gives int64.
     *
     * @param k the integer to add to every value
     * @return a new tensor of the same shape
     * @throws IllegalArgumentException for uint8 and a {@code k} NumPy would widen to int16 or uint16/uint32 (e.g.
     *         {@code x + 300}, {@code x + (-1)}): ConvBook has no such dtype, so convert with astype("int32") first
     */
    public Tensor add(int k) {
        return scalarOp(k, "add");
    }

    /**
     * {@code x - k} with a Python int; dtypes as {@link #add(int)} ({@code uint8 - 1} stays uint8 and wraps).
     *
     * @param k the integer to subtract from every value
     * @return a new tensor of the same shape
     * @throws IllegalArgumentException for uint8 and a {@code k} outside 0..255, as {@link #add(int)}
     */
    public Tensor sub(int k) {
        return scalarOp(k, "sub");
    }

    /**
     * {@code x * k} with a Python int; dtypes as {@link #add(int)} ({@code uint8 * 2} stays uint8 and wraps).
     *
     * @param k the integer to multiply every value by
     * @return a new tensor of the same shape
     * @throws IllegalArgumentException for uint8 and a {@code k} outside 0..255, as {@link #add(int)}
     */
    public Tensor mul(int k) {
        return scalarOp(k, "mul");
    }

    /**
     * {@code x / k}, NumPy's true division: integers and bools give float64 ({@code uint8 / 255} scales pixels to
     * [0, 1] in float64), floats keep their dtype.
     *
     * @param k the integer divisor; 0 gives infinity or NaN, as NumPy
     * @return a new tensor of the same shape
     */
    public Tensor div(int k) {
        return scalarOp(k, "div");
    }

    /**
     * {@code x + v} with a Python float: integers and bools give float64 ({@code uint8 + 2.0}), float32 stays
     * float32 (float64 when {@code v} is too large for float32), float64 stays float64.
     *
     * @param v the number to add to every value
     * @return a new tensor of the same shape
     */
    public Tensor add(double v) {
        return scalarOp(v, "add");
    }

    /**
     * {@code x - v} with a Python float; dtypes as {@link #add(double)}: {@code x.sub(0.1307)} centres MNIST pixels
     * scaled to [0, 1].
     *
     * @param v the number to subtract from every value
     * @return a new tensor of the same shape
     */
    public Tensor sub(double v) {
        return scalarOp(v, "sub");
    }

    /**
     * {@code x * v} with a Python float; dtypes as {@link #add(double)} ({@code uint8 * 2.0} is float64).
     *
     * @param v the number to multiply every value by
     * @return a new tensor of the same shape
     */
    public Tensor mul(double v) {
        return scalarOp(v, "mul");
    }

    /**
     * {@code x / v}, true division; dtypes as {@link #add(double)} ({@code float32 / 255.} stays float32).
     *
     * @param v the divisor; 0 gives infinity or NaN, as NumPy
     * @return a new tensor of the same shape
     */
    public Tensor div(double v) {
        return scalarOp(v, "div");
    }

    /**
     * {@code -x}, NumPy's {@code np.negative}: same dtype, uint8 wraps ({@code -1} becomes 255).
     *
     * @return a new tensor of the same shape and dtype
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
     *
     * @param other the tensor to compare with; its shape must broadcast with this one
     * @return a new bool tensor of the broadcast shape; {@code mean()} of it is the fraction equal
     * @throws IllegalArgumentException when the shapes do not broadcast, or for a result too large for the memory left
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

    /**
     * {@code x == k} for a Python int, compared by value (uint8 {@code == 300} is all False, as in NumPy):
     * {@code labels.eq(7)} marks the sevens.
     *
     * @param k the integer to compare every value with
     * @return a new bool tensor of the same shape
     */
    public Tensor eq(int k) {
        DType type = dtype.isFloating() ? dtype : DType.INT64;
        return astype(type).eq(wrap(Nd4j.scalar(type.nd4j(), (double) k)));
    }

    /**
     * {@code x == v} for a Python float: a float32 tensor compares with {@code v} rounded to float32 (NumPy's
     * value-based casting, so {@code x == 0.1} finds float32 0.1), anything else in float64.
     *
     * @param v the number to compare every value with
     * @return a new bool tensor of the same shape
     */
    public Tensor eq(double v) {
        DType type = typeWithDouble(v);
        return astype(type).eq(wrap(Nd4j.scalar(type.nd4j(), v)));
    }

    /**
     * Matrix product over the last axis of this and the first of {@code other}, like {@code a @ b} for 2-D; the
     * dtype is {@link DType#promote}, except that two integer matrices give float32 (NumPy keeps integers).
     * {@code (None, 784) @ (784, 10)} is what a {@code Dense(10)} layer computes before its bias.
     *
     * @param other a matrix {@code (k, m)} when this one is {@code (n, k)}
     * @return a new matrix {@code (n, m)}
     * @throws IllegalArgumentException unless both are 2-D with matching inner sizes, or for a result too large for
     *     the memory left
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
     *
     * @return the sum
     */
    public double sum() {
        return data().castTo(DataType.DOUBLE).sumNumber().doubleValue();
    }

    /**
     * The mean of all values, {@code x.mean()}; integers and bools are averaged in float64, as NumPy, so
     * {@code y.eq(predicted).mean()} is an accuracy.
     *
     * @return the mean
     */
    public double mean() {
        return data().castTo(DataType.DOUBLE).meanNumber().doubleValue();
    }

    /**
     * The largest value, {@code x.max()}; NaN when a float tensor holds NaN, as NumPy.
     *
     * @return the largest value
     */
    public double max() {
        return hasNaN() ? Double.NaN : data().castTo(DataType.DOUBLE).maxNumber().doubleValue();
    }

    /**
     * The smallest value, {@code x.min()}; NaN when a float tensor holds NaN, as NumPy.
     *
     * @return the smallest value
     */
    public double min() {
        return hasNaN() ? Double.NaN : data().castTo(DataType.DOUBLE).minNumber().doubleValue();
    }

    private boolean hasNaN() {
        return dtype.isFloating() && data().isNaN().any();
    }

    /**
     * Sums along an axis, {@code x.sum(axis)}: floats keep their dtype; bool, uint8, int32 and int64 are summed in
     * int64, as NumPy (which gives uint64 for uint8: same values, ConvBook has no uint64). {@code sum(0)} of
     * {@code (64, 10)} is {@code (10,)}.
     *
     * @param axis the axis summed away; negative counts from the end
     * @return a new tensor one rank lower
     * @throws IllegalArgumentException when the axis does not exist
     */
    public Tensor sum(int axis) {
        DType type = dtype.isFloating() ? dtype : DType.INT64;
        return wrap(astype(type).data().sum(shape.normalizeAxis(axis)));
    }

    /**
     * Means along an axis, {@code x.mean(axis)}: floats keep their dtype, bool and integers give float64.
     * {@code mean(0)} of {@code (64, 10)} is {@code (10,)}.
     *
     * @param axis the axis averaged away; negative counts from the end
     * @return a new tensor one rank lower
     * @throws IllegalArgumentException when the axis does not exist
     */
    public Tensor mean(int axis) {
        DType type = dtype.isFloating() ? dtype : DType.FLOAT64;
        return wrap(astype(type).data().mean(shape.normalizeAxis(axis)));
    }

    /**
     * The largest values along an axis, {@code x.max(axis)}, in the tensor's dtype: {@code max(-1)} of class scores
     * {@code (None, 10)} gives each row's best score, {@code (None,)}.
     *
     * @param axis the axis reduced away; negative counts from the end
     * @return a new tensor one rank lower, same dtype
     * @throws IllegalArgumentException when the axis does not exist
     */
    public Tensor max(int axis) {
        if (dtype == DType.BOOL) {
            return astype(DType.UINT8).max(axis).astype(DType.BOOL);
        }
        return wrap(data().max(shape.normalizeAxis(axis)));
    }

    /**
     * Index of the largest value along an axis (int64), like {@code np.argmax(x, axis)}: the first one when
     * several are equal, and the first NaN when there is one, as NumPy. {@code argmax(-1)} of predictions
     * {@code (None, 10)} gives the predicted classes, {@code (None,)}.
     *
     * @param axis the axis searched; negative counts from the end
     * @return a new int64 tensor one rank lower
     * @throws IllegalArgumentException when the axis does not exist
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

    /**
     * Index of the largest of all values, counted row-major: {@code np.argmax(x)} with no axis (the first NaN, if
     * any, else the first largest value).
     *
     * @return the flat index, from 0 to {@code size() - 1}
     * @throws IllegalArgumentException for an empty tensor, as NumPy
     */
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

    /**
     * The absolute values, {@code np.abs(x)}, in the same dtype.
     *
     * @return a new tensor of the same shape and dtype
     */
    public Tensor abs() {
        return wrap(Transforms.abs(data(), true));
    }

    /**
     * {@code np.sqrt(x)}: floats keep their dtype, int32 and int64 give float64; negative values give NaN.
     *
     * @return a new tensor of the same shape
     * @throws IllegalArgumentException for uint8 and bool, where NumPy gives float16 (which ConvBook lacks):
     *         write {@code x.astype("float32").sqrt()}
     */
    public Tensor sqrt() {
        return wrap(Transforms.sqrt(unaryFloat("sqrt").data(), true));
    }

    /**
     * {@code np.exp(x)}: floats keep their dtype, int32 and int64 give float64.
     *
     * @return a new tensor of the same shape
     * @throws IllegalArgumentException for uint8 and bool (NumPy: float16), as {@link #sqrt()}
     */
    public Tensor exp() {
        return wrap(Transforms.exp(unaryFloat("exp").data(), true));
    }

    /**
     * {@code x * x}, NumPy's {@code np.square}: same dtype (uint8 wraps).
     *
     * @return a new tensor of the same shape and dtype
     * @throws IllegalArgumentException for a bool tensor, as {@link #mul(Tensor)}
     */
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

    /**
     * Whether shapes match and every value is within {@code tolerance} of the other's, like
     * {@code np.allclose(x, other, rtol=0, atol=tolerance)}; dtypes may differ.
     *
     * @param other the tensor to compare with
     * @param tolerance the largest absolute difference allowed, e.g. {@code 1e-6}
     * @return true when close everywhere
     */
    public boolean allClose(Tensor other, double tolerance) {
        if (!shape.equals(other.shape)) {
            return false;
        }
        return data().castTo(DataType.DOUBLE).equalsWithEps(other.data().castTo(DataType.DOUBLE), tolerance);
    }

    // ---------------------------------------------------------------- printing

    /**
     * A header with shape and dtype, then the values as NumPy prints them (summarised with {@code ...}
     * beyond 1,000 values), e.g. {@code Tensor(shape=(2,), dtype=float32)} and {@code [1. 2.]}. A symbolic tensor
     * prints as Keras prints one: {@code <KerasTensor: shape=(None, 10) dtype=float32 (created by layer 'dense')>}.
     *
     * @return the header and values
     */
    @Override
    public String toString() {
        if (isSymbolic()) {
            return "<KerasTensor: shape=" + shape + " dtype=" + dtype + " (" + origin.describe() + ")>";
        }
        return "Tensor(shape=" + shape + ", dtype=" + dtype + ")\n" + TensorFormat.format(this);
    }

    /**
     * Whether {@code o} is a tensor of the same dtype, shape and values (symbolic tensors: only the same object).
     *
     * @param o the object to compare with
     * @return true when equal
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tensor other) || isSymbolic() || other.isSymbolic()) {
            return this == o;
        }
        return dtype == other.dtype && shape.equals(other.shape) && array.equals(other.array);
    }

    /**
     * A hash of the shape and dtype, consistent with {@link #equals}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return shape.hashCode() * 31 + dtype.hashCode();
    }
}
