package io.github.convbook.models;

import io.github.convbook.CellInterruptedException;
import io.github.convbook.backend.Memory;
import io.github.convbook.backend.Naming;
import io.github.convbook.layers.InputLayer;
import io.github.convbook.layers.Layer;
import io.github.convbook.losses.Loss;
import io.github.convbook.losses.Losses;
import io.github.convbook.metrics.Metrics;
import io.github.convbook.optimizers.Optimizer;
import io.github.convbook.optimizers.Optimizers;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model built with the functional API, {@code keras.Model(inputs, outputs)}: the layers that lead from the
 * input to the output, in order. ConvBook's layers each take one input, so a model is a chain of layers.
 *
 * <p>Shapes are written batch first, with {@code None} for a batch of any size: a model built on
 * {@code Input.shape(28, 28, 1)} has the input shape {@code (None, 28, 28, 1)} and takes data {@code x} of shape
 * {@code (N, 28, 28, 1)} for any number of samples {@code N}. Data of any numeric dtype is converted to the model's
 * dtype, the first layer's: float32 unless the layers were made with {@code dtype("float64")}. Every tensor a method
 * returns (predictions, weights, gradients) is a fresh copy that no later call changes.
 */
public class Model {
    private static final int DEFAULT_BATCH_SIZE = 32;

    private String name;
    private Trainer trainer;   // set by compile
    private final ExclusiveUse exclusive = new ExclusiveUse(this);
    private long checkedBatchSize = -1;   // the batch size whose layer outputs Memory has already checked
    /** The symbolic input tensor (from {@code Input.shape(...)}), or null while a {@link Sequential} is unbuilt. */
    protected Tensor input;
    /** The layers in order, without the input layer. */
    protected final List<Layer> layers = new ArrayList<>();         // without the input layer
    /** The output shape of each layer in {@link #layers}, batch {@code None}, e.g. {@code (None, 26, 26, 32)}. */
    protected final List<Shape> outputShapes = new ArrayList<>();   // one per layer, batch None

    /**
     * Keras's {@code keras.Model(inputs, outputs)}: the model that maps {@code inputs} to {@code outputs}, named
     * {@code model}, {@code model_1}, ... as Keras names them.
     *
     * <pre>
     * Tensor inputs = Input.shape(28, 28, 1);
     * Tensor x = new Conv2D(32, 3).activation("relu").apply(inputs);
     * Tensor outputs = new Dense(10).activation("softmax").apply(new Flatten().apply(x));
     * Model model = new Model(inputs, outputs);
     * </pre>
     *
     * @param inputs  the symbolic tensor from {@code Input.shape(...)}, e.g. of shape {@code (None, 28, 28, 1)}
     * @param outputs the symbolic tensor that layers applied in a chain to {@code inputs} gave, e.g.
     *     {@code (None, 10)}
     * @throws IllegalArgumentException when either is null or a tensor with values, when {@code inputs} does not come
     *     from {@code Input.shape(...)}, or when {@code outputs} was not computed from {@code inputs}
     */
    public Model(Tensor inputs, Tensor outputs) {
        this(Naming.unique("model"));
        if (inputs == null || outputs == null || !inputs.isSymbolic() || !outputs.isSymbolic()) {
            throw new IllegalArgumentException("new Model(inputs, outputs) expects the symbolic tensors of a layer"
                    + " graph: inputs from Input.shape(...), outputs from layer.apply(...) on them");
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

    /**
     * For subclasses that assemble their layers themselves ({@link Sequential}).
     *
     * @param name the model's name, e.g. {@code sequential}
     */
    protected Model(String name) {
        this.name = name;
    }

    /**
     * The model's name, as Keras's {@code model.name}; {@link #summary()} prints it.
     *
     * @return e.g. {@code model}, {@code model_1} or {@code sequential}, unless set with {@link #name(String)}
     */
    public String name() {
        return name;
    }

    /**
     * Renames the model, as Keras's {@code keras.Model(..., name="mnist_cnn")}.
     *
     * @param name the new name
     * @return this model, for chaining
     */
    public Model name(String name) {
        this.name = name;
        return this;
    }

    /**
     * The layers in order, as Keras's {@code model.layers}. Once the model is built the list starts with its
     * {@link InputLayer}, for a {@link Sequential} too (Keras's {@code Sequential.layers} leaves it out); an unbuilt
     * Sequential gives an empty list.
     *
     * @return a new list, which the model does not keep; the layers in it are the model's own
     */
    public List<Layer> layers() {
        List<Layer> all = new ArrayList<>();
        if (input != null) {
            all.add(inputLayer());
        }
        all.addAll(layers);
        return all;
    }

    /**
     * The layer with this name, as Keras's {@code model.get_layer(name)}.
     *
     * @param layerName a layer's name, e.g. {@code conv2d} or {@code dense_1}
     * @return the model's own layer (not a copy)
     * @throws IllegalArgumentException when no layer has that name; the message lists the names there are
     */
    public Layer getLayer(String layerName) {
        return layers().stream().filter(l -> l.name().equals(layerName)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("No such layer: '" + layerName + "'. Existing layers: "
                        + layers().stream().map(Layer::name).toList()));
    }

    /**
     * The layer that made {@link #input}.
     *
     * @return the model's InputLayer
     */
    protected InputLayer inputLayer() {
        return (InputLayer) Layer.producerOf(input);
    }

    /**
     * The model's input shape with an unknown batch, as Keras's {@code model.input_shape}.
     *
     * @return e.g. {@code (None, 28, 28, 1)}; {@code (32, 28, 28, 1)} for an input with a fixed batch size
     * @throws IllegalStateException for a {@link Sequential} not yet built
     */
    public Shape inputShape() {
        requireBuilt();
        return input.shape();
    }

    /**
     * The model's output shape, the last layer's, as Keras's {@code model.output_shape}.
     *
     * @return e.g. {@code (None, 10)} for a classifier of ten classes
     * @throws IllegalStateException for a {@link Sequential} not yet built
     */
    public Shape outputShape() {
        requireBuilt();
        return outputShapes.get(outputShapes.size() - 1);
    }

    /**
     * Fails unless the model knows its input shape, with Keras's message.
     *
     * @throws IllegalStateException for a {@link Sequential} not yet built
     */
    protected void requireBuilt() {
        if (input == null) {
            throw new IllegalStateException("This model has not yet been built. Build the model first by calling"
                    + " build() or by calling the model on a batch of data.");
        }
    }

    /**
     * The number of weight values of all layers, trainable or not, as Keras's {@code model.count_params()} and the
     * "Total params" of {@link #summary()}.
     *
     * @return e.g. 7850 for {@code Dense(10)} on 784 inputs (784 * 10 kernel values and 10 biases)
     * @throws IllegalStateException for a {@link Sequential} not yet built
     */
    public long countParams() {
        requireBuilt();
        return layers.stream().mapToLong(Layer::countParams).sum();
    }

    /**
     * All weights of all layers, in layer order, as Keras's {@code model.get_weights()}: per layer the kernel then
     * the bias (BatchNormalization: gamma, beta, moving mean, moving variance).
     *
     * @return fresh copies in Keras's layouts and the layers' dtypes (float32 by default), e.g. a Dense kernel
     *     {@code (inputs, units)} and bias {@code (units,)}, a Conv2D kernel {@code (kh, kw, channels, filters)}; an
     *     unbuilt Sequential gives an empty list
     */
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
     * @param weights one tensor per weight, with the shapes {@link #getWeights()} gives; the values are copied and
     *     converted to each layer's dtype, so later changes to these tensors do not reach the model
     * @throws IllegalArgumentException for a null list, a wrong count, or a null or misshapen value (naming the layer)
     */
    public void setWeights(List<Tensor> weights) {
        int expected = layers.stream().mapToInt(l -> l.weights().size()).sum();
        if (weights == null) {
            throw new IllegalArgumentException("Model '" + name + "'.setWeights expects a list of " + expected
                    + " tensors (as getWeights() gives), got null");
        }
        if (weights.size() != expected) {
            throw new IllegalArgumentException("Model '" + name + "' has " + expected + " weights, got "
                    + weights.size());
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

    /**
     * Prints the layer table that Keras prints for {@code model.summary()}: each layer's name and class, output
     * shape ({@code (None, 26, 26, 32)}) and parameter count, then the total, trainable and non-trainable counts.
     *
     * @throws IllegalStateException for a {@link Sequential} not yet built
     */
    public void summary() {
        summary(System.out::println);
    }

    /**
     * Sends each line of the summary to {@code printFn}, as Keras's {@code summary(print_fn=...)}.
     *
     * @param printFn receives the lines one by one, without line breaks, e.g. {@code lines::add}
     * @throws IllegalStateException for a {@link Sequential} not yet built
     */
    public void summary(Consumer<String> printFn) {
        requireBuilt();
        Summary.print(this, printFn);
    }

    /**
     * {@link #summary()}'s table with what the shapes imply, one row per layer: the receptive field (the input pixels,
     * height x width, one unit of the layer's output sees: {@code 3x3}, {@code 4x4}, ... {@code 18x18} through the
     * lecture's MNIST convnet), the jump (cumulative stride, in input pixels), the activation memory of the layer's
     * output per sample ({@code (None, 26, 26, 32)} in float32: 84.5 KiB) and the forward pass's multiply-adds per
     * sample (a Conv2D: {@code outH * outW * filters * kh * kw * inChannels}), with their totals. The rule per layer
     * type is in {@link Trace}. Nothing runs: it is computed from the layers' settings and shapes.
     *
     * <pre>
     * System.out.println(model.trace());   // the text table; a notebook cell ending in model.trace() shows HTML
     * model.trace().row("conv2d_2").receptiveField();   // "18x18"
     * </pre>
     *
     * @return the traced table, printed by its {@code toString()}
     * @throws IllegalStateException for a {@link Sequential} not yet built: its shapes are not known yet
     */
    public Trace trace() {
        if (input == null) {
            throw new IllegalStateException("Model '" + name + "' is not built yet, so trace() cannot follow shapes"
                    + " through its layers. Give the first layer an input shape"
                    + " (new Conv2D(32, 3).inputShape(28, 28, 1)), add Input.shape(28, 28, 1) first, or call"
                    + " build(28, 28, 1) (the shape of one sample) before trace().");
        }
        return Trace.of(this);
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

    /**
     * Whether {@link #summary()} lists the input layer: a functional model does, a Sequential does not.
     *
     * @return true here
     */
    protected boolean showsInputLayer() {
        return true;
    }

    // ---------------------------------------------------------------- training

    /**
     * Keras's {@code compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])}:
     * {@code model.compile("rmsprop", "sparse_categorical_crossentropy", "accuracy")}. Like Keras it returns nothing,
     * so a cell ending with it shows no output. Compiling again replaces the optimizer, loss and metrics; the
     * weights stay.
     *
     * @param optimizer {@code "sgd"}, {@code "rmsprop"}, {@code "adam"}, {@code "adadelta"} or {@code "adagrad"}
     *     (any case), with Keras's default settings
     * @param loss      {@code "sparse_categorical_crossentropy"} (integer labels {@code (N,)}),
     *     {@code "categorical_crossentropy"} (one-hot {@code (N, classes)}), {@code "binary_crossentropy"},
     *     {@code "mse"} or {@code "mae"}
     * @param metrics   none, or names reported next to the loss: {@code "accuracy"} (Keras picks the binary, sparse
     *     or categorical kind from the targets), {@code "sparse_categorical_accuracy"},
     *     {@code "categorical_accuracy"}, {@code "binary_accuracy"}, {@code "mae"}, {@code "mse"}
     * @throws IllegalArgumentException for a null or unknown optimizer, loss or metric name; a failed compile keeps
     *     the previous one
     */
    public void compile(String optimizer, String loss, String... metrics) {
        compile(Optimizers.get(optimizer), Losses.get(loss), metrics);
    }

    /**
     * As {@link #compile(String, String, String...)}, with an optimizer object, e.g. {@code new Adam(0.0005)} or
     * {@code new Adadelta(1.0)}: Keras's {@code compile(optimizer=keras.optimizers.Adam(learning_rate=0.0005))}.
     *
     * @param optimizer the optimizer, which keeps its state (e.g. Adam's moments) from one {@code fit} to the next
     * @param loss      a loss name, as for {@link #compile(String, String, String...)}
     * @param metrics   metric names, as for {@link #compile(String, String, String...)}
     * @throws IllegalArgumentException for a null optimizer, a null or unknown loss name, or an unknown metric name
     */
    public void compile(Optimizer optimizer, String loss, String... metrics) {
        compile(optimizer, Losses.get(loss), metrics);
    }

    /**
     * As {@link #compile(String, String, String...)}, with a loss object, e.g.
     * {@code new SparseCategoricalCrossentropy().fromLogits(true)}.
     *
     * @param optimizer an optimizer name, as for {@link #compile(String, String, String...)}
     * @param loss      the loss
     * @param metrics   metric names, as for {@link #compile(String, String, String...)}
     * @throws IllegalArgumentException for a null or unknown optimizer name, a null loss, or an unknown metric name
     */
    public void compile(String optimizer, Loss loss, String... metrics) {
        compile(Optimizers.get(optimizer), loss, metrics);
    }

    /**
     * With optimizer and loss objects. When the model ends in softmax or sigmoid and the loss is a cross-entropy,
     * training and evaluation compute the loss from the logits, as Keras does (see {@link Loss}).
     *
     * @param optimizer the optimizer, e.g. {@code new RMSprop(0.001)}
     * @param loss      the loss, e.g. {@code new CategoricalCrossentropy()}
     * @param metrics   metric names, as for {@link #compile(String, String, String...)}; null means none
     * @throws IllegalArgumentException for a null optimizer or loss, or an unknown metric name
     */
    public void compile(Optimizer optimizer, Loss loss, String... metrics) {
        if (optimizer == null || loss == null) {
            throw new IllegalArgumentException("compile: an optimizer and a loss are required, got optimizer "
                    + optimizer + " and loss " + loss);
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
     * {@code import static io.github.convbook.models.Fit.*}. Without options it uses Keras's defaults,
     * {@code fit(batch_size=32, epochs=1, verbose=1, shuffle=True, validation_split=0.0)}: one epoch of batches of
     * 32 samples, shuffled (by the seed of {@code Utils.setRandomSeed}), with a progress bar and no validation. Each
     * epoch prints {@code Epoch 1/5} and Keras's progress line. A {@link Sequential} without an input shape is built
     * from {@code x}. When the loss becomes NaN or infinite, training stops with a message on standard error and
     * the history of the finished epochs is returned.
     *
     * @param x       inputs {@code (N, ...)} matching {@link #inputShape()}, e.g. {@code (60000, 28, 28, 1)} for
     *     {@code (None, 28, 28, 1)}; any numeric dtype, converted to the model's (float32 by default)
     * @param y       targets with {@code N} rows, as the loss takes them: integer labels {@code (N,)} (or
     *     {@code (N, 1)}) from 0 to classes - 1 for {@code sparse_categorical_crossentropy}, one-hot
     *     {@code (N, classes)} for {@code categorical_crossentropy}, the output's shape {@code (N, ...)} for the
     *     others ({@code (N,)} for an {@code (N, 1)} output)
     * @param options {@link Fit#epochs}, {@link Fit#batchSize}, {@link Fit#shuffle}, {@link Fit#validationSplit},
     *     {@link Fit#validationData}, {@link Fit#verbose}; none for the defaults
     * @return the loss and each metric (with {@code val_loss}, {@code val_accuracy}, ... when validating) after every
     *     epoch, as Keras's {@code History}
     * @throws IllegalStateException before {@code compile}, or while another thread still runs this model
     * @throws IllegalArgumentException when {@code x} or {@code y} is null, empty or does not fit the model or the
     *     loss (shape, sample count, a label that is not a class), an option is null, or the validation split
     *     leaves no training sample
     * @throws FitInterruptedException when the thread is interrupted (Jupyter's interrupt); the model keeps the
     *     weights of the last complete step and the exception carries the finished epochs' history
     * @throws CellInterruptedException when the thread is interrupted while waiting for another call on this model
     */
    public History fit(Tensor x, Tensor y, Fit.Option... options) {
        Trainer t = trainer("fit");
        Fit.Settings settings = Fit.Settings.of(options);
        return exclusive.run("fit", () -> t.fit(x, y, settings));
    }

    /**
     * The loss and metrics on data, as Keras's {@code evaluate}, without training; printed like Keras
     * ({@code 313/313 [====] - 1s 3ms/step - loss: ...}). Computed in inference mode (Dropout off, BatchNormalization
     * with its moving statistics) with Keras's defaults {@code evaluate(batch_size=32, verbose=1)}.
     *
     * @param x       inputs {@code (N, ...)} matching {@link #inputShape()}, as for {@link #fit}
     * @param y       targets with {@code N} rows, as for {@link #fit}
     * @param options {@link Fit#batchSize} and {@link Fit#verbose} (0 prints nothing); the other options are ignored
     * @return the mean loss and metrics over all {@code N} samples, in Keras's order
     * @throws IllegalStateException before {@code compile}, or while another thread still runs this model
     * @throws IllegalArgumentException when {@code x} or {@code y} is null, empty or does not fit the model or the
     *     loss, or an option is null
     * @throws CellInterruptedException when the thread is interrupted (checked before each batch)
     */
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

    /**
     * The model's outputs for a batch of inputs, as Keras's {@code model.predict(x)}: computed 32 samples at a time
     * (Keras's default batch size) in inference mode, without a progress bar. Needs no {@code compile}.
     *
     * @param x inputs {@code (N, ...)} matching {@link #inputShape()}, e.g. {@code (10000, 28, 28, 1)}; any numeric
     *     dtype, converted to the model's
     * @return a fresh tensor {@code (N, ...)} of the output shape, e.g. {@code (10000, 10)} for {@code (None, 10)},
     *     in the model's dtype (float32 by default)
     * @throws IllegalArgumentException when {@code x} is null, symbolic or of the wrong shape
     * @throws IllegalStateException for an unbuilt {@link Sequential} that {@code x} cannot build, or while another
     *     thread still runs this model
     * @throws CellInterruptedException when the thread is interrupted
     */
    public Tensor predict(Tensor x) {
        return predict(x, DEFAULT_BATCH_SIZE);
    }

    /**
     * The outputs for {@code x}, {@code batchSize} samples at a time, as Keras's {@code predict(x, batch_size=...)}.
     * Stops before the next batch when the thread is interrupted.
     *
     * @param x         inputs {@code (N, ...)} matching {@link #inputShape()}; any numeric dtype
     * @param batchSize the number of samples per forward pass, positive
     * @return a fresh tensor {@code (N, ...)} of the output shape, in the model's dtype (float32 by default);
     *     {@code (0, ...)} when {@code x} holds no sample
     * @throws IllegalArgumentException when x is null, symbolic or of the wrong shape, or batchSize is not positive
     * @throws IllegalStateException for an unbuilt {@link Sequential} that {@code x} cannot build, or while another
     *     thread still runs this model
     * @throws CellInterruptedException when the thread is interrupted
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
     * BatchNormalization in training behaviour when {@code training} is true. Needs no {@code compile}.
     *
     * @param x        inputs {@code (N, ...)} matching {@link #inputShape()}; any numeric dtype
     * @param training true for training behaviour (units dropped at random, batch statistics), false for what
     *     {@link #predict} computes
     * @return a fresh tensor {@code (N, ...)} of the output shape, in the model's dtype (float32 by default)
     * @throws IllegalArgumentException when {@code x} is null, symbolic, does not have the model's input shape, or
     *     is too large to pass in one go
     * @throws IllegalStateException for an unbuilt {@link Sequential} that {@code x} cannot build, or while another
     *     thread still runs this model
     * @throws CellInterruptedException when the thread is interrupted while waiting for another call on this model
     */
    public Tensor apply(Tensor x, boolean training) {
        if (x == null || x.isSymbolic()) {
            throw new IllegalArgumentException("Model '" + name + "'.apply expects a tensor with values, got " + x);
        }
        requireBuiltFor(x.shape());
        checkInput(x.shape());
        return exclusive.run("apply",
                () -> Tensor.wrap(forward(x.astype(layers.get(0).dtype()).data(), training).dup()));
    }

    /**
     * The gradient of the compiled loss with respect to every trainable weight for one batch, computed as
     * {@code fit} computes it (training mode, from the logits where Keras uses them) but without changing any weight;
     * Keras's {@code tape.gradient(loss, model.trainable_weights)}.
     *
     * @param x inputs {@code (N, ...)} of the model's input shape
     * @param y targets as {@code fit} takes them
     * @return the weights' Keras names ({@code dense/kernel:0}, {@code dense/bias:0}, ...) in layer order, each
     *     with a fresh tensor of that weight's shape and dtype; running statistics (BatchNormalization's moving mean
     *     and variance) are left out
     * @throws IllegalStateException before {@code compile}, or while another thread still runs this model
     * @throws IllegalArgumentException when x or y do not fit the model
     * @throws CellInterruptedException when the thread is interrupted while waiting for another call on this model
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
     * @throws IllegalStateException before {@code compile}, or while another thread still runs this model
     * @throws IllegalArgumentException when x or y do not fit the model
     * @throws CellInterruptedException when the thread is interrupted while waiting for another call on this model
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
            x = layer.engine().call(x, training);
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
            throw new IllegalArgumentException("Model '" + name + "' was built on an input with a fixed batch size of "
                    + fixed + " " + input.shape() + ", got a batch of " + samples + " samples. Use batchSize(" + fixed
                    + ") with a sample count divisible by " + fixed
                    + ", or build the model on Input.shape(...) without a batch size");
        }
    }

    /**
     * Makes sure the model is built before it takes data of this shape; a {@link Sequential} without an input shape
     * builds itself from the first data it sees.
     *
     * @param dataShape the shape of the data about to be passed, batch first, e.g. {@code (64, 28, 28, 1)}
     * @throws IllegalStateException when the model is not built (and, for a Sequential, cannot be built from data of
     *     this shape)
     */
    protected void requireBuiltFor(Shape dataShape) {
        requireBuilt();
    }

    /**
     * The data must match the model's input shape on every axis but the batch. The message suggests a fix only when
     * it is sure to be right: a single sample missing its batch axis, or images missing their channel axis.
     *
     * @param dataShape the shape of the data, batch first, e.g. {@code (64, 28, 28, 1)}
     * @throws IllegalArgumentException when the shape does not match {@link #inputShape()}
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
                && dataShape.withoutBatch().equals(Shape.of(Arrays.copyOfRange(sample.toArray(), 0,
                        sample.rank() - 1)));
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
     * The archive holds the layers, the weights and, once compiled, the optimizer's name and learning rate, the loss
     * and the metrics.
     *
     * @param path the file to write, ending in {@code .keras}; an existing file is replaced
     * @throws IllegalStateException for a {@link Sequential} not yet built
     * @throws IllegalArgumentException for a layer class the Keras format here cannot describe (a custom layer)
     * @throws ModelFileException for another extension (the legacy {@code .h5} full-model format is not written) or a
     *     failed write; an existing file is then left as it was
     */
    public void save(Path path) {
        KerasArchive.save(this, path);
    }

    /**
     * As {@link #save(Path)}, e.g. {@code model.save("mnist_cnn.keras")}.
     *
     * @param path the file name, ending in {@code .keras}
     * @throws IllegalStateException for a {@link Sequential} not yet built
     * @throws IllegalArgumentException for a layer class the Keras format here cannot describe (a custom layer)
     * @throws ModelFileException for another extension or a failed write
     */
    public void save(String path) {
        save(Path.of(path));
    }

    /**
     * Keras's {@code keras.models.load_model("model.keras")}: rebuilds the model from a {@code .keras} archive (a
     * {@link Sequential} when it was one), sets its weights and compiles it again when it was compiled (optimizer
     * state is not restored).
     *
     * @param path a {@code .keras} archive written by {@link #save(Path)} or by Keras's {@code model.save} (tf.keras
     *     2.15; Keras 3 writes the same entries)
     * @return a new model with the saved layer names, input shape and weights
     * @throws ModelFileException for another extension, a missing, truncated or corrupt file, an unknown layer class,
     *     or weights that do not fit
     */
    public static Model load(Path path) {
        return KerasArchive.load(path);
    }

    /**
     * As {@link #load(Path)}, e.g. {@code Model.load("mnist_cnn.keras")}.
     *
     * @param path the file name, ending in {@code .keras}
     * @return a new model with the saved layer names, input shape and weights
     * @throws ModelFileException as {@link #load(Path)}
     */
    public static Model load(String path) {
        return load(Path.of(path));
    }

    /**
     * Keras's {@code model.save_weights("model.weights.h5")}: the weights alone, in the HDF5 layout of tf.keras 2.15
     * ({@code layers/dense/vars/0}), written atomically.
     *
     * @param path the file to write, ending in {@code .weights.h5}; an existing file is replaced
     * @throws ModelFileException unless the name ends in {@code .weights.h5}, or when the write fails (also for a
     *     {@link Sequential} not yet built)
     */
    public void saveWeights(Path path) {
        WeightsFile.save(this, path);
    }

    /**
     * As {@link #saveWeights(Path)}, e.g. {@code model.saveWeights("mnist_cnn.weights.h5")}.
     *
     * @param path the file name, ending in {@code .weights.h5}
     * @throws ModelFileException as {@link #saveWeights(Path)}
     */
    public void saveWeights(String path) {
        saveWeights(Path.of(path));
    }

    /**
     * Keras's {@code model.load_weights(...)}: from a {@code .weights.h5} file or the weights of a {@code .keras}
     * archive, for a model with the same layers. Everything is read and checked before any weight changes, so a
     * failed load leaves the model as it was.
     *
     * @param path a {@code .weights.h5} file or a {@code .keras} archive
     * @throws IllegalStateException for a {@link Sequential} not yet built
     * @throws ModelFileException for another extension, a missing or corrupt file, another layer count, or a weight
     *     of another shape (the message names the layer, the weight and both shapes)
     */
    public void loadWeights(Path path) {
        KerasArchive.loadWeights(this, path);
    }

    /**
     * As {@link #loadWeights(Path)}, e.g. {@code model.loadWeights("mnist_cnn.weights.h5")}.
     *
     * @param path the file name, ending in {@code .weights.h5} or {@code .keras}
     * @throws IllegalStateException for a {@link Sequential} not yet built
     * @throws ModelFileException as {@link #loadWeights(Path)}
     */
    public void loadWeights(String path) {
        loadWeights(Path.of(path));
    }
}
