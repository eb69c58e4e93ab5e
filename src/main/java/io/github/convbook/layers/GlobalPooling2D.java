package io.github.convbook.layers;

import io.github.convbook.backend.Scratch;
import io.github.convbook.tensor.Shape;
import java.util.Locale;

/**
 * What {@link GlobalAveragePooling2D} and {@link GlobalMaxPooling2D} share, as Keras's {@code GlobalPooling2D} base:
 * one value per channel over the whole image, {@code (None, h, w, c) -> (None, c)}, or {@code (None, 1, 1, c)} with
 * {@code keepdims(true)}. No weights. Channels last only.
 *
 * @param <T> the concrete layer, so that fluent setters keep its type
 */
public abstract class GlobalPooling2D<T extends GlobalPooling2D<T>> extends Layer {
    private boolean keepdims = false;
    /** Buffers the subclasses reuse from batch to batch. */
    final Scratch scratch = new Scratch();

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    /**
     * Keras's {@code keepdims} (default false): true keeps the pooled axes with size 1, {@code (None, 1, 1, c)}.
     *
     * @param keepdims true for an output {@code (None, 1, 1, c)}, false for {@code (None, c)}
     * @return this layer, for chaining
     */
    public T keepdims(boolean keepdims) {
        this.keepdims = keepdims;
        return self();
    }

    /**
     * Keras's {@code layer.keepdims}.
     *
     * @return whether the pooled axes are kept with size 1 (default false)
     */
    public boolean keepdims() {
        return keepdims;
    }

    /**
     * Keras's {@code data_format}: only "channels_last" (the default, {@code (batch, height, width, channels)}) is
     * available; null means the default, as Keras's None.
     *
     * @param dataFormat "channels_last" (in any case) or null
     * @return this layer, for chaining
     * @throws IllegalArgumentException for "channels_first" (not implemented) or any other string
     */
    public T dataFormat(String dataFormat) {
        if (dataFormat == null) {
            return self();
        }
        String value = dataFormat.toLowerCase(Locale.ROOT);
        if (value.equals("channels_first")) {
            throw new IllegalArgumentException(describe() + ": data_format \"channels_first\" is not available;"
                    + " ConvBook implements \"channels_last\" (batch, height, width, channels), Keras's default");
        }
        if (!value.equals("channels_last")) {
            throw new IllegalArgumentException(describe() + ": The `data_format` argument must be one of"
                    + " \"channels_first\", \"channels_last\". Received: " + dataFormat);
        }
        return self();
    }

    /**
     * Keras's {@code name=...}.
     *
     * @param name the new name, not blank
     * @return this layer, for chaining
     * @throws IllegalArgumentException for a null or blank name
     */
    @Override
    public T name(String name) {
        super.name(name);
        return self();
    }

    /**
     * Keras's {@code input_shape=(...)} (without the batch axis), for the first layer of a Sequential.
     *
     * @param shape the sizes of one sample, e.g. {@code 7, 7, 64} for inputs {@code (None, 7, 7, 64)}
     * @return this layer, for chaining
     */
    @Override
    public T inputShape(int... shape) {
        super.inputShape(shape);
        return self();
    }

    /**
     * Input {@code (None, h, w, c)}.
     *
     * @param inputShape the input's shape, e.g. {@code (None, 7, 7, 64)}
     * @throws IllegalArgumentException for any other rank
     */
    @Override
    protected void validateInput(Shape inputShape) {
        requireRank(inputShape, 4, "(batch, height, width, channels)");
    }

    /**
     * Keras's {@code compute_output_shape}: {@code (None, h, w, c) -> (None, c)}, or {@code (None, 1, 1, c)} with
     * keepdims; {@code (None, 7, 7, 64) -> (None, 64)}.
     *
     * @param s the input's shape {@code (batch, height, width, channels)}
     * @return {@code (batch, channels)}, or {@code (batch, 1, 1, channels)} with keepdims
     */
    @Override
    public Shape computeOutputShape(Shape s) {
        return keepdims ? Shape.of(s.get(0), 1, 1, s.get(3)) : Shape.of(s.get(0), s.get(3));
    }
}
