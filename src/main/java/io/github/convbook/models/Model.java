package io.github.convbook.models;

import io.github.convbook.CellInterruptedException;
import io.github.convbook.layers.InputLayer;
import io.github.convbook.layers.Layer;
import io.github.convbook.backend.Naming;
import io.github.convbook.losses.Loss;
import io.github.convbook.losses.Losses;
import io.github.convbook.metrics.Metrics;
import io.github.convbook.optimizers.Optimizer;
import io.github.convbook.optimizers.Optimizers;
import io.github.convbook.backend.Memory;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model built with the functional API, {@code keras.Model(inputs, outputs)}: the layers that lead from the
 * input to the output, in order. ConvBook's layers each take one input, so a model is a chain of layers.
 */
public class Model {
    private static final int DEFAULT_BATCH_SIZE = 32;

    private String name;
    private Trainer trainer;   // set by compile
    private final ExclusiveUse exclusive = new ExclusiveUse(this);
    private long checkedBatchSize = -1;   // the batch size whose layer outputs Memory has already checked
    protected Tensor input;
    protected final List<Layer> layers = new ArrayList<>();         // without the input layer
    protected final List<Shape> outputShapes = new ArrayList<>();   // one per layer, batch None

    public Model(Tensor inputs, Tensor outputs) {
        this(Naming.unique("model"));
        if (inputs == null || outputs == null || !inputs.isSymbolic() || !outputs.isSymbolic()) {
            throw new IllegalArgumentException("new Model(inputs, outputs) expects the symbolic tensors of a layer graph: "
                    + "inputs from Input.shape(...), outputs from layer.apply(...) on them");
        }
        if (!(Layer.producerOf(inputs) instanceof InputLayer start)) {
            throw new IllegalArgumentException("Model inputs must come from Input.shape(...), got " + inputs);
        }
        this.input = inputs;
        List<Tensor> chain = new ArrayList<>();
        for (Tensor t = outputs; t != inputs; t = Layer.producerInputOf(t)) {
            if (Layer.producerInputOf(t) == null) {
                throw new IllegalArgumentException("Graph disconnected: the outputs " + outputs.shape()
                        + " do not come from these inputs (they come from input layer '" + Layer.producerOf(t).name()
                        + "', the model was given '" + start.name() + "')");
            }
            chain.add(t);
        }
        Collections.reverse(chain);
        for (Tensor t : chain) {
            layers.add(Layer.producerOf(t));
            outputShapes.add(t.shape());
        }
    }

    /** For subclasses that assemble their layers themselves ({@link Sequential}). */
    protected Model(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Model name(String name) {
        this.name = name;
        return this;
    }

    /** The layers in order; a functional model starts with its {@link InputLayer}, as Keras lists it. */
    public List<Layer> layers() {
        List<Layer> all = new ArrayList<>();
        if (input != null) {
            all.add(inputLayer());
        }
        all.addAll(layers);
        return all;
    }

    /** The layer with this name, as Keras's {@code model.get_layer(name)}. */
    public Layer getLayer(String layerName) {
        return layers().stream().filter(l -> l.name().equals(layerName)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("No such layer: '" + layerName + "'. Existing layers: "
                        + layers().stream().map(Layer::name).toList()));
    }

    protected InputLayer inputLayer() {
        return (InputLayer) Layer.producerOf(input);
    }

    /** The model's input shape with an unknown batch, e.g. {@code (None, 28, 28, 1)}. */
    public Shape inputShape() {
        requireBuilt();
        return input.shape();
    }

    public Shape outputShape() {
        requireBuilt();
        return outputShapes.get(outputShapes.size() - 1);
    }

    protected void requireBuilt() {
        if (input == null) {
            throw new IllegalStateException("This model has not yet been built. Build the model first by calling build()"
                    + " or by calling the model on a batch of data.");
        }
    }

    public long countParams() {
        requireBuilt();
        return layers.stream().mapToLong(Layer::countParams).sum();
    }

    /** All weights of all layers, in layer order, as Keras's {@code model.get_weights()}. */
    public List<Tensor> getWeights() {
        List<Tensor> all = new ArrayList<>();
        layers.forEach(l -> all.addAll(l.getWeights()));
        return all;
    }

    /**
     * Replaces all weights, in the order of {@link #getWeights()}, as Keras's {@code model.set_weights}. Every
     * layer's values are checked before any weight changes: a wrong shape in the second layer must not leave the
     * first layer already overwritten.
     *
     * @throws IllegalArgumentException for a null list, a wrong count, or a null or misshapen value (naming the layer)
     */
    public void setWeights(List<Tensor> weights) {
        int expected = layers.stream().mapToInt(l -> l.weights().size()).sum();
        if (weights == null) {
            throw new IllegalArgumentException("Model '" + name + "'.setWeights expects a list of " + expected
                    + " tensors (as getWeights() gives), got null");
        }
        if (weights.size() != expected) {
            throw new IllegalArgumentException("Model '" + name + "' has " + expected + " weights, got " + weights.size());
        }
        List<List<Tensor>> perLayer = new ArrayList<>();
        int at = 0;
        for (Layer layer : layers) {
            int n = layer.weights().size();
            List<Tensor> values = weights.subList(at, at + n);
            if (n > 0) {
                layer.checkWeights(values);
            }
            perLayer.add(values);
            at += n;
        }
        for (int i = 0; i < layers.size(); i++) {   // all checked: now nothing can fail half-way
            if (!perLayer.get(i).isEmpty()) {
                layers.get(i).setWeights(perLayer.get(i));
            }
        }
    }

    /** Prints the layer table that Keras prints for {@code model.summary()}. */
    public void summary() {
        summary(System.out::println);
    }

    /** Sends each line of the summary to {@code printFn}, as Keras's {@code summary(print_fn=...)}. */
    public void summary(Consumer<String> printFn) {
        requireBuilt();
        Summary.print(this, printFn);
    }

    /** One row per layer for {@link Summary}: the layer, its printed output shape and its parameter count. */
    List<Summary.Row> summaryRows() {
        List<Summary.Row> rows = new ArrayList<>();
        if (showsInputLayer()) {
            rows.add(new Summary.Row(inputLayer(), "[" + input.shape() + "]", 0));
        }
        for (int i = 0; i < layers.size(); i++) {
            rows.add(new Summary.Row(layers.get(i), outputShapes.get(i).toString(), layers.get(i).countParams()));
        }
        return rows;
    }

    /** A functional model lists its input layer; a Sequential model does not. */
    protected boolean showsInputLayer() {
        return true;
    }

    // ---------------------------------------------------------------- training

    /**
     * Keras's {@code compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])}.
     * Like Keras it returns nothing, so a cell ending with it shows no output.
     */
    public void compile(String optimizer, String loss, String... metrics) {
        compile(Optimizers.get(optimizer), Losses.get(loss), metrics);
    }

    /** With an optimizer object, e.g. {@code new Adam(0.0005)} or {@code new Adadelta(1.0)}. */
    public void compile(Optimizer optimizer, String loss, String... metrics) {
        compile(optimizer, Losses.get(loss), metrics);
    }

    /** With a loss object, e.g. {@code new SparseCategoricalCrossentropy().fromLogits(true)}. */
    public void compile(String optimizer, Loss loss, String... metrics) {
        compile(Optimizers.get(optimizer), loss, metrics);
    }

    /**
     * With optimizer and loss objects. When the model ends in softmax or sigmoid and the loss is a cross-entropy,
     * training and evaluation compute the loss from the logits, as Keras does (see {@link Loss}).
     *
     * @throws IllegalArgumentException for a null optimizer or loss, or an unknown metric name
     */
    public void compile(Optimizer optimizer, Loss loss, String... metrics) {
        if (optimizer == null || loss == null) {
            throw new IllegalArgumentException("compile: an optimizer and a loss are required, got optimizer " + optimizer
                    + " and loss " + loss);
        }
        if (metrics == null) {
            metrics = new String[0];   // compile(opt, loss, (String[]) null) means no metrics, as metrics=None
        }
        for (String metric : metrics) {
            Metrics.resolve(metric, new long[] {1, 2}, new long[] {1, 2});   // fail now on an unknown name
        }
        this.trainer = new Trainer(this, optimizer, loss, List.of(metrics));
    }

    private Trainer trainer(String call) {
        if (trainer == null) {
            throw new IllegalStateException("You must compile the model before calling " + call
                    + ": model.compile(\"rmsprop\", \"sparse_categorical_crossentropy\", \"accuracy\")");
        }
        return trainer;
    }

    /**
     * Trains the model, as Keras's {@code fit}: {@code model.fit(x, y, epochs(5), batchSize(64))} with
     * {@code import static io.github.convbook.models.Fit.*}. Returns the per-epoch loss and metrics.
     */
    public History fit(Tensor x, Tensor y, Fit.Option... options) {
        Trainer t = trainer("fit");
        Fit.Settings settings = Fit.Settings.of(options);
        return exclusive.run("fit", () -> t.fit(x, y, settings));
    }

    /** The loss and metrics on data, printed like Keras ({@code 313/313 [====] - 1s 3ms/step - loss: ...}). */
    public Evaluation evaluate(Tensor x, Tensor y, Fit.Option... options) {
        Trainer t = trainer("evaluate");
        Fit.Settings settings = Fit.Settings.of(options);
        return exclusive.run("evaluate", () -> {
            INDArray inputs = t.asInput(x);
            INDArray targets = t.targets(inputs, y, "evaluate", "y");
            Trainer.requireSamples("evaluate", "x", inputs.size(0), x);
            return new Evaluation(t.evaluate(inputs, targets, settings.batchSize, settings.verbose));
        });
    }

    // ---------------------------------------------------------------- inference

    /** The model's outputs for a batch of inputs, computed 32 samples at a time (Keras's default batch size). */
    public Tensor predict(Tensor x) {
        return predict(x, DEFAULT_BATCH_SIZE);
    }

    /**
     * The outputs for {@code x}, {@code batchSize} samples at a time. Stops before the next batch when the thread is
     * interrupted.
     *
     * @throws IllegalArgumentException when x is null, symbolic or of the wrong shape, or batchSize is not positive
     * @throws io.github.convbook.CellInterruptedException when the thread is interrupted
     */
    public Tensor predict(Tensor x, int batchSize) {
        if (x == null || x.isSymbolic()) {
            throw new IllegalArgumentException("Model '" + name + "'.predict expects a tensor with values, got "
                    + (x == null ? "null" : "a symbolic tensor " + x.shape()));
        }
        return exclusive.run("predict", () -> predictBatches(x, batchSize));
    }

    private Tensor predictBatches(Tensor x, int batchSize) {
        requireBuiltFor(x.shape());
        checkInput(x.shape());
        if (batchSize < 1) {
            throw new IllegalArgumentException("predict: batchSize must be positive, got " + batchSize);
        }
        long n = x.shape().get(0);
        List<INDArray> parts = new ArrayList<>();
        for (long start = 0; start < n; start += batchSize) {
            long done = start;
            CellInterruptedException.checkpoint(() -> "predict: interrupted at sample " + done + "/" + n);
            Tensor batch = x.slice(start, Math.min(n, start + batchSize));
            parts.add(forward(batch.astype(layers.get(0).dtype()).data(), false).dup());   // layers reuse their buffers
        }
        if (parts.isEmpty()) {
            return Tensor.wrap(Nd4j.create(layers.get(0).dtype().nd4j(), outputShape().withBatch(0).toArray()));
        }
        return Tensor.wrap(parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(INDArray[]::new)));
    }

    /**
     * Keras's {@code model(x, training=...)}: the outputs for a batch {@code (N, ...)} in one pass, with Dropout and
     * BatchNormalization in training behaviour when {@code training} is true. Returns a fresh tensor.
     *
     * @throws IllegalArgumentException when {@code x} does not have the model's input shape
     */
    public Tensor apply(Tensor x, boolean training) {
        if (x == null || x.isSymbolic()) {
            throw new IllegalArgumentException("Model '" + name + "'.apply expects a tensor with values, got " + x);
        }
        requireBuiltFor(x.shape());
        checkInput(x.shape());
        return exclusive.run("apply", () -> Tensor.wrap(forward(x.astype(layers.get(0).dtype()).data(), training).dup()));
    }

    /**
     * The gradient of the compiled loss with respect to every trainable weight for one batch, computed as
     * {@code fit} computes it (training mode, from the logits where Keras uses them) but without changing any weight;
     * Keras's {@code tape.gradient(loss, model.trainable_weights)}. Keys are the weights' Keras names
     * ({@code dense/kernel:0}), values fresh tensors of the weights' shapes.
     *
     * @param x inputs {@code (N, ...)} of the model's input shape
     * @param y targets as {@code fit} takes them
     * @throws IllegalStateException before {@code compile}
     * @throws IllegalArgumentException when x or y do not fit the model
     */
    public Map<String, Tensor> gradients(Tensor x, Tensor y) {
        Trainer t = trainer("gradients");
        return exclusive.run("gradients", () -> {
            INDArray inputs = t.asInput(x);
            return t.gradients(inputs, t.targets(inputs, y, "gradients", "y"));
        });
    }

    /**
     * The gradient of the compiled loss (the batch mean) with respect to the input, Keras's
     * {@code tape.gradient(loss, x)} after {@code tape.watch(x)}: how much each input value moves the loss, the
     * start of a saliency map. Computed in training mode as {@link #gradients} (for a model with Dropout or
     * BatchNormalization, with their training behaviour); no weight changes.
     *
     * @param x inputs {@code (N, ...)} of the model's input shape
     * @param y targets as {@code fit} takes them
     * @return a fresh tensor of x's shape, in the model's dtype
     * @throws IllegalStateException before {@code compile}
     * @throws IllegalArgumentException when x or y do not fit the model
     */
    public Tensor inputGradients(Tensor x, Tensor y) {
        Trainer t = trainer("inputGradients");
        return exclusive.run("inputGradients", () -> {
            INDArray inputs = t.asInput(x);
            return t.inputGradients(inputs, t.targets(inputs, y, "inputGradients", "y"));
        });
    }

    /** Runs every layer in order on one batch; the result lives in the last layer's reused buffer. */
    INDArray forward(INDArray batch, boolean training) {
        requireBatchSize(batch.size(0));
        if (batch.size(0) != checkedBatchSize) {   // every layer's output fits in memory, or nothing runs
            for (int i = 0; i < layers.size(); i++) {
                Memory.check(layers.get(i).describe() + " output", layers.get(i).dtype().nd4j(),
                        outputShapes.get(i).withBatch(batch.size(0)).toArray());
            }
            checkedBatchSize = batch.size(0);
        }
        INDArray x = batch;
        for (Layer layer : layers) {
            x = layer.kernel().call(x, training);
        }
        return x;
    }

    /**
     * An input made with a fixed batch size ({@code Input.batchShape(32, 28, 28, 1)}, Keras's {@code batch_size=32})
     * takes batches of exactly that many samples, as in Keras.
     */
    private void requireBatchSize(long samples) {
        long fixed = input == null ? -1 : input.shape().get(0);
        if (fixed >= 0 && samples != fixed) {
            throw new IllegalArgumentException("Model '" + name + "' was built on an input with a fixed batch size of " + fixed
                    + " " + input.shape() + ", got a batch of " + samples + " samples. Use batchSize(" + fixed
                    + ") with a sample count divisible by " + fixed + ", or build the model on Input.shape(...) without a batch size");
        }
    }

    /** A Sequential model without an input shape builds itself from the first data it sees. */
    protected void requireBuiltFor(Shape dataShape) {
        requireBuilt();
    }

    /**
     * The data must match the model's input shape on every axis but the batch. The message suggests a fix only when
     * it is sure to be right: a single sample missing its batch axis, or images missing their channel axis.
     */
    protected void checkInput(Shape dataShape) {
        Shape expected = input.shape();
        boolean matches = dataShape.rank() == expected.rank();
        for (int i = 1; matches && i < expected.rank(); i++) {
            matches = dataShape.get(i) == expected.get(i);
        }
        if (matches) {
            return;
        }
        Shape sample = expected.withoutBatch();
        boolean oneSample = dataShape.equals(sample);
        boolean noChannel = expected.get(-1) == 1 && dataShape.rank() == expected.rank() - 1
                && dataShape.withoutBatch().equals(Shape.of(java.util.Arrays.copyOfRange(sample.toArray(), 0, sample.rank() - 1)));
        String hint = "";
        if (oneSample && !noChannel) {
            hint = ": this looks like a single sample without its batch axis; x.expandDims(0) gives "
                    + expected.withBatch(1);
        } else if (noChannel && !oneSample) {
            hint = ": add the channel axis, x.expandDims(-1) gives " + expected.withBatch(dataShape.get(0));
        } else if (!oneSample && dataShape.rank() >= 1 && dataShape.get(0) > 0
                && dataShape.size() / dataShape.get(0) == sample.size() && dataShape.size() % dataShape.get(0) == 0) {
            hint = ": the values fit, reshape the data to " + expected.withBatch(dataShape.get(0));
        }
        throw new IllegalArgumentException("Model '" + name + "' expects input of shape " + expected + ", got "
                + dataShape + hint);
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " name=" + name + ", " + layers.size() + " layers>";
    }

    // ---------------------------------------------------------------- saving and loading (see KerasArchive)

    /** The compiled optimizer, loss and metrics, or null before {@code compile}. */
    Trainer compiled() {
        return trainer;
    }

    /**
     * Keras's {@code model.save("model.keras")}: the {@code .keras} archive of tf.keras 2.15 (config.json,
     * metadata.json, model.weights.h5), written atomically; it opens in Keras with {@code keras.models.load_model}.
     *
     * @throws ModelFileException for another extension (the legacy {@code .h5} full-model format is not written) or a
     *                            failed write; an existing file is then left as it was
     */
    public void save(java.nio.file.Path path) {
        KerasArchive.save(this, path);
    }

    /** As {@link #save(java.nio.file.Path)}. */
    public void save(String path) {
        save(java.nio.file.Path.of(path));
    }

    /**
     * Keras's {@code keras.models.load_model("model.keras")}: rebuilds the model from a {@code .keras} archive (a
     * {@link Sequential} when it was one), sets its weights and compiles it again when it was compiled (optimizer
     * state is not restored).
     *
     * @throws ModelFileException for a missing, truncated or corrupt file, an unknown layer class, or weights that do
     *                            not fit
     */
    public static Model load(java.nio.file.Path path) {
        return KerasArchive.load(path);
    }

    /** As {@link #load(java.nio.file.Path)}. */
    public static Model load(String path) {
        return load(java.nio.file.Path.of(path));
    }

    /**
     * Keras's {@code model.save_weights("model.weights.h5")}: the weights alone, in the HDF5 layout of tf.keras 2.15
     * ({@code layers/dense/vars/0}), written atomically.
     *
     * @throws ModelFileException unless the name ends in {@code .weights.h5}, or when the write fails
     */
    public void saveWeights(java.nio.file.Path path) {
        WeightsFile.save(this, path);
    }

    /** As {@link #saveWeights(java.nio.file.Path)}. */
    public void saveWeights(String path) {
        saveWeights(java.nio.file.Path.of(path));
    }

    /**
     * Keras's {@code model.load_weights(...)}: from a {@code .weights.h5} file or the weights of a {@code .keras}
     * archive, for a model with the same layers. Everything is read and checked before any weight changes, so a
     * failed load leaves the model as it was.
     *
     * @throws ModelFileException for a missing or corrupt file, another layer count, or a weight of another shape
     *                            (the message names the layer, the weight and both shapes)
     */
    public void loadWeights(java.nio.file.Path path) {
        KerasArchive.loadWeights(this, path);
    }

    /** As {@link #loadWeights(java.nio.file.Path)}. */
    public void loadWeights(String path) {
        loadWeights(java.nio.file.Path.of(path));
    }
}
