package io.github.convbook.ops;

import java.util.Locale;

/**
 * How a window treats the border. VALID: only positions where the window fits, output {@code (N - F) / stride + 1}.
 * SAME: zeros around the input so the output is {@code ceil(N / stride)}; an odd extra pixel goes to the
 * bottom/right, as in TensorFlow.
 */
public enum Padding {
    /**
     * No padding: the window only visits positions where it lies wholly inside the input, so the output shrinks by
     * the window's size less one (a 3x3 convolution turns 28x28 into 26x26). Keras's default.
     */
    VALID,
    /**
     * Zero padding around the input so that the output is {@code ceil(N / stride)} long (28x28 stays 28x28 at stride
     * 1); the padding is split evenly, any odd pixel going to the bottom/right, as in TensorFlow.
     */
    SAME;

    /**
     * Accepts "valid"/"same" in any case (Keras writes lower case, tf.nn upper case).
     *
     * @param name "valid" or "same", in any case, surrounding spaces ignored
     * @return {@link #VALID} or {@link #SAME}
     * @throws IllegalArgumentException for null or any other name (e.g. "full", which Keras's convolutions refuse too)
     */
    public static Padding of(String name) {
        if (name != null) {
            for (Padding p : values()) {
                if (p.name().equalsIgnoreCase(name.trim())) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("Unknown padding '" + name + "': expected \"valid\" or \"same\"");
    }

    /**
     * Output length along one axis for a window of {@code window} (already dilated) moved by {@code stride}, as
     * Keras's {@code conv_utils.conv_output_length}: VALID {@code (input - window) / stride + 1}, SAME
     * {@code ceil(input / stride)}. For 28 pixels and a 3-wide window at stride 1: 26 VALID, 28 SAME.
     *
     * @param input the input's length along the axis (height or width), or negative when unknown
     * @param window the window's length along the axis, dilation included: {@code (k - 1) * dilation + 1}
     * @param stride the step between windows, at least 1
     * @return the output's length; the {@code input} itself when it is negative (unknown stays unknown). Nothing is
     *         checked here: a VALID window longer than the input gives a meaningless length, which is why
     *         {@link Nn} and the layers refuse such a window first
     */
    public long outputLength(long input, long window, long stride) {
        if (input < 0) {
            return input;                     // unknown stays unknown
        }
        return this == SAME ? (input + stride - 1) / stride : (input - window) / stride + 1;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
