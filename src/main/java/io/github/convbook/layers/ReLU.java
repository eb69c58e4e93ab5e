package io.github.convbook.layers;

/**
 * Keras's {@code layers.ReLU(max_value=None, negative_slope=0.0, threshold=0.0)}, value by value:
 * <pre>
 *   f(x) = max_value                          if x > threshold and x >= max_value
 *   f(x) = x                                  if threshold &lt; x &lt; max_value
 *   f(x) = negative_slope * (x - threshold)   if x &lt;= threshold
 * </pre>
 * With the defaults it is {@code max(x, 0)}; {@code maxValue(6)} gives ReLU6. At {@code x == threshold} the result is
 * 0, as Keras computes it ({@code x * (x > threshold)}), although Keras's docstring writes {@code threshold <= x}.
 * Shape unchanged: {@code (None, ...) -> (None, ...)}. No weights.
 *
 * <p>Its definition as plain loops: {@link io.github.convbook.layers.loops.ActivationLoops#relu}.
 */
public class ReLU extends ElementwiseActivation {
    private Double maxValue;          // null: no cap, Keras's None
    private double negativeSlope = 0.0;
    private double threshold = 0.0;

    /** Keras's {@code ReLU()}: {@code max(x, 0)}. */
    public ReLU() {
    }

    /**
     * Keras's {@code max_value} (default None: no cap). The output never exceeds it.
     *
     * @param maxValue the cap, {@code >= 0}, e.g. 6 for ReLU6
     * @return this layer, for chaining
     * @throws IllegalArgumentException for a negative value or NaN
     */
    public ReLU maxValue(double maxValue) {
        requireNonNegative("max_value", maxValue);
        this.maxValue = maxValue;
        return this;
    }

    /**
     * Keras's {@code negative_slope} (default 0.0): the slope below the threshold; 0.2 gives a leaky ReLU.
     *
     * @param negativeSlope the slope, {@code >= 0}
     * @return this layer, for chaining
     * @throws IllegalArgumentException for a negative value or NaN
     */
    public ReLU negativeSlope(double negativeSlope) {
        requireNonNegative("negative_slope", negativeSlope);
        this.negativeSlope = negativeSlope;
        return this;
    }

    /**
     * Keras's {@code threshold} (default 0.0): values at or below it are damped (multiplied by the negative slope
     * after subtracting the threshold).
     *
     * @param threshold the threshold, {@code >= 0}
     * @return this layer, for chaining
     * @throws IllegalArgumentException for a negative value or NaN
     */
    public ReLU threshold(double threshold) {
        requireNonNegative("threshold", threshold);
        this.threshold = threshold;
        return this;
    }

    /** Keras raises ValueError for negative arguments, with this message. */
    private void requireNonNegative(String argument, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(describe() + ": " + argument
                    + " of a ReLU layer cannot be a negative value. Received: " + value);
        }
    }

    /**
     * Keras's {@code layer.max_value}.
     *
     * @return the cap, or null when there is none (Keras's None, the default)
     */
    public Double maxValue() {
        return maxValue;
    }

    /**
     * Keras's {@code layer.negative_slope}.
     *
     * @return the slope at or below the threshold (default 0.0)
     */
    public double negativeSlope() {
        return negativeSlope;
    }

    /**
     * Keras's {@code layer.threshold}.
     *
     * @return the threshold (default 0.0)
     */
    public double threshold() {
        return threshold;
    }

    /**
     * Keras's {@code name=...}.
     *
     * @param name the new name, not blank
     * @return this layer, for chaining
     * @throws IllegalArgumentException for a null or blank name
     */
    @Override
    public ReLU name(String name) {
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
    public ReLU inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    // Keras stores its arguments as float32 (backend.cast_to_floatx), so a float64 layer uses 0.1f, not 0.1.
    private double slope() {
        return (float) negativeSlope;
    }

    private double cut() {
        return (float) threshold;
    }

    private double cap() {
        return maxValue == null ? Double.POSITIVE_INFINITY : (float) (double) maxValue;
    }

    /**
     * The formula of the class comment, with the settings rounded to float32 as Keras stores them.
     *
     * @param v one input value
     * @return the output value
     */
    @Override
    protected double value(double v) {
        if (v > cut()) {
            return v >= cap() ? cap() : v;
        }
        return slope() == 0 ? 0.0 : slope() * (v - cut());   // 0.0, not -0.0, as tf.nn.relu gives
    }

    /**
     * 1 between the threshold and the cap, {@code negative_slope} at or below the threshold, 0 at or above the cap.
     *
     * @param v one input value
     * @return the slope there
     */
    @Override
    protected double derivative(double v) {
        return v > cut() ? (v >= cap() ? 0 : 1) : slope();
    }
}
