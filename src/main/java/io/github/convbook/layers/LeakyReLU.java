package io.github.convbook.layers;

/**
 * Keras 2.x's {@code layers.LeakyReLU(alpha=0.3)}, value by value: {@code f(x) = x} for {@code x > 0},
 * {@code alpha * x} otherwise, so negative inputs keep a small gradient. Note the default 0.3: the
 * {@code "leaky_relu"} activation name uses {@code tf.nn.leaky_relu}'s 0.2 instead.
 * Shape unchanged: {@code (None, ...) -> (None, ...)}. No weights.
 *
 * <p>Its definition as plain loops: {@link io.github.convbook.layers.loops.ActivationLoops#leakyRelu}.
 */
public class LeakyReLU extends ElementwiseActivation {
    /** Keras 2.x's default slope for negative inputs. */
    public static final double DEFAULT_ALPHA = 0.3;

    private double alpha;

    /** Keras's {@code LeakyReLU()}: alpha 0.3. */
    public LeakyReLU() {
        this(DEFAULT_ALPHA);
    }

    /**
     * Keras's {@code LeakyReLU(alpha)}.
     *
     * @param alpha the slope for inputs at or below 0, e.g. 0.1; computed in float32, as TensorFlow does
     * @throws IllegalArgumentException for NaN (Keras refuses {@code alpha=None})
     */
    public LeakyReLU(double alpha) {
        this.alpha = checked("LeakyReLU", alpha);
    }

    /**
     * Keras's {@code alpha} (default 0.3): the slope for inputs at or below 0.
     *
     * @param alpha the new slope
     * @return this layer, for chaining
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

    /**
     * Keras's {@code layer.alpha}.
     *
     * @return the slope for inputs at or below 0, as given (default 0.3)
     */
    public double alpha() {
        return alpha;
    }

    /**
     * Keras's {@code name=...}.
     *
     * @param name the new name, not blank
     * @return this layer, for chaining
     * @throws IllegalArgumentException for a null or blank name
     */
    @Override
    public LeakyReLU name(String name) {
        super.name(name);
        return this;
    }

    /**
     * Keras's {@code input_shape=(...)} (without the batch axis), for the first layer of a Sequential.
     *
     * @param shape the sizes of one sample
     * @return this layer, for chaining
     */
    @Override
    public LeakyReLU inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    // TF's LeakyRelu op takes alpha as a float32 attribute, so a float64 layer uses 0.3f, not 0.3.
    private double slope() {
        return (float) alpha;
    }

    /**
     * {@code x} above 0, {@code alpha * x} at or below 0.
     *
     * @param v one input value
     * @return the output value
     */
    @Override
    protected double value(double v) {
        return v > 0 ? v : slope() * v;
    }

    /**
     * Slope 1 for inputs above 0, alpha at or below 0 (as TF's LeakyReluGrad).
     *
     * @param v one input value
     * @return 1 or alpha
     */
    @Override
    protected double derivative(double v) {
        return v > 0 ? 1 : slope();
    }
}
