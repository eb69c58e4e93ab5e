package io.github.convbook.tensor;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Element types, named as NumPy names them ({@code float32}, {@code uint8}, ...): NumPy's {@code np.dtype} for the six
 * types ConvBook uses. Images arrive as uint8, networks compute in float32, labels are int32 or int64, comparisons
 * give bool.
 */
public enum DType {
    /** 32-bit float, NumPy's {@code float32}: Keras's default for weights and activations. */
    FLOAT32("float32", DataType.FLOAT),
    /** 64-bit float, NumPy's {@code float64}: what Java's doubles and NumPy's default floats are. */
    FLOAT64("float64", DataType.DOUBLE),
    /** 32-bit signed integer, NumPy's {@code int32}: class labels. */
    INT32("int32", DataType.INT),
    /** 64-bit signed integer, NumPy's {@code int64}: what {@code argmax} gives. */
    INT64("int64", DataType.LONG),
    /** 8-bit unsigned integer 0..255, NumPy's {@code uint8}: pixels as image files and MNIST store them. */
    UINT8("uint8", DataType.UBYTE),
    /** True or false, NumPy's {@code bool}: the result of comparisons such as {@code x.eq(y)}. */
    BOOL("bool", DataType.BOOL);

    private final String numpyName;
    private final DataType nd4j;

    DType(String numpyName, DataType nd4j) {
        this.numpyName = numpyName;
        this.nd4j = nd4j;
    }

    /**
     * ND4J's data type for this dtype, e.g. {@code FLOAT} for float32.
     *
     * @return the ND4J data type
     */
    public DataType nd4j() {
        return nd4j;
    }

    /**
     * Whether this is float32 or float64, NumPy's {@code np.issubdtype(t, np.floating)}.
     *
     * @return true for the float types
     */
    public boolean isFloating() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /**
     * The dtype of a name, as {@code np.dtype(name)}: NumPy's names "float32", "float64", "int32", "int64", "uint8",
     * "bool", and the aliases "float" (float32 here, Keras's default float; NumPy reads it as float64), "double",
     * "int", "long" and "boolean". Case and surrounding spaces are ignored.
     *
     * @param name the name
     * @return the dtype
     * @throws IllegalArgumentException for a name ConvBook does not know, e.g. "float16"
     */
    public static DType of(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "float": return FLOAT32;
            case "double": return FLOAT64;
            case "int": return INT32;
            case "long": return INT64;
            case "boolean": return BOOL;
            default:
                for (DType t : values()) {
                    if (t.numpyName.equals(key)) {
                        return t;
                    }
                }
        }
        throw new IllegalArgumentException("Unknown dtype '" + name + "': expected one of "
                + Arrays.stream(values()).map(DType::toString).toList());
    }

    /**
     * The ConvBook dtype of an ND4J data type.
     *
     * @param type ND4J's data type, e.g. {@code DataType.FLOAT}
     * @return the dtype
     * @throws IllegalArgumentException for an ND4J type ConvBook lacks (HALF, SHORT, UINT64...)
     */
    public static DType of(DataType type) {
        for (DType t : values()) {
            if (t.nd4j == type) {
                return t;
            }
        }
        throw new IllegalArgumentException("ND4J data type " + type + " has no ConvBook dtype");
    }

    /**
     * Whether this is one of the integer dtypes uint8, int32 and int64 (not bool, not floats).
     *
     * @return true for the integer types
     */
    public boolean isInteger() {
        return this == UINT8 || this == INT32 || this == INT64;
    }

    /**
     * The type of {@code a op b} for two arrays, NumPy's {@code np.result_type(a, b)} (NumPy 1.2x) for the dtypes
     * ConvBook has: bool gives way to any number; uint8 with int32 is int32, with int64 int64; uint8 with float32 is
     * float32, but int32 or int64 with float32 is float64 (float32 cannot hold every int32); float64 wins over all.
     *
     * @param a the dtype of one operand
     * @param b the dtype of the other
     * @return the dtype of the result
     */
    public static DType promote(DType a, DType b) {
        if (a == b) {
            return a;
        }
        if (a == BOOL || b == BOOL) {
            return a == BOOL ? b : a;
        }
        if (a == FLOAT64 || b == FLOAT64) {
            return FLOAT64;
        }
        if (a == FLOAT32 || b == FLOAT32) {
            return a == UINT8 || b == UINT8 ? FLOAT32 : FLOAT64;
        }
        if (a == INT64 || b == INT64) {
            return INT64;
        }
        return INT32;
    }

    /**
     * NumPy's name of this dtype, e.g. {@code float32}.
     *
     * @return the name
     */
    @Override
    public String toString() {
        return numpyName;
    }
}
