package io.github.convbook.backend;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Default names as Keras gives them: the class name in snake_case, counted per name in this session:
 * {@code conv2d}, {@code conv2d_1}, {@code conv2d_2}; inputs count from 1: {@code input_1}, {@code input_2}.
 */
public final class Naming {
    private static final Map<String, Integer> counts = new HashMap<>();

    private Naming() {
    }

    /**
     * The next free name for {@code base}: {@code conv2d} the first time, then {@code conv2d_1}, {@code conv2d_2},
     * ... (Keras's {@code backend.unique_object_name(..., zero_based=True)}, as layers are named).
     *
     * @param base the name before numbering, usually {@link #snakeCase} of the class name, e.g. {@code conv2d}
     * @return {@code base} itself the first time in this session, else {@code base_n} for the n-th repeat
     */
    public static synchronized String unique(String base) {
        int seen = counts.merge(base, 1, Integer::sum) - 1;
        return seen == 0 ? base : base + "_" + seen;
    }

    /**
     * The next name for {@code base}, numbered from 1 every time: {@code input_1}, {@code input_2}, ... (Keras's
     * InputLayer numbering starts at 1). Shares its counts with {@link #unique}.
     *
     * @param base the name before numbering, e.g. {@code input}
     * @return {@code base_n}, with n counting the calls for this base since the last {@link #reset}, from 1
     */
    public static synchronized String uniqueFromOne(String base) {
        return base + "_" + counts.merge(base, 1, Integer::sum);
    }

    /** Forgets all counts, like {@code tf.keras.backend.clear_session()}: the next conv is {@code conv2d} again. */
    public static synchronized void reset() {
        counts.clear();
    }

    /**
     * Keras's {@code to_snake_case}: {@code MaxPooling2D} becomes {@code max_pooling2d}, {@code Conv2D}
     * {@code conv2d}, {@code BatchNormalization} {@code batch_normalization}.
     *
     * @param className a Java (or Keras) class name in CamelCase
     * @return the name in lower case with underscores between words, as Keras names layers by default
     */
    public static String snakeCase(String className) {
        String intermediate = className.replaceAll("(.)([A-Z][a-z0-9]+)", "$1_$2");
        return intermediate.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
