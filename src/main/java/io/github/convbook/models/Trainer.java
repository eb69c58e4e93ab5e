package io.github.convbook.models;

import io.github.convbook.CellInterruptedException;
import io.github.convbook.backend.RandomState;
import io.github.convbook.backend.Rows;
import io.github.convbook.backend.Scratch;
import io.github.convbook.layers.Layer;
import io.github.convbook.losses.Loss;
import io.github.convbook.metrics.Metric;
import io.github.convbook.metrics.Metrics;
import io.github.convbook.optimizers.Optimizer;
import io.github.convbook.optimizers.Parameter;
import io.github.convbook.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The training loop behind {@code fit} and the evaluation loop behind {@code evaluate}: batches, forward pass,
 * loss, backward pass, optimizer step, running averages of loss and metrics, progress line.
 */
final class Trainer {
    /**
     * ND4J frees an array's native memory only when Java's garbage collector finds the array unreachable, and
     * training fills the native side while the Java heap hardly grows, so a collection might never come: memory
     * grew by ~400 MB per short epoch of the autoencoder. Asking for one every so many steps (and after each epoch)
     * keeps memory flat. A collection takes ~25 ms, which every 50 steps of the convnet's 16 ms was 3% of training;
     * so collections are also at least {@link #COLLECTION_SPACING} times their own duration apart (under 2%), and
     * never more than {@link #MAX_SPACING_NANOS} apart once 50 steps are done.
     */
    private static final int STEPS_BETWEEN_COLLECTIONS = 50;
    private static final int COLLECTION_SPACING = 50;
    private static final long MAX_SPACING_NANOS = 5_000_000_000L;

    private final Model model;
    private final Optimizer optimizer;
    private final Loss loss;
    private final List<String> metricNames;
    private final Scratch batches = new Scratch();
    private int stepsSinceCollection;
    private long lastCollectionEnd = System.nanoTime();
    private long lastCollectionNanos;
    private LossHead head;   // decided on first use: a Sequential may get its layers only from the first data

    Trainer(Model model, Optimizer optimizer, Loss loss, List<String> metricNames) {
        this.model = model;
        this.optimizer = optimizer;
        this.loss = loss;
        this.metricNames = metricNames;
    }

    private LossHead head() {
        if (head == null) {
            head = LossHead.of(loss, model.layers.get(model.layers.size() - 1));
        }
        return head;
    }

    /**
     * Trains as Keras's {@code fit}. Before each step it looks at the thread's interrupt flag: once set, the step
     * does not start, so the weights are those after the last complete optimizer step, the progress line says where
     * training stopped, and nothing runs or prints afterwards.
     *
     * @throws FitInterruptedException when the thread is interrupted; it carries the finished epochs' history
     * @throws IllegalArgumentException for empty data or a validation split that leaves no training sample
     */
    History fit(Tensor x, Tensor y, Fit.Settings settings) {
        INDArray allX = asInput(x);
        INDArray allY = targets(allX, y, "fit", "y");
        long n = allX.size(0);
        requireSamples("fit", "x", n, x);
        long trainCount = n;
        INDArray valX = settings.validationX == null ? null : asInput(settings.validationX);
        INDArray valY = settings.validationY == null ? null
                : targets(valX, settings.validationY, "fit", "validationData y");
        if (valX != null) {
            requireSamples("fit", "validationData x", valX.size(0), settings.validationX);
        }
        if (settings.validationSplit > 0 && valX == null) {   // Keras: validation_data overrides the split
            // Keras keeps the last fraction for validation, chosen before any shuffling
            trainCount = (long) Math.floor(n * (1 - settings.validationSplit));
            if (trainCount == 0) {
                throw new IllegalArgumentException("fit: the size of the validation split (validationSplit("
                        + settings.validationSplit + ")) of " + n + " samples results in 0 training samples."
                        + " Use a smaller validationSplit or more data.");
            }
            valX = rows(allX, trainCount, n);
            valY = rows(allY, trainCount, n);
        }
        List<Metric> metrics = resolveMetrics(allY, allX);
        head();   // the output layer starts keeping its logits before the first forward pass
        History history = new History();
        int steps = (int) ((trainCount + settings.batchSize - 1) / settings.batchSize);
        int[] order = new int[(int) trainCount];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        List<Layer> layers = model.layers;
        Progbar bar = new Progbar(steps, settings.verbose);
        for (int epoch = 1; epoch <= settings.epochs; epoch++) {
            if (CellInterruptedException.requested()) {   // between epochs: stop before printing the next header
                throw interrupted(null, "Epoch " + epoch + "/" + settings.epochs + ": interrupted before it started",
                        history);
            }
            if (settings.shuffle) {
                shuffle(order);
            }
            bar.startEpoch("Epoch " + epoch + "/" + settings.epochs);
            Averages averages = new Averages(metrics);
            for (int step = 0; step < steps; step++) {
                // checked before the step changes anything: never between the backward pass and the update
                if (CellInterruptedException.requested()) {
                    throw interrupted(bar, "Epoch " + epoch + "/" + settings.epochs + ": interrupted at batch "
                            + (step + 1) + "/" + steps + " (" + step + " batches done)", history);
                }
                int from = step * settings.batchSize;
                int to = (int) Math.min(trainCount, from + (long) settings.batchSize);
                INDArray bx = gather(allX, order, from, to, "x");
                INDArray by = gather(allY, order, from, to, "y");
                INDArray out = model.forward(bx, true);
                double batchLoss = head().value(by, out);
                if (!Double.isFinite(batchLoss)) {
                    System.err.println("Epoch " + epoch + ", batch " + (step + 1) + ": the loss is " + batchLoss
                            + ", so training stopped. Usual causes: a learning rate too high, or inputs not scaled"
                            + " (divide pixel values by 255).");
                    return history;
                }
                averages.add(batchLoss, by, out);   // read the output before backward reuses any buffer
                head().backward(layers, by, out, false);
                optimizer.apply(parameters(layers));
                bar.update(step + 1, averages::current);
                if (++stepsSinceCollection >= STEPS_BETWEEN_COLLECTIONS
                        && System.nanoTime() - lastCollectionEnd
                                >= Math.min(COLLECTION_SPACING * lastCollectionNanos, MAX_SPACING_NANOS)) {
                    collect();
                }
            }
            Map<String, Double> epochValues = averages.current();
            if (valX != null) {
                try {
                    evaluate(valX, valY, settings.batchSize, 0).forEach((k, v) -> epochValues.put("val_" + k, v));
                } catch (CellInterruptedException e) {
                    throw interrupted(bar, "Epoch " + epoch + "/" + settings.epochs
                            + ": interrupted while computing the validation loss (training batches done)", history);
                }
            }
            epochValues.forEach(history::record);
            bar.finish(epochValues);
            collect();
        }
        return history;
    }

    /** A garbage collection, which frees the native memory of arrays no longer referenced; timed for its spacing. */
    private void collect() {
        long start = System.nanoTime();
        System.gc();
        lastCollectionEnd = System.nanoTime();
        lastCollectionNanos = lastCollectionEnd - start;
        stepsSinceCollection = 0;
    }

    /** Shows where training stopped on the progress line and makes the exception that carries the history so far. */
    private static FitInterruptedException interrupted(Progbar bar, String where, History history) {
        if (bar != null) {
            bar.interrupted(where);
        }
        return new FitInterruptedException("fit: " + where + "; the model keeps the weights of the last complete step"
                + " and the history of " + history.epochs() + " finished epoch(s)", history);
    }

    /** Keras refuses to train or evaluate on nothing ("Expected input data to be non-empty"); so does ConvBook. */
    static void requireSamples(String call, String what, long n, Tensor given) {
        if (n == 0) {
            throw new IllegalArgumentException(call + ": expected input data to be non-empty, got " + what
                    + " of shape " + given.shape() + " (0 samples)");
        }
    }

    /**
     * Mean loss and metrics over all samples, batch by batch, without training; {@code y} as {@link #targets} gives it.
     *
     * @throws CellInterruptedException when the thread is interrupted (checked before each batch)
     */
    Map<String, Double> evaluate(INDArray x, INDArray y, int batchSize, int verbose) {
        long n = x.size(0);
        Averages averages = new Averages(resolveMetrics(y, x));
        head();
        int steps = (int) ((n + batchSize - 1) / batchSize);
        Progbar bar = new Progbar(steps, verbose);
        for (int step = 0; step < steps; step++) {
            if (CellInterruptedException.requested()) {
                String where = "evaluate: interrupted at batch " + (step + 1) + "/" + steps;
                bar.interrupted(where);
                throw new CellInterruptedException(where);
            }
            long from = (long) step * batchSize;
            long to = Math.min(n, from + batchSize);
            INDArray by = rows(y, from, to);
            INDArray out = model.forward(rows(x, from, to), false);
            averages.add(head().value(by, out), by, out);
            bar.update(step + 1, averages::current);
        }
        Map<String, Double> values = averages.current();
        bar.finish(values);
        return values;
    }

    /**
     * The trainable weights with the gradients of the last backward pass, by Keras name; the values are the live
     * weights (the optimizer moves them in place), the layers' running statistics are left out (they move them).
     */
    static List<Parameter> parameters(List<Layer> layers) {
        List<Parameter> parameters = new ArrayList<>();
        for (Layer layer : layers) {
            List<String> names = layer.weightNames();
            Map<String, INDArray> gradients = layer.engine().gradients();
            int i = 0;
            for (Map.Entry<String, INDArray> weight : layer.engine().weights().entrySet()) {
                INDArray gradient = gradients.get(weight.getKey());
                if (layer.isTrainable(weight.getKey()) && gradient != null) {
                    parameters.add(new Parameter(names.get(i), Tensor.wrap(weight.getValue()), Tensor.wrap(gradient)));
                }
                i++;
            }
        }
        return parameters;
    }

    /** One forward and backward pass in training mode; copies of the trainable weights' gradients by Keras name. */
    Map<String, Tensor> gradients(INDArray x, INDArray y) {
        LossHead lossHead = head();
        INDArray out = model.forward(x, true);
        lossHead.backward(model.layers, y, out, false);
        Map<String, Tensor> result = new LinkedHashMap<>();
        for (Parameter p : parameters(model.layers)) {
            result.put(p.name(), Tensor.wrap(p.gradient().data().dup()));
        }
        return result;
    }

    /** One forward and backward pass in training mode down to the input; a copy of the input's gradient. */
    Tensor inputGradients(INDArray x, INDArray y) {
        LossHead lossHead = head();
        INDArray out = model.forward(x, true);
        return Tensor.wrap(lossHead.backward(model.layers, y, out, true).dup());
    }

    INDArray asInput(Tensor x) {
        if (x == null || x.isSymbolic()) {
            throw new IllegalArgumentException("Model '" + model.name() + "': x must be a tensor with values, got "
                    + (x == null ? "null" : "a symbolic tensor " + x.shape()));
        }
        model.requireBuiltFor(x.shape());
        model.checkInput(x.shape());
        return x.astype(model.layers.get(0).dtype()).data();
    }

    /**
     * The user's targets checked against the inputs and the model's output (shape, and values over the whole array, so
     * an error names the position in what the user passed), then matched to the output's rank as Keras's
     * {@code match_dtype_and_rank} does: {@code (N,)} becomes {@code (N, 1)} for a rank-2 output.
     */
    INDArray targets(INDArray x, Tensor y, String call, String what) {
        if (y == null || y.isSymbolic()) {
            throw new IllegalArgumentException(call + ": " + what + " must be a tensor with values, got " + y);
        }
        INDArray targets = y.data();
        if (targets.rank() == 0 || targets.size(0) != x.size(0)) {
            throw new IllegalArgumentException(call + ": inputs and targets must have the same number of samples, got "
                    + x.size(0) + " inputs and "
                    + (targets.rank() == 0 ? "a scalar " + what : y.shape().get(0) + " targets")
                    + " (" + what + " has shape " + y.shape() + ")");
        }
        long[] predicted = model.outputShape().withBatch(x.size(0)).toArray();
        loss.validate(targets.shape(), predicted);
        loss.checkTargetValues(targets, predicted, what);
        return Loss.matchRank(targets, predicted);
    }

    private List<Metric> resolveMetrics(INDArray y, INDArray x) {
        long[] predicted = model.outputShape().withBatch(x.size(0)).toArray();
        List<Metric> metrics = new ArrayList<>();
        for (String name : metricNames) {
            metrics.add(Metrics.resolve(name, y.shape(), predicted));
        }
        return metrics;
    }

    /** Fisher-Yates with the seeded generator, so one seed gives the same batches every run. */
    private static void shuffle(int[] order) {
        Random random = RandomState.generator();
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static INDArray rows(INDArray data, long from, long to) {
        INDArray view = data.get(NDArrayIndex.interval(from, to));
        return view.dup('c');
    }

    /** The samples {@code order[from..to)} of {@code data}, copied into a batch buffer reused from step to step. */
    private INDArray gather(INDArray data, int[] order, int from, int to, String name) {
        int[] picked = Arrays.copyOfRange(order, from, to);
        long[] shape = data.shape().clone();
        shape[0] = picked.length;
        INDArray flat = data.rank() == 1 ? data.reshape(data.length(), 1) : data.reshape('c', data.size(0), -1);
        INDArray batch = batches.get(name, data.dataType(), picked.length, flat.size(1));
        if (Rows.applies(flat, batch)) {   // memory copies, several times faster than pullRows
            Rows.gather(flat, picked, batch);
        } else {
            Nd4j.pullRows(flat, batch, 1, picked);
        }
        return batch.reshape('c', shape);
    }

    /** Running, sample-weighted means of the loss and of each metric within one epoch, as Keras reports them. */
    private static final class Averages {
        private final List<Metric> metrics;
        private double lossSum;
        private long samples;
        private final double[] hits;
        private final double[] counts;

        Averages(List<Metric> metrics) {
            this.metrics = metrics;
            this.hits = new double[metrics.size()];
            this.counts = new double[metrics.size()];
        }

        void add(double batchLoss, INDArray yTrue, INDArray yPred) {
            long batch = yPred.size(0);
            lossSum += batchLoss * batch;
            samples += batch;
            for (int i = 0; i < metrics.size(); i++) {
                double[] result = metrics.get(i).batch(yTrue, yPred);
                hits[i] += result[0];
                counts[i] += result[1];
            }
        }

        Map<String, Double> current() {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("loss", lossSum / samples);
            for (int i = 0; i < metrics.size(); i++) {
                values.put(metrics.get(i).name(), hits[i] / counts[i]);
            }
            return values;
        }
    }

    // ---------------------------------------------------------------- for saving (KerasArchive's compile_config)

    Optimizer optimizer() {
        return optimizer;
    }

    Loss loss() {
        return loss;
    }

    List<String> metricNames() {
        return metricNames;
    }
}
