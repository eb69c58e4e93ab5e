package io.github.convbook.backend;

import java.util.Arrays;

/**
 * Argument checks shared by {@code ops.Nn} and the layers, with messages that say what was expected and received.
 * They take plain values (not tensors) so that this package depends on nothing else in ConvBook.
 */
public final class Checks {
    private Checks() {
    }

    /**
     * Throws unless an argument has {@code rank} axes.
     *
     * @param who the call or layer, as the message names it
     * @param what the argument, e.g. {@code "input"}
     * @param actualRank the argument's rank
     * @param shapeText the argument's shape as printed, e.g. {@code (28, 28)}
     * @param rank the rank expected
     * @param layout the axes expected, e.g. {@code "(batch, height, width, channels)"}
     * @throws IllegalArgumentException when the rank differs
     */
    public static void rank(String who, String what, int actualRank, String shapeText, int rank, String layout) {
        if (actualRank != rank) {
            throw new IllegalArgumentException(who + " expects " + what + " of rank " + rank + " " + layout
                    + ", got shape " + shapeText);
        }
    }

    /**
     * One value or two (height, width), each at least 1, as Keras's {@code conv_utils.normalize_tuple}.
     *
     * @param who the call or layer, as the message names it
     * @param what the argument, e.g. {@code "strides"}
     * @param values one or two positive integers
     * @return {@code {height, width}}
     * @throws IllegalArgumentException when there are not one or two values, or one is below 1
     */
    public static int[] pair(String who, String what, int... values) {
        if (values == null || (values.length != 1 && values.length != 2)) {
            throw new IllegalArgumentException(who + ": " + what + " must be one integer or two (height, width), got "
                    + Arrays.toString(values));
        }
        int[] p = values.length == 1 ? new int[] {values[0], values[0]} : values.clone();
        if (p[0] < 1 || p[1] < 1) {
            throw new IllegalArgumentException(who + ": " + what + " must be positive, got " + Arrays.toString(values));
        }
        return p;
    }

    /**
     * A "valid" window larger than the input would give an empty or negative output.
     *
     * @param who the call or layer, as the message names it
     * @param height the input's height, -1 when unknown
     * @param width the input's width, -1 when unknown
     * @param inputShape the input's shape as printed, e.g. {@code (None, 28, 28, 1)}
     * @param windowHeight the window's height (a kernel's dilated height, a pooling window's)
     * @param windowWidth the window's width
     * @param valid true for Keras's {@code padding="valid"}; "same" always fits
     * @throws IllegalArgumentException when a valid window is larger than a known input size
     */
    public static void windowFits(String who, long height, long width, String inputShape, int windowHeight,
            int windowWidth, boolean valid) {
        long h = height;
        long w = width;
        boolean known = h >= 0 && w >= 0;
        if (valid && known && (windowHeight > h || windowWidth > w)) {
            throw new IllegalArgumentException(who + ": the " + windowHeight + "x" + windowWidth
                    + " window does not fit the " + h + "x" + w + " input " + inputShape
                    + " with padding 'valid'. Use padding \"same\", a smaller window, or fewer pooling steps before"
                    + " this layer.");
        }
    }
}
