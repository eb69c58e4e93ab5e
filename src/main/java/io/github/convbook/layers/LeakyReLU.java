package io.github.convbook.layers;

import io.github.convbook.ops.Values;
import io.github.convbook.tensor.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras 2.x's {@code layers.LeakyReLU(alpha=0.3)}, value by value: {@code f(x) = x} for {@code x > 0},
 * {@code alpha * x} otherwise, so negative inputs keep a small gradient. Note the default 0.3: the
 * {@code "leaky_relu"} activation name uses {@code tf.nn.leaky_relu}'s 0.2 instead.
 * Shape unchanged: {@code (None, ...) -> (None, ...)}. No weights.
 */
public class LeakyReLU extends Layer {
    /** Keras 2.x's default slope for negative inputs. */
    public static final double DEFAULT_ALPHA = 0.3;

    private double alpha;
    private INDArray lastInput;       // kept by call(..., training = true) for backward
    private final Scratch scratch = new Scratch();

    /** Keras's {@code LeakyReLU()}: alpha 0.3. */
    public LeakyReLU() {
        this(DEFAULT_ALPHA);
    }

    /**
     * Keras's {@code LeakyReLU(alpha)}.
     *
     * @throws IllegalArgumentException for NaN (Keras refuses {@code alpha=None})
     */
    public LeakyReLU(double alpha) {
        this.alpha = checked("LeakyReLU", alpha);
    }

    /**
     * Keras's {@code alpha} (default 0.3): the slope for inputs at or below 0.
     *
     * @throws IllegalArgumentException for NaN
     */
    public LeakyReLU alpha(double alpha) {
        this.alpha = checked(describe(), alpha);
        return this;
    }

    private static double checked(String who, double alpha) {
        if (Double.isNaN(alpha)) {
            throw new IllegalArgumentException(who + ": The alpha value of a Leaky ReLU layer cannot be NaN, it needs a"
                    + " number (Keras's default is 0.3)");
        }
        return alpha;
    }

    /** Keras's {@code alpha} (default 0.3). */
    public double alpha() {
        return alpha;
    }

    /** Keras's {@code name=...}. */
    @Override
    public LeakyReLU name(String name) {
        super.name(name);
        return this;
    }

    /** Keras's {@code input_shape=(...)} (without the batch axis), for the first layer of a Sequential. */
    @Override
    public LeakyReLU inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    /**
     * Any input with a batch axis.
     *
     * @throws IllegalArgumentException for a scalar
     */
    @Override
    protected void validateInput(Shape inputShape) {
        if (inputShape.rank() < 1) {
            throw new IllegalArgumentException(describe() + " expects input with a batch axis, got a scalar");
        }
    }

    /** {@code (None, ...) -> (None, ...)}: the same shape. */
    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return inputShape;
    }

    // TF's LeakyRelu op takes alpha as a float32 attribute, so a float64 layer uses 0.3f, not 0.3.
    private double slope() {
        return (float) alpha;
    }

    /** The forward pass on a batch; the result lives in a buffer this layer reuses for the next batch. */
    @Override
    public INDArray call(INDArray input, boolean training) {
        INDArray in = Values.isContiguous(input) ? input : input.dup('c');
        INDArray out = scratch.get("output", in.dataType(), in.shape());
        Values x = Values.of(in);
        Values y = Values.of(out);
        double a = slope();
        for (int i = 0; i < x.length(); i++) {
            double v = x.get(i);
            y.set(i, v > 0 ? v : a * v);
        }
        if (training) {
            lastInput = in;
        }
        return out;
    }

    /** Slope 1 for inputs above 0, alpha at or below 0 (as TF's LeakyReluGrad). */
    @Override
    public INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        if (!needInputGradient) {
            return null;
        }
        INDArray grad = Values.isContiguous(outputGradient) ? outputGradient : outputGradient.dup('c');
        INDArray result = scratch.get("inputGradient", lastInput.dataType(), lastInput.shape());
        Values x = Values.of(lastInput);
        Values g = Values.of(grad);
        Values r = Values.of(result);
        double a = slope();
        for (int i = 0; i < x.length(); i++) {
            r.set(i, x.get(i) > 0 ? g.get(i) : a * g.get(i));
        }
        return result;
    }
}
