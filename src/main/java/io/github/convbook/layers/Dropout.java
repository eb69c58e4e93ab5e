package io.github.convbook.layers;

import io.github.convbook.backend.RandomState;
import io.github.convbook.tensor.Shape;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * During training, zeroes each value with probability {@code rate} and scales the rest by {@code 1 / (1 - rate)}
 * so the expected sum is unchanged; at inference (predict, evaluate) it passes values through untouched.
 *
 * <p>Its definition as plain loops: {@link io.github.convbook.layers.loops.DropoutLoops#dropout}.
 */
public class Dropout extends Layer {
    private final double rate;
    private INDArray lastMask;   // null when nothing was dropped

    /**
     * Keras's {@code Dropout(rate)} ({@code noise_shape=None}: every value is dropped on its own). The random draws
     * come from the seeded generator, so {@code Utils.setRandomSeed(42)} repeats them.
     *
     * @param rate the fraction of values to drop during training, in {@code [0, 1)}, e.g. 0.5
     * @throws IllegalArgumentException for a rate outside {@code [0, 1)} or NaN
     */
    public Dropout(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("Dropout: rate must be in [0, 1), got " + rate);
        }
        this.rate = rate;
    }

    /**
     * Keras's {@code layer.rate}.
     *
     * @return the fraction of values dropped during training
     */
    public double rate() {
        return rate;
    }

    /**
     * Keras's {@code name=...}.
     *
     * @param name the new name, not blank
     * @return this layer, for chaining
     * @throws IllegalArgumentException for a null or blank name
     */
    @Override
    public Dropout name(String name) {
        super.name(name);
        return this;
    }

    /**
     * Any input shape.
     *
     * @param inputShape the input's shape
     */
    @Override
    protected void validateInput(Shape inputShape) {
    }

    /**
     * Keras's {@code compute_output_shape}: the same shape, {@code (None, 128) -> (None, 128)}.
     *
     * @param inputShape the input's shape
     * @return {@code inputShape}
     */
    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return inputShape;
    }

    /**
     * With {@code training} (and a rate above 0), a fresh array with a new random mask applied: each value zeroed
     * with probability {@code rate}, the others multiplied by {@code 1 / (1 - rate)}. Otherwise the input itself.
     *
     * @param input    the batch, any shape
     * @param training true during {@code fit}: drop values and keep the mask for {@link #backward}
     * @return the batch with values dropped and scaled, or {@code input} itself at inference
     */
    @Override
    protected INDArray call(INDArray input, boolean training) {
        lastMask = null;
        if (!training || rate == 0) {
            return input;
        }
        lastMask = mask(input);
        return input.mul(lastMask);
    }

    /**
     * The gradient goes through the kept values only, scaled as they were: the output gradient times the last
     * training call's mask.
     *
     * @param outputGradient    the loss gradient with respect to the last training output
     * @param needInputGradient false when nothing before this layer learns
     * @return the loss gradient with respect to the input, of its shape ({@code outputGradient} itself when nothing
     *         was dropped), or null
     */
    @Override
    protected INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        if (!needInputGradient) {
            return null;
        }
        return lastMask == null ? outputGradient : outputGradient.mul(lastMask);
    }

    /** Kept positions hold {@code 1 / (1 - rate)}, dropped ones 0, drawn from the seeded generator. */
    INDArray mask(INDArray like) {
        Random random = RandomState.generator();
        float[] values = new float[Math.toIntExact(like.length())];
        float keep = (float) (1 / (1 - rate));
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() < rate ? 0f : keep;
        }
        return Nd4j.create(values, like.shape(), 'c').castTo(like.dataType());
    }
}
