package io.github.convbook.table;

import io.github.convbook.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Tablesaw tables of what a notebook wants to look at: training history, how many examples each label has, a
 * confusion matrix, and the model's predictions next to the true labels. A {@link Table} prints as a text table
 * whose first line is the table's name, and can be sorted, filtered and summarised further with Tablesaw.
 *
 * <p>Labels may be given as class numbers (N,) or (N, 1), or as one-hot / probability rows (N, classes), as
 * {@code to_categorical} and {@code model.predict} return them.
 */
public final class Tables {
    private Tables() {
    }

    /**
     * The training history as a table, as {@code pd.DataFrame(history.history)}: one row per epoch, {@code epoch}
     * (counting from 1, as Keras prints "Epoch 1/5"), then one column per metric in the map's order, which for
     * {@code history.history()} is the order Keras reports them ({@code loss}, {@code accuracy}, {@code val_loss},
     * ...). A metric recorded for fewer epochs than the others has missing values at the end.
     *
     * @param history metric name to its value after each epoch, as {@code model.fit(...).history()} returns it
     * @return the table named "Training history", values printed with 4 decimals as Keras prints them
     */
    public static Table of(Map<String, List<Double>> history) {
        int epochs = history.values().stream().mapToInt(List::size).max().orElse(0);
        Table table = Table.create("Training history", IntColumn.indexColumn("epoch", epochs, 1));
        for (Map.Entry<String, List<Double>> metric : history.entrySet()) {
            DoubleColumn column = DoubleColumn.create(metric.getKey());
            for (int e = 0; e < epochs; e++) {
                if (e < metric.getValue().size()) {
                    column.append(metric.getValue().get(e));
                } else {
                    column.appendMissing();   // a metric recorded for fewer epochs
                }
            }
            column.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));   // 4 decimals, as Keras prints them
            table.addColumns(column);
        }
        return table;
    }

    /**
     * How often each label occurs, as {@code np.unique(y, return_counts=True)}: {@code label}, {@code count} and
     * {@code share} (count / all examples, printed as a percentage), one row per label present, in label order.
     *
     * @param labels class numbers {@code (N,)} or {@code (N, 1)} (any numeric dtype, whole numbers from 0), or
     *     one-hot / probability rows {@code (N, classes)}, read with {@code argmax}
     * @return a new table named "Label counts (N examples)"
     * @throws IllegalArgumentException for another shape, or a label that is negative or not a whole number
     */
    public static Table labelCounts(Tensor labels) {
        int[] classes = ClassLabels.of("labelCounts", "labels", labels);
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int label : classes) {
            counts.merge(label, 1, Integer::sum);
        }
        IntColumn label = IntColumn.create("label");
        IntColumn count = IntColumn.create("count");
        DoubleColumn share = DoubleColumn.create("share");
        counts.forEach((l, c) -> {
            label.append(l);
            count.append(c);
            share.append((double) c / classes.length);
        });
        share.setPrintFormatter(NumberColumnFormatter.percent(1));
        return Table.create("Label counts (" + classes.length + " examples)", label, count, share);
    }

    /**
     * The confusion matrix with as many classes as the labels show (the largest label + 1, or the width of
     * probability rows). See {@link #confusionMatrix(Tensor, Tensor, int)}.
     *
     * @param trueLabels class numbers {@code (N,)} or {@code (N, 1)}, or one-hot rows {@code (N, classes)}
     * @param predictedLabels class numbers, or the {@code (N, classes)} probabilities {@code model.predict} returns
     * @return a new table: one row per true class, one column per predicted class, and {@code total}
     * @throws IllegalArgumentException for a shape that holds no labels, a label that is negative or not a whole
     *     number, or a different number of examples in the two
     */
    public static Table confusionMatrix(Tensor trueLabels, Tensor predictedLabels) {
        int[] truth = ClassLabels.of("confusionMatrix", "trueLabels", trueLabels);
        int[] predicted = ClassLabels.of("confusionMatrix", "predictedLabels", predictedLabels);
        int classes = Math.max(ClassLabels.count(truth, predicted), ClassLabels.width(trueLabels, predictedLabels));
        return confusionMatrix(truth, predicted, classes);
    }

    /**
     * How many examples of each true class were predicted as each class: one row per true class (column
     * {@code true}), one column per predicted class ({@code 0}, {@code 1}, ...), and {@code total}, the number of
     * examples of that true class. The diagonal holds the correct predictions.
     *
     * @param trueLabels      class numbers {@code (N,)} or {@code (N, 1)}, or one-hot rows {@code (N, classes)}
     * @param predictedLabels class numbers, or the (N, classes) probabilities {@code model.predict} returns
     * @param classes         number of classes (10 for MNIST); shows classes that never occur as zero rows
     * @return a new table of {@code classes} rows
     * @throws IllegalArgumentException for {@code classes < 1}, a label outside {@code 0 .. classes-1}, a label that
     *     is not a whole number, a shape that holds no labels, or a different number of examples in the two
     */
    public static Table confusionMatrix(Tensor trueLabels, Tensor predictedLabels, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("confusionMatrix: classes must be at least 1, got " + classes);
        }
        return confusionMatrix(ClassLabels.of("confusionMatrix", "trueLabels", trueLabels),
                ClassLabels.of("confusionMatrix", "predictedLabels", predictedLabels), classes);
    }

    private static Table confusionMatrix(int[] truth, int[] predicted, int n) {
        checkSameLength("confusionMatrix", truth, predicted, "predictedLabels");
        int[][] counts = new int[n][n];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] >= n || predicted[i] >= n) {
                throw new IllegalArgumentException("confusionMatrix: with " + n + " classes labels must be 0.."
                        + (n - 1) + ", got true " + truth[i] + " and predicted " + predicted[i] + " at index " + i);
            }
            counts[truth[i]][predicted[i]]++;
        }
        Table table = Table.create("Confusion matrix (rows: true class, columns: predicted class)",
                IntColumn.indexColumn("true", n, 0));
        for (int p = 0; p < n; p++) {
            IntColumn column = IntColumn.create(Integer.toString(p), n);
            for (int t = 0; t < n; t++) {
                column.set(t, counts[t][p]);
            }
            table.addColumns(column);
        }
        IntColumn total = IntColumn.create("total", n);
        for (int t = 0; t < n; t++) {
            total.set(t, Arrays.stream(counts[t]).sum());
        }
        return table.addColumns(total);
    }

    /**
     * The first {@code limit} predictions next to the truth: {@code index}, {@code true}, {@code predicted} (the
     * most probable class, {@code np.argmax}) and {@code probability} (the probability of that class).
     *
     * @param trueLabels    class numbers (N,) or one-hot rows (N, classes)
     * @param probabilities what {@code model.predict} returns: (N, classes)
     * @param limit         how many rows to show (all when there are fewer)
     * @return a new table of {@code min(limit, N)} rows, probabilities printed with 4 decimals
     * @throws IllegalArgumentException when {@code probabilities} is not {@code (N, classes)} with at least 2 classes,
     *     for a negative {@code limit}, a bad label, or a different number of examples in the two
     */
    public static Table predictions(Tensor trueLabels, Tensor probabilities, int limit) {
        if (probabilities.rank() != 2 || probabilities.shape().get(1) < 2) {
            throw new IllegalArgumentException("predictions expects probabilities of shape (N, classes), as "
                    + "model.predict returns them, got shape " + probabilities.shape());
        }
        if (limit < 0) {
            throw new IllegalArgumentException("predictions: limit must be 0 or more, got " + limit);
        }
        int[] truth = ClassLabels.of("predictions", "trueLabels", trueLabels);
        int[] predicted = ClassLabels.of("predictions", "probabilities", probabilities);
        checkSameLength("predictions", truth, predicted, "probabilities");
        int classes = (int) probabilities.shape().get(1);
        float[] p = probabilities.toFloatArray();
        int rows = Math.min(limit, truth.length);
        IntColumn index = IntColumn.indexColumn("index", rows, 0);
        IntColumn trueColumn = IntColumn.create("true", Arrays.copyOf(truth, rows));
        IntColumn predictedColumn = IntColumn.create("predicted", Arrays.copyOf(predicted, rows));
        DoubleColumn probability = DoubleColumn.create("probability", rows);
        for (int i = 0; i < rows; i++) {
            probability.set(i, p[i * classes + predicted[i]]);
        }
        probability.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));   // 0.7000, not float32 noise
        return Table.create("Predictions (first " + rows + " of " + truth.length + ")",
                index, trueColumn, predictedColumn, probability);
    }

    private static void checkSameLength(String who, int[] truth, int[] other, String otherName) {
        if (truth.length != other.length) {
            throw new IllegalArgumentException(who + ": trueLabels has " + truth.length + " examples but " + otherName
                    + " has " + other.length + "; they must describe the same examples");
        }
    }
}
