package io.github.convbook.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.tensor.Shape;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Finite-difference gradient checks in double precision. The scalar checked is {@code L = sum(layer(x) * R)} for a
 * fixed random R, so {@code dL/d(output) = R}; every input value and every weight is perturbed by +-h and the
 * central difference is compared with what {@link Layer#backward} returns.
 */
final class GradientCheck {
    static final double H = 1e-6;
    static final double TOLERANCE = 1e-6;

    private GradientCheck() {
    }

    static INDArray random(Random random, long... shape) {
        double[] values = new double[(int) Shape.of(shape).size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() * 2 - 1;
        }
        return Nd4j.create(values, shape, DataType.DOUBLE);
    }

    /** Checks input and weight gradients of {@code layer} (dtype float64) at a random input of {@code inputShape}. */
    static void check(Layer layer, long[] inputShape, long seed) {
        Random random = new Random(seed);
        INDArray x = random(random, inputShape);
        layer.ensureBuilt(Shape.of(inputShape));
        for (INDArray w : layer.weightArrays().values()) {
            w.assign(random(random, w.shape()));   // non-zero biases too
        }
        INDArray out = layer.call(x.dup(), true);
        INDArray r = random(random, out.shape());
        INDArray inputGradient = layer.backward(r.dup(), true);
        compare(layer, "input", x, inputGradient, () -> loss(layer, x, r));
        Map<String, INDArray> gradients = layer.gradients();
        layer.weightArrays().forEach((name, w) -> compare(layer, name, w, gradients.get(name),
                () -> loss(layer, x, r)));
    }

    private static double loss(Layer layer, INDArray x, INDArray r) {
        return layer.call(x.dup(), false).mul(r).sumNumber().doubleValue();
    }

    /** Perturbs each value of {@code values} in place and compares the central difference with {@code analytic}. */
    private static void compare(Layer layer, String what, INDArray values, INDArray analytic,
                                DoubleSupplier loss) {
        assertTrue(analytic != null, layer.describe() + ": no gradient for " + what);
        INDArray flat = values.reshape(values.length());
        INDArray grad = analytic.dup('c').reshape(analytic.length());
        double worst = 0;
        for (long i = 0; i < flat.length(); i++) {
            double original = flat.getDouble(i);
            flat.putScalar(i, original + H);
            double plus = loss.getAsDouble();
            flat.putScalar(i, original - H);
            double minus = loss.getAsDouble();
            flat.putScalar(i, original);
            double numeric = (plus - minus) / (2 * H);
            double a = grad.getDouble(i);
            double error = Math.abs(a - numeric) / Math.max(Math.abs(a) + Math.abs(numeric), 1e-8);
            if (Math.abs(a - numeric) > 1e-9) {   // both ~0: nothing to compare
                worst = Math.max(worst, error);
            }
        }
        assertTrue(worst < TOLERANCE, layer.describe() + " " + what + ": relative error " + worst);
    }
}
