package io.github.convbook.tensor;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;

/** Element types, named as NumPy names them ({@code float32}, {@code uint8}, ...). */
public enum DType {
    FLOAT32("float32", DataType.FLOAT),
    FLOAT64("float64", DataType.DOUBLE),
    INT32("int32", DataType.INT),
    INT64("int64", DataType.LONG),
    UINT8("uint8", DataType.UBYTE),
    BOOL("bool", DataType.BOOL);

    private final String numpyName;
    private final DataType nd4j;

    DType(String numpyName, DataType nd4j) {
        this.numpyName = numpyName;
        this.nd4j = nd4j;
    }

    public DataType nd4j() {
        return nd4j;
    }

    public boolean isFloating() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** Accepts NumPy's names and common aliases: "float32", "float", "double", "int", "uint8", ... */
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

    public static DType of(DataType type) {
        for (DType t : values()) {
            if (t.nd4j == type) {
                return t;
            }
        }
        throw new IllegalArgumentException("ND4J data type " + type + " has no ConvBook dtype");
    }

    /** True for the integer dtypes uint8, int32 and int64 (not bool, not floats). */
    public boolean isInteger() {
        return this == UINT8 || this == INT32 || this == INT64;
    }

    /**
     * The type of {@code a op b} for two arrays, NumPy's {@code np.result_type(a, b)} (NumPy 1.2x) for the dtypes
     * ConvBook has: bool gives way to any number; uint8 with int32 is int32, with int64 int64; uint8 with float32 is
     * float32, but int32 or int64 with float32 is float64 (float32 cannot hold every int32); float64 wins over all.
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

    @Override
    public String toString() {
        return numpyName;
    }
}
