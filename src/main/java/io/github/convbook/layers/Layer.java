package io.github.convbook.layers;

import io.github.convbook.backend.LayerEngine;
import io.github.convbook.backend.Memory;
import io.github.convbook.backend.Naming;
import io.github.convbook.tensor.DType;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The base of every layer, as in Keras: a layer has a name, creates its weights the first time it sees an
 * input ({@link #build}), computes its output ({@link #call}) and knows its output shape without computing
 * anything ({@link #computeOutputShape}). {@code layer.apply(x)} is Python's {@code layer(x)}.
 */
public abstract class Layer {
    private String name;
    private DType dtype = DType.FLOAT32;
    private Shape inputShape;             // without batch, as given by inputShape(...)
    private Shape builtInputShape;        // with batch (maybe None), fixed by the first input
    private final Map<String, INDArray> weights = new LinkedHashMap<>();
    private final Map<String, INDArray> gradients = new LinkedHashMap<>();
    private final Set<String> nonTrainable = new HashSet<>();   // e.g. BatchNormalization's moving statistics
    private final LayerEngine engine = new Engine();

    /**
     * Gives the layer Keras's default name ({@link #defaultName()}); float32, no declared input shape, not built.
     */
    protected Layer() {
        this.name = defaultName();
    }

    /**
     * Keras's default: the class name in snake_case, counted per name ({@code conv2d}, {@code conv2d_1}, ...).
     * Called once, by the constructor.
     *
     * @return a name not given to another layer of this class in this session
     */
    protected String defaultName() {
        return Naming.unique(Naming.snakeCase(getClass().getSimpleName()));
    }

    // ---------------------------------------------------------------- configuration

    /**
     * Keras's {@code layer.name}: the default ({@code conv2d}, {@code conv2d_1}, ...) unless set with
     * {@link #name(String)}. It names the layer in {@code model.summary()}, in error messages and in
     * {@link #weightNames()}.
     *
     * @return the layer's name
     */
    public String name() {
        return name;
    }

    /**
     * Keras's {@code name=...}.
     *
     * @param newName the new name, e.g. {@code "features"}; not blank
     * @return this layer, for chaining
     * @throws IllegalArgumentException for a null or blank name
     */
    public Layer name(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException(describe() + ": a layer name must not be empty");
        }
        this.name = newName;
        return this;
    }

    /**
     * Keras's {@code layer.dtype}: the type of the weights and of the computation, float32 unless set with
     * {@link #dtype(String)}.
     *
     * @return {@code FLOAT32} (the default) or {@code FLOAT64}
     */
    public DType dtype() {
        return dtype;
    }

    /**
     * Keras's {@code dtype=...} (default {@code "float32"}): the type of the weights and of the computation. Inputs
     * of another type are converted on their way in.
     *
     * @param type {@code "float32"} or {@code "float64"} (also {@code "float"} and {@code "double"}); not null
     * @return this layer, for chaining
     * @throws IllegalArgumentException for an unknown name or a type that is not floating point ("int32", ...)
     * @throws IllegalStateException once the layer is built: its weights already have a type
     */
    public Layer dtype(String type) {
        DType t = DType.of(type);
        if (!t.isFloating()) {
            throw new IllegalArgumentException(describe() + ": dtype must be float32 or float64, got " + type);
        }
        requireNotBuilt("dtype");
        this.dtype = t;
        return this;
    }

    /**
     * Keras's {@code input_shape=(...)} (without the batch axis), used when this is the first layer of a Sequential:
     * {@code inputShape(28, 28, 1)} makes the model's input {@code (None, 28, 28, 1)}.
     *
     * @param shape the sizes of one sample, without the batch axis
     * @return this layer, for chaining
     * @throws IllegalArgumentException for a size below -1 (-1 stands for None, an unknown size)
     */
    public Layer inputShape(int... shape) {
        this.inputShape = Shape.of(shape);
        return this;
    }

    /**
     * The input shape given with {@link #inputShape(int...)}.
     *
     * @return that shape, without the batch axis, e.g. {@code (28, 28, 1)}; null when none was given
     */
    public Shape declaredInputShape() {
        return inputShape;
    }

    /**
     * How error messages name this layer.
     *
     * @return e.g. {@code Layer 'conv2d' (Conv2D)}
     */
    public String describe() {
        return "Layer '" + name + "' (" + getClass().getSimpleName() + ")";
    }

    /**
     * Refuses to change a setting once the layer is built: its weights were made for the old value.
     *
     * @param setting the setting's name, for the message, e.g. {@code "kernelSize"}
     * @throws IllegalStateException when the layer is already built
     */
    protected void requireNotBuilt(String setting) {
        if (isBuilt()) {
            throw new IllegalStateException(describe() + " is already built; set " + setting
                    + " before its first use");
        }
    }

    // ---------------------------------------------------------------- calling

    /**
     * Calls the layer: eagerly on a tensor with values (returns the values), symbolically on the output of
     * {@code Input.shape(...)} (returns a symbolic tensor for building a {@code Model}). The same as
     * {@code apply(input, false)}: inference behaviour, as Keras's {@code layer(x)}.
     *
     * @param input a batch, batch axis first, e.g. {@code (32, 28, 28, 1)} for a Conv2D; or a symbolic tensor
     * @return a fresh tensor of shape {@link #computeOutputShape} in this layer's dtype, or a symbolic tensor
     * @throws IllegalArgumentException for a null input, a shape the layer does not accept (or other sizes than the
     *                                  ones it was built for), or an output too large for the memory
     */
    public Tensor apply(Tensor input) {
        return apply(input, false);
    }

    /**
     * Keras's {@code layer(x, training=True)}: with {@code training} true, layers such as Dropout and
     * BatchNormalization behave as during {@code fit} (units dropped at random, batch statistics). The result is a
     * fresh tensor that no later call changes. The first call builds the layer: its weights are made for the input's
     * last axis (channels, features), which later inputs must keep. An input of another dtype is converted to the
     * layer's ({@link #dtype()}).
     *
     * @param input    a batch, batch axis first, e.g. {@code (32, 28, 28, 1)} for a Conv2D; or a symbolic tensor
     *                 ({@code Input.shape(28, 28, 1)}, shape {@code (None, 28, 28, 1)}), for which nothing is computed
     * @param training true for training behaviour, false (Keras's default) for inference
     * @return a fresh tensor of shape {@link #computeOutputShape} in this layer's dtype, or a symbolic tensor of that
     *         shape for a symbolic input
     * @throws IllegalArgumentException for a null input, a shape the layer does not accept (or other sizes than the
     *                                  ones it was built for), or an output too large for the memory
     */
    public Tensor apply(Tensor input, boolean training) {
        if (input == null) {
            throw new IllegalArgumentException(describe() + ": apply expects a tensor, got null");
        }
        Shape shape = input.shape();
        validateInput(shape);
        if (!isBuilt()) {
            build(shape);
            builtInputShape = shape;
        } else {
            validateAgainstBuild(shape);
        }
        Shape output = computeOutputShape(shape);
        if (input.isSymbolic()) {
            return Tensor.symbolic(output, dtype, new Node(this, input));
        }
        Memory.check(describe() + " output", dtype.nd4j(), output.toArray());
        Tensor x = input.dtype() == dtype ? input : input.astype(dtype);
        INDArray out = call(x.data(), training);
        // call() answers in a buffer the layer reuses; a tensor handed to the user must keep its values
        return Tensor.wrap(out == x.data() ? out : out.dup());
    }

    /**
     * The layer whose call produced a symbolic tensor, Keras's {@code tensor._keras_history.layer}: an
     * {@link InputLayer} for the output of {@code Input.shape(...)}.
     *
     * @param tensor any tensor
     * @return the producing layer, or null for a tensor with values or one no layer made
     */
    public static Layer producerOf(Tensor tensor) {
        return tensor != null && tensor.origin() instanceof Node node ? node.layer() : null;
    }

    /**
     * The tensor that the producing layer was called on; following these links back from a model's output finds its
     * layers in order, as Keras's functional {@code Model(inputs, outputs)} does.
     *
     * @param tensor a symbolic tensor
     * @return the producing call's input, or null for the output of {@code Input.shape(...)}, a tensor with values or
     *         one no layer made
     */
    public static Tensor producerInputOf(Tensor tensor) {
        return tensor != null && tensor.origin() instanceof Node node ? node.input() : null;
    }

    /**
     * Builds this layer for inputs of {@code inputShape} without calling it, as Keras's {@code layer.build(shape)};
     * nothing happens when it is already built.
     *
     * @param inputShape the input's shape, batch axis first; the batch may be None (-1), e.g. {@code (None, 28, 28, 1)}
     * @throws IllegalArgumentException when the layer does not accept that shape, or its weights would not fit in
     *                                  the memory
     */
    public void ensureBuilt(Shape inputShape) {
        if (!isBuilt()) {
            validateInput(inputShape);
            build(inputShape);
            builtInputShape = inputShape;
        }
    }

    /**
     * Keras's {@code layer.built}: whether the layer has made its weights (on its first input, or through
     * {@link #ensureBuilt}).
     *
     * @return true once built
     */
    public boolean isBuilt() {
        return builtInputShape != null;
    }

    /**
     * The input shape this layer was built for.
     *
     * @return the shape of its first input, batch axis first (the batch may be None), or null before it is built
     */
    public Shape builtInputShape() {
        return builtInputShape;
    }

    /**
     * Checks an input's rank and sizes before anything runs (and before the layer is built); throws with what was
     * expected and received.
     *
     * @param inputShape the input's shape, batch axis first; sizes may be None (-1)
     * @throws IllegalArgumentException when the layer cannot take an input of that shape
     */
    protected abstract void validateInput(Shape inputShape);

    /**
     * Throws unless the input has {@code rank} axes. The message shows the layout and, for the usual mistake of a
     * missing channel axis on images, the reshape that fixes it.
     *
     * @param inputShape the input's shape, batch axis first
     * @param rank       the number of axes the layer expects, batch included (4 for images)
     * @param layout     the axes as the message shows them, e.g. {@code "(batch, height, width, channels)"}
     * @throws IllegalArgumentException when the input has another rank
     */
    protected void requireRank(Shape inputShape, int rank, String layout) {
        if (inputShape.rank() == rank) {
            return;
        }
        String message = describe() + " expects " + rank + "-D input " + layout + ", got shape " + inputShape;
        if (inputShape.rank() == rank - 1 && rank == 4) {
            long[] dims = inputShape.toArray();
            long[] fixed = Arrays.copyOf(dims, rank);
            fixed[rank - 1] = 1;
            message += ": for grayscale images add a channel axis, reshape to " + Shape.of(fixed)
                    + " (x.expandDims(-1))";
        }
        throw new IllegalArgumentException(message);
    }

    /**
     * Creates the weights for inputs of this shape with {@link #addWeight}, as Keras's {@code build}; called once,
     * after {@link #validateInput}. Layers without weights keep this empty.
     *
     * @param inputShape the first input's shape, batch axis first (the batch may be None)
     */
    protected void build(Shape inputShape) {
    }

    /**
     * The output shape for an input shape, as Keras's {@code compute_output_shape}: {@code (None, 28, 28, 1)} gives
     * {@code (None, 26, 26, 32)} for a {@code Conv2D(32, 3)}. Nothing is computed, so it also answers for symbolic
     * inputs; sizes that are None stay None.
     *
     * @param inputShape the input's shape, batch axis first; -1 for None
     * @return the output's shape, with the same batch axis
     */
    public abstract Shape computeOutputShape(Shape inputShape);

    /**
     * The forward computation on a batch; {@code training} switches layers such as Dropout and makes the layer keep
     * what {@link #backward} needs (its input, its output). The result may live in a buffer the layer reuses for the
     * next batch of the same shape (see {@link io.github.convbook.backend.Scratch Scratch}): copy it to keep it.
     *
     * @param input    the batch, batch axis first, in the layer's dtype, of a shape {@link #validateInput} accepts;
     *                 the layer may keep it until its next call
     * @param training true during {@code fit}: training behaviour, and keep what {@link #backward} needs
     * @return the output, of shape {@link #computeOutputShape} of the input's; a reused buffer, or the input itself
     *         for layers that pass values through
     */
    protected abstract INDArray call(INDArray input, boolean training);

    /**
     * Back-propagation through the last {@code call(input, true)}: from the loss gradient with respect to this layer's
     * output, stores the gradients of its weights ({@link #gradients()}) and returns the gradient with respect to its
     * input, or null when {@code needInputGradient} is false (the first layer: nothing before it learns).
     * {@code outputGradient} may be overwritten; the results live in buffers reused by the next batch.
     *
     * @param outputGradient    the loss gradient with respect to the last output, of the output's shape
     * @param needInputGradient false for the first layer, whose input gradient nobody uses
     * @return the loss gradient with respect to the last input, of the input's shape, or null when
     *         {@code needInputGradient} is false
     */
    protected abstract INDArray backward(INDArray outputGradient, boolean needInputGradient);

    /**
     * Records the gradient of a weight computed by {@link #backward}.
     *
     * @param weightName the weight's short name given to {@link #addWeight}, e.g. {@code "kernel"}
     * @param gradient   the loss gradient with respect to that weight, of the weight's shape
     */
    protected void setGradient(String weightName, INDArray gradient) {
        gradients.put(weightName, gradient);
    }

    /**
     * The gradients of the last backward pass, by weight name, in the order of {@link #weightArrays()}.
     *
     * @return the live map, by short weight name; its arrays are reused by the next backward pass
     */
    protected Map<String, INDArray> gradients() {
        return gradients;
    }

    /**
     * A built layer only accepts inputs whose non-batch sizes it was built for (its weights depend on them). This
     * default compares the last axis, for layers with weights and inputs of the built rank.
     *
     * @param inputShape the new input's shape, batch axis first
     * @throws IllegalArgumentException when its last axis differs from the one the weights were made for
     */
    protected void validateAgainstBuild(Shape inputShape) {
        Shape built = builtInputShape;
        if (weights.isEmpty() || inputShape.rank() != built.rank()) {
            return;
        }
        long expected = built.get(-1);
        long actual = inputShape.get(-1);
        if (expected >= 0 && actual >= 0 && expected != actual) {
            throw new IllegalArgumentException(describe() + " was built for inputs whose last axis has " + expected
                    + " values " + built + ", but got shape " + inputShape + ". A layer's weights fix its input size;"
                    + " create a new layer for inputs of another size.");
        }
    }

    // ---------------------------------------------------------------- logits, for cross-entropy as Keras computes it

    /**
     * The activation this layer applies last ({@code activation=} in Keras), {@link Activations#LINEAR} when none.
     * When a model ends in softmax or sigmoid, Keras computes cross-entropy from the values before it (the logits),
     * and so does ConvBook's trainer: see {@code losses.Loss}.
     *
     * @return the activation, e.g. {@code SOFTMAX} for {@code Dense(10, activation="softmax")}; {@code LINEAR} when
     *         the layer has none
     */
    public Activations outputActivation() {
        OutputActivation step = activationStep();
        return step == null ? Activations.LINEAR : step.get();
    }

    /** The activation step at the end of this layer, for layers that have one ({@code Dense}, {@code Conv2D}, ...). */
    OutputActivation activationStep() {
        return null;
    }

    /**
     * True when the output is made by Keras's activation functions ({@code activation="softmax"} or an
     * {@code Activation} layer), which attach the logits to their result ({@code _keras_logits}) for any
     * cross-entropy to use; false for a layer that is only a softmax operation ({@code Softmax}), which Keras
     * recognises by the operation's type, for categorical cross-entropies only.
     *
     * @return true, except for {@code Softmax}
     */
    public boolean outputCarriesLogits() {
        return true;
    }

    /**
     * Makes {@link #call} keep a copy of the logits (the values before the output activation) for {@link #lastLogits},
     * in training and inference alike; the trainer asks this of a model's last layer. Layers without an activation
     * ignore it.
     *
     * @param keep true to keep a copy of the logits on every call, false to stop
     */
    protected void keepLogits(boolean keep) {
        OutputActivation step = activationStep();
        if (step != null) {
            step.keepLogits(keep);
        }
    }

    /**
     * The logits of the last {@link #call}, kept when {@link #keepLogits} is on; reused by the next call.
     *
     * @return the values before the output activation, of the output's shape
     * @throws UnsupportedOperationException for a layer without an output activation
     * @throws IllegalStateException when no logits were kept
     */
    protected INDArray lastLogits() {
        OutputActivation step = activationStep();
        if (step == null) {
            throw new UnsupportedOperationException(describe() + " has no output activation, so no logits");
        }
        return step.logits(describe());
    }

    /**
     * Back-propagation from the gradient with respect to the logits, skipping the output activation: the fused
     * softmax/sigmoid cross-entropy gradient ({@code softmax(z) - y}) enters here. Same contract as {@link #backward}.
     * This default throws: layers with an output activation override it.
     *
     * @param logitsGradient    the loss gradient with respect to the logits of the last {@code call(input, true)},
     *                          of the output's shape; may be overwritten
     * @param needInputGradient false for the first layer, whose input gradient nobody uses
     * @return the loss gradient with respect to the last input, or null when {@code needInputGradient} is false
     * @throws UnsupportedOperationException for a layer without an output activation
     */
    protected INDArray backwardFromLogits(INDArray logitsGradient, boolean needInputGradient) {
        throw new UnsupportedOperationException(describe() + " has no output activation, so no logits");
    }

    // ---------------------------------------------------------------- weights

    /**
     * Creates and registers a trainable weight in the layer's dtype; subclasses call this from {@link #build}.
     *
     * @param weightName  the short name, e.g. {@code "kernel"} ({@link #weightNames()} shows {@code conv2d/kernel:0})
     * @param shape       the weight's shape in Keras's layout, e.g. {@code (3, 3, 1, 32)} for a Conv2D kernel
     * @param initializer its starting values, e.g. {@code Initializers.of("glorot_uniform")}
     * @return the weight's live array, which optimizers update in place
     * @throws IllegalArgumentException when the weight would not fit in the memory
     */
    protected INDArray addWeight(String weightName, long[] shape, Initializers.Initializer initializer) {
        return addWeight(weightName, shape, initializer, true);
    }

    /**
     * Creates and registers a weight, as Keras's {@code add_weight(..., trainable=...)}. A non-trainable weight (a
     * running statistic) is saved and counted but never moved by an optimizer: the layer updates it itself.
     *
     * @param weightName  the short name, e.g. {@code "moving_mean"}
     * @param shape       the weight's shape in Keras's layout
     * @param initializer its starting values
     * @param trainable   false for a weight that no optimizer moves
     * @return the weight's live array
     * @throws IllegalArgumentException when the weight would not fit in the memory
     */
    protected INDArray addWeight(String weightName, long[] shape, Initializers.Initializer initializer,
            boolean trainable) {
        Memory.check(describe() + ": weight '" + weightName + "'", dtype.nd4j(), shape);
        INDArray value = initializer.create(shape, dtype);
        weights.put(weightName, value);
        if (!trainable) {
            nonTrainable.add(weightName);
        }
        return value;
    }

    /**
     * Whether an optimizer moves this weight (Keras's {@code trainable_weights}); false for running statistics.
     *
     * @param weightName the short name, e.g. {@code "kernel"} or {@code "moving_mean"}
     * @return true for a trainable weight of this layer; false for a non-trainable one or an unknown name
     */
    public boolean isTrainable(String weightName) {
        return weights.containsKey(weightName) && !nonTrainable.contains(weightName);
    }

    /**
     * The number of values that training moves, as Keras's "Trainable params" of {@code summary()}.
     *
     * @return the sum of the sizes of the trainable weights
     * @throws IllegalStateException before the layer is built
     */
    public long countTrainableParams() {
        countParams();   // same check and message before the layer is built
        return weights.entrySet().stream().filter(e -> !nonTrainable.contains(e.getKey()))
                .mapToLong(e -> e.getValue().length()).sum();
    }

    /**
     * The weights (kernel first, then bias), as Keras's {@code layer.weights}; empty before the layer is built.
     * Unlike Keras's variables these are copies, so a later {@code fit} does not change a tensor already handed out:
     * change a layer's weights with {@link #setWeights(List)}.
     *
     * @return fresh tensors in Keras's layouts, e.g. a Dense kernel {@code (inputs, units)} and bias {@code (units,)}
     */
    public List<Tensor> weights() {
        return getWeights();
    }

    /**
     * Copies of the weights, as Keras's {@code layer.get_weights()}.
     *
     * @return fresh tensors in the order of {@link #weightNames()}; empty before the layer is built
     */
    public List<Tensor> getWeights() {
        List<Tensor> list = new ArrayList<>();
        weights.values().forEach(w -> list.add(Tensor.wrap(w.dup())));
        return list;
    }

    /**
     * Names of the weights in order, as Keras's {@code [w.name for w in layer.weights]}.
     *
     * @return e.g. {@code conv2d/kernel:0}, {@code conv2d/bias:0}; empty before the layer is built
     */
    public List<String> weightNames() {
        return weights.keySet().stream().map(w -> name + "/" + w + ":0").toList();
    }

    /**
     * Replaces the weights, in Keras's layouts (kernel first, then bias), as {@code layer.set_weights([w, b])}.
     * Every value is checked before any weight changes, so a failed call leaves the layer as it was.
     *
     * @param values one tensor per weight, in the order of {@link #weights()}, each of that weight's shape; values
     *               of another dtype are converted to the layer's
     * @throws IllegalStateException before the layer is built
     * @throws IllegalArgumentException for a null list, a null or symbolic value, a wrong count or a wrong shape
     */
    public void setWeights(List<Tensor> values) {
        checkWeights(values);
        int i = 0;
        for (INDArray target : weights.values()) {
            target.assign(values.get(i++).astype(dtype).data());
        }
    }

    /**
     * Checks that {@code values} could replace this layer's weights, changing nothing; {@code Model.setWeights}
     * checks every layer this way before it sets any.
     *
     * @param values one tensor per weight, in the order of {@link #weights()}
     * @throws IllegalStateException before the layer is built
     * @throws IllegalArgumentException for a null list, a null or symbolic value, a wrong count or a wrong shape
     */
    public void checkWeights(List<Tensor> values) {
        if (values == null) {
            throw new IllegalArgumentException(describe() + ".setWeights expects a list of " + weights.size()
                    + " tensors " + shapesOf(weights()) + ", got null");
        }
        if (!isBuilt()) {
            throw new IllegalStateException(describe() + " has no weights yet: a layer creates its weights when it"
                    + " first sees an input. Call layer.apply(x) once (or use it in a model) before setWeights.");
        }
        if (values.size() != weights.size()) {
            throw new IllegalArgumentException(describe() + " expects " + weights.size() + " weights "
                    + shapesOf(weights()) + ", got " + values.size() + " " + shapesOf(values));
        }
        int i = 0;
        for (Map.Entry<String, INDArray> entry : weights.entrySet()) {
            Tensor value = values.get(i++);
            if (value == null || value.isSymbolic()) {
                throw new IllegalArgumentException(describe() + ": weight '" + entry.getKey() + "' needs a tensor with"
                        + " values of shape " + Shape.of(entry.getValue().shape()) + ", got "
                        + (value == null ? "null" : "a symbolic tensor " + value.shape()));
            }
            Shape expected = Shape.of(entry.getValue().shape());
            if (!expected.equals(value.shape())) {
                throw new IllegalArgumentException(describe() + ": weight '" + entry.getKey() + "' has shape "
                        + expected + ", got a value of shape " + value.shape()
                        + (entry.getKey().equals("kernel") ? kernelLayoutHint() : ""));
            }
        }
    }

    /**
     * {@link #setWeights(List)} with the tensors listed: {@code layer.setWeights(kernel, bias)}, as Keras's
     * {@code layer.set_weights([kernel, bias])}.
     *
     * @param values one tensor per weight, in the order of {@link #weights()}, each of that weight's shape
     * @throws IllegalStateException before the layer is built
     * @throws IllegalArgumentException for a null array, a null or symbolic value, a wrong count or a wrong shape
     */
    public void setWeights(Tensor... values) {
        setWeights(values == null ? null : Arrays.asList(values));   // List.of would throw an NPE on a null
    }

    /**
     * Explains this layer's kernel layout in a shape error of {@link #setWeights(List)}.
     *
     * @return text appended to the message, e.g. {@code " (Dense kernels are (input features, units))"}; empty here
     */
    protected String kernelLayoutHint() {
        return "";
    }

    private static List<String> shapesOf(List<Tensor> tensors) {
        return tensors.stream().map(t -> t == null ? "null" : t.shape().toString()).toList();
    }

    /**
     * The number of weight values, as Keras's {@code count_params()}: trainable and non-trainable together.
     *
     * @return the sum of the sizes of all weights, e.g. 320 for a {@code Conv2D(32, 3)} on one channel
     * @throws IllegalStateException before the layer is built
     */
    public long countParams() {
        if (!isBuilt()) {
            throw new IllegalStateException("You tried to call countParams() on " + describe()
                    + ", but the layer isn't built yet: its weights are created when it first sees an input."
                    + " Call layer.apply(x) first.");
        }
        return weights.values().stream().mapToLong(INDArray::length).sum();
    }

    /**
     * The weight arrays themselves (updated in place by optimizers), by name: {@code kernel}, {@code bias}.
     *
     * @return a read-only map of the live arrays, by short name, in Keras's order
     */
    protected Map<String, INDArray> weightArrays() {
        return Collections.unmodifiableMap(weights);
    }

    /**
     * The engine's handle on this layer (batch buffers reused between calls, live weights), for ConvBook's models
     * and trainer; notebooks use {@link #apply(Tensor, boolean)} and {@code model.gradients(x, y)}, which return
     * fresh tensors.
     *
     * @return the same handle on every call
     */
    public final LayerEngine engine() {
        return engine;
    }

    /** Forwards the engine's calls to this layer's protected methods. */
    private final class Engine implements LayerEngine {
        @Override
        public INDArray call(INDArray input, boolean training) {
            return Layer.this.call(input, training);
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean needInputGradient) {
            return Layer.this.backward(outputGradient, needInputGradient);
        }

        @Override
        public INDArray backwardFromLogits(INDArray logitsGradient, boolean needInputGradient) {
            return Layer.this.backwardFromLogits(logitsGradient, needInputGradient);
        }

        @Override
        public void keepLogits(boolean keep) {
            Layer.this.keepLogits(keep);
        }

        @Override
        public INDArray lastLogits() {
            return Layer.this.lastLogits();
        }

        @Override
        public Map<String, INDArray> weights() {
            return weightArrays();
        }

        @Override
        public Map<String, INDArray> gradients() {
            return Layer.this.gradients();
        }
    }

    /**
     * A short description in the style of Keras's repr.
     *
     * @return e.g. {@code <Conv2D name=conv2d, built=True>}
     */
    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " name=" + name + (isBuilt() ? ", built=True" : ", built=False")
                + ">";
    }
}
