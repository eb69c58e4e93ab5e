package io.github.convbook.backend;

/** For tests that demand the very same floats: each value's raw bits, so that -0, +0 and NaN payloads all count. */
final class FloatBits {
    private FloatBits() {
    }

    static int[] of(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }
}
