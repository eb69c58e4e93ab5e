package io.github.convbook.ops;

import java.util.Locale;

/**
 * How a window treats the border. VALID: only positions where the window fits, output {@code (N - F) / stride + 1}.
 * SAME: zeros around the input so the output is {@code ceil(N / stride)}; an odd extra pixel goes to the
 * bottom/right, as in TensorFlow.
 */
public enum Padding {
    VALID, SAME;

    /** Accepts "valid"/"same" in any case (Keras writes lower case, tf.nn upper case). */
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

    /** Output length along one axis for a window of {@code window} (already dilated) moved by {@code stride}. */
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
