package io.github.convbook.layers;

import io.github.convbook.backend.Memory;
import io.github.convbook.backend.RandomState;
import io.github.convbook.tensor.DType;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Weight initialisers by their Keras names. Values come from the seeded {@link RandomState}, so
 * {@code Utils.setRandomSeed(42)} makes every layer start from the same weights on every run.
 */
public final class Initializers {
    /** Creates the starting values of a weight of the given shape. */
    @FunctionalInterface
    public interface Initializer {
        /**
         * Makes a weight's starting values.
         *
         * @param shape the weight's shape in Keras's layout, e.g. {@code (3, 3, 1, 32)} for a Conv2D kernel; the
         *              fans of the Glorot, He and LeCun initialisers are read from it
         * @param dtype the weight's type, {@code FLOAT32} or {@code FLOAT64}
         * @return a new array of that shape and type
         * @throws IllegalArgumentException when a random initialiser's array would not fit in the memory
         */
        INDArray create(long[] shape, DType dtype);
    }

    private Initializers() {
    }

    /**
     * The initialiser Keras names {@code name}, as {@code kernel_initializer="he_normal"} takes it. With
     * {@code fan_in} the inputs per output unit ({@code kh * kw * in} for a Conv2D kernel {@code (kh, kw, in, out)},
     * {@code in} for a Dense kernel) and {@code fan_out} the outputs ({@code kh * kw * out}, {@code out}):
     * <ul>
     *   <li>"glorot_uniform" (Keras's default kernel initialiser): uniform in {@code [-limit, limit]},
     *       {@code limit = sqrt(6 / (fan_in + fan_out))};</li>
     *   <li>"glorot_normal": truncated normal, {@code stddev = sqrt(2 / (fan_in + fan_out))};</li>
     *   <li>"he_uniform": uniform, {@code limit = sqrt(6 / fan_in)}; "he_normal": truncated normal,
     *       {@code stddev = sqrt(2 / fan_in)} (suited to ReLU);</li>
     *   <li>"lecun_uniform": uniform, {@code limit = sqrt(3 / fan_in)};</li>
     *   <li>"random_uniform": uniform in {@code [-0.05, 0.05]}; "random_normal": normal, {@code stddev = 0.05};</li>
     *   <li>"zeros" (Keras's default bias initialiser) and "ones".</li>
     * </ul>
     * Truncated normals redraw values beyond two standard deviations, as Keras's {@code VarianceScaling}.
     *
     * @param name one of the names above, in any case; not null
     * @return the initialiser
     * @throws IllegalArgumentException for any other name
     * @throws NullPointerException for a null name
     */
    public static Initializer of(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "glorot_uniform":
                return (shape, t) -> uniform(shape, t, Math.sqrt(6.0 / (fanIn(shape) + fanOut(shape))));
            case "glorot_normal":
                return (shape, t) -> truncatedNormal(shape, t, Math.sqrt(2.0 / (fanIn(shape) + fanOut(shape))));
            case "he_uniform": return (shape, t) -> uniform(shape, t, Math.sqrt(6.0 / fanIn(shape)));
            case "he_normal": return (shape, t) -> truncatedNormal(shape, t, Math.sqrt(2.0 / fanIn(shape)));
            case "lecun_uniform": return (shape, t) -> uniform(shape, t, Math.sqrt(3.0 / fanIn(shape)));
            case "random_uniform": return (shape, t) -> uniform(shape, t, 0.05);
            case "random_normal": return (shape, t) -> normal(shape, t, 0.05);
            case "zeros": return (shape, t) -> Nd4j.zeros(t.nd4j(), shape);
            case "ones": return (shape, t) -> Nd4j.ones(t.nd4j(), shape);
            default:
                throw new IllegalArgumentException("Unknown initializer '" + name + "': expected one of"
                        + " glorot_uniform, glorot_normal, he_uniform, he_normal, lecun_uniform, random_uniform,"
                        + " random_normal, zeros, ones");
        }
    }

    /** Keras's fan-in: inputs per output unit; for a kernel (kh, kw, in, out) that is kh * kw * in. */
    static double fanIn(long[] shape) {
        return shape.length < 2 ? shape[0] : shape[shape.length - 2] * receptiveField(shape);
    }

    static double fanOut(long[] shape) {
        return shape.length < 2 ? shape[0] : shape[shape.length - 1] * receptiveField(shape);
    }

    private static double receptiveField(long[] shape) {
        double field = 1;
        for (int i = 0; i < shape.length - 2; i++) {
            field *= shape[i];
        }
        return field;
    }

    private static INDArray uniform(long[] shape, DType type, double limit) {
        return fill(shape, type, random -> (random.nextDouble() * 2 - 1) * limit);
    }

    private static INDArray normal(long[] shape, DType type, double stddev) {
        return fill(shape, type, random -> random.nextGaussian() * stddev);
    }

    /**
     * Normal values redrawn beyond two standard deviations; the stddev is corrected as Keras's VarianceScaling does.
     */
    private static INDArray truncatedNormal(long[] shape, DType type, double stddev) {
        double corrected = stddev / 0.87962566103423978;
        return fill(shape, type, random -> {
            double v;
            do {
                v = random.nextGaussian();
            } while (Math.abs(v) > 2);
            return v * corrected;
        });
    }

    private static INDArray fill(long[] shape, DType type, ToDoubleFunction<Random> draw) {
        Random random = RandomState.generator();
        Memory.check("weight initialisation", type.nd4j(), shape);
        double[] values = new double[Memory.checkJavaArray("weight initialisation", Double.BYTES, shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = draw.applyAsDouble(random);
        }
        return Nd4j.create(values, shape, type.nd4j());
    }
}
