package io.github.convbook.ops;

import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.util.Arrays;

/** Argument checks shared by {@link Nn} and the layers, with messages that say what was expected and received. */
public final class Checks {
    private Checks() {
    }

    public static void rank(String who, String what, Tensor t, int rank, String layout) {
        if (t.rank() != rank) {
            throw new IllegalArgumentException(who + " expects " + what + " of rank " + rank + " " + layout + ", got shape "
                    + t.shape());
        }
    }

    /** One value or two (height, width), each at least 1. */
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

    /** A VALID window larger than the input would give an empty or negative output. */
    public static void windowFits(String who, Shape input, int windowHeight, int windowWidth, Padding padding) {
        long h = input.get(1);
        long w = input.get(2);
        boolean known = h >= 0 && w >= 0;
        if (padding == Padding.VALID && known && (windowHeight > h || windowWidth > w)) {
            throw new IllegalArgumentException(who + ": the " + windowHeight + "x" + windowWidth
                    + " window does not fit the " + h + "x" + w + " input " + input + " with padding 'valid'. "
                    + "Use padding \"same\", a smaller window, or fewer pooling steps before this layer.");
        }
    }
}
