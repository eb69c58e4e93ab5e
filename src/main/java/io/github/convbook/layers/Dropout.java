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

    public Dropout(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("Dropout: rate must be in [0, 1), got " + rate);
        }
        this.rate = rate;
    }

    public double rate() {
        return rate;
    }

    @Override
    public Dropout name(String name) {
        super.name(name);
        return this;
    }

    @Override
    protected void validateInput(Shape inputShape) {
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    protected INDArray call(INDArray input, boolean training) {
        lastMask = null;
        if (!training || rate == 0) {
            return input;
        }
        lastMask = mask(input);
        return input.mul(lastMask);
    }

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
