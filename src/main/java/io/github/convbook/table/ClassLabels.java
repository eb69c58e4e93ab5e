package io.github.convbook.table;

import io.github.convbook.tensor.Tensor;

/**
 * Reads class labels the ways the lecture holds them: integer labels (N,) or (N, 1), or rows of one-hot vectors or
 * probabilities (N, classes), where a row's label is its largest entry ({@code np.argmax(y, axis=1)}).
 */
final class ClassLabels {
    private ClassLabels() {
    }

    /** One class index per example; {@code who} and {@code what} name the argument in error messages. */
    static int[] of(String who, String what, Tensor labels) {
        boolean rows = labels.rank() == 2 && labels.shape().get(1) > 1;
        if (rows) {
            return labels.argmax(1).toIntArray();
        }
        if (labels.rank() != 1 && !(labels.rank() == 2 && labels.shape().get(1) == 1)) {
            throw new IllegalArgumentException(who + " expects " + what + " as labels (N,) or (N, 1), or one-hot / "
                    + "probability rows (N, classes), got shape " + labels.shape());
        }
        double[] values = labels.toDoubleArray();
        int[] classes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] != Math.rint(values[i])) {
                throw new IllegalArgumentException(who + ": " + what + " must be class numbers 0, 1, 2, ..., got "
                        + values[i] + " at index " + i);
            }
            classes[i] = (int) values[i];
        }
        return classes;
    }

    /** The number of classes a set of labels implies: the largest label + 1 (0 for no labels). */
    static int count(int[]... labelSets) {
        int max = -1;
        for (int[] labels : labelSets) {
            for (int label : labels) {
                max = Math.max(max, label);
            }
        }
        return max + 1;
    }

    /** The number of classes that one-hot or probability rows show by their width (0 for plain labels). */
    static int width(Tensor... labelSets) {
        int width = 0;
        for (Tensor labels : labelSets) {
            if (labels.rank() == 2 && labels.shape().get(1) > 1) {
                width = Math.max(width, (int) labels.shape().get(1));
            }
        }
        return width;
    }
}
