package io.github.convbook.notebook;

/**
 * Lets CI run every chapter quickly: the environment variables CONVBOOK_MAX_EPOCHS and
 * CONVBOOK_MAX_SAMPLES cap what a chapter trains on. Unset (a learner's run), the full values pass
 * through. A chapter writes {@code model.fit(x, y, QuickMode.epochs(5))} and may print
 * {@code QuickMode.note("epoch", 5)} so readers know the recommended full run.
 */
public final class QuickMode {
    public static final String MAX_EPOCHS = "CONVBOOK_MAX_EPOCHS";
    public static final String MAX_SAMPLES = "CONVBOOK_MAX_SAMPLES";

    private QuickMode() {
    }

    /** The number of epochs to train: full, or the cap if one is set and smaller. */
    public static int epochs(int full) {
        return capped(full, MAX_EPOCHS);
    }

    /** The number of samples to use: full, or the cap if one is set and smaller. */
    public static int samples(int full) {
        return capped(full, MAX_SAMPLES);
    }

    /** True when any cap is set. */
    public static boolean isOn() {
        return cap(MAX_EPOCHS) != null || cap(MAX_SAMPLES) != null;
    }

    /**
     * A line for readers, e.g. {@code note("epoch", 5)} gives "quick mode: 1 epoch (full run: 5)"
     * under CONVBOOK_MAX_EPOCHS=1 and "5 epochs" without a cap. "sample"/"samples" uses the
     * samples cap; any other word uses the epochs cap.
     */
    public static String note(String unit, int full) {
        String variable = unit.startsWith("sample") ? MAX_SAMPLES : MAX_EPOCHS;
        int used = capped(full, variable);
        String singular = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
        if (used == full) {
            return full + " " + plural(singular, full);
        }
        return "quick mode: " + used + " " + plural(singular, used) + " (full run: " + full + ")";
    }

    private static String plural(String singular, int count) {
        return count == 1 ? singular : singular + "s";
    }

    private static int capped(int full, String variable) {
        Integer cap = cap(variable);
        return cap == null ? full : Math.min(full, cap);
    }

    /** The cap from the environment, or null when unset; a bad value fails loudly rather than silently training fully. */
    private static Integer cap(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int cap = Integer.parseInt(value.trim());
            if (cap < 1) {
                throw new NumberFormatException("must be at least 1");
            }
            return cap;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(variable + " must be a positive whole number, got \"" + value + "\"");
        }
    }
}
