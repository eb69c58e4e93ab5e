package io.github.convbook.layers;

import io.github.convbook.backend.LayerKernel;
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
    private final LayerKernel kernel = new Kernel();

    protected Layer() {
        this.name = defaultName();
    }

    /** Keras's default: the class name in snake_case, counted per name ({@code conv2d}, {@code conv2d_1}, ...). */
    protected String defaultName() {
        return Naming.unique(Naming.snakeCase(getClass().getSimpleName()));
    }

    // ---------------------------------------------------------------- configuration

    public String name() {
        return name;
    }

    /** Keras's {@code name=...}. */
    public Layer name(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException(describe() + ": a layer name must not be empty");
        }
        this.name = newName;
        return this;
    }

    public DType dtype() {
        return dtype;
    }

    /** Keras's {@code dtype=...}: the type of the weights and of the computation ("float32" or "float64"). */
    public Layer dtype(String type) {
        DType t = DType.of(type);
        if (!t.isFloating()) {
            throw new IllegalArgumentException(describe() + ": dtype must be float32 or float64, got " + type);
        }
        requireNotBuilt("dtype");
        this.dtype = t;
        return this;
    }

    /** Keras's {@code input_shape=(...)} (without the batch axis), used when this is the first layer of a Sequential. */
    public Layer inputShape(int... shape) {
        this.inputShape = Shape.of(shape);
        return this;
    }

    /** The input shape given with {@link #inputShape(int...)}, or null. */
    public Shape declaredInputShape() {
        return inputShape;
    }

    /** "layer 'conv2d' (Conv2D)", used to start error messages. */
    public String describe() {
        return "Layer '" + name + "' (" + getClass().getSimpleName() + ")";
    }

    protected void requireNotBuilt(String setting) {
        if (isBuilt()) {
            throw new IllegalStateException(describe() + " is already built; set " + setting + " before its first use");
        }
    }

    // ---------------------------------------------------------------- calling

    /**
     * Calls the layer: eagerly on a tensor with values (returns the values), symbolically on the output of
     * {@code Input.shape(...)} (returns a symbolic tensor for building a {@code Model}).
     */
    public Tensor apply(Tensor input) {
        return apply(input, false);
    }

    /**
     * Keras's {@code layer(x, training=True)}: with {@code training} true, layers such as Dropout and
     * BatchNormalization behave as during {@code fit} (units dropped at random, batch statistics). The result is a
     * fresh tensor that no later call changes.
     *
     * @throws IllegalArgumentException when the input's shape does not fit the layer
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

    /** Builds this layer for inputs of {@code inputShape} (batch may be unknown) without calling it. */
    public void ensureBuilt(Shape inputShape) {
        if (!isBuilt()) {
            validateInput(inputShape);
            build(inputShape);
            builtInputShape = inputShape;
        }
    }

    public boolean isBuilt() {
        return builtInputShape != null;
    }

    /** The input shape this layer was built for (batch may be None), or null before its first call. */
    public Shape builtInputShape() {
        return builtInputShape;
    }

    /** Checks an input's rank and sizes before anything runs; throws with what was expected and received. */
    protected abstract void validateInput(Shape inputShape);

    /**
     * Throws unless the input has {@code rank} axes. The message shows the layout and, for the usual mistake of a
     * missing channel axis on images, the reshape that fixes it.
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

    /** Creates the weights for inputs of this shape; layers without weights keep this empty. */
    protected void build(Shape inputShape) {
    }

    /** The output shape for an input shape (batch may be None), as Keras's {@code compute_output_shape}. */
    public abstract Shape computeOutputShape(Shape inputShape);

    /**
     * The forward computation on a batch; {@code training} switches layers such as Dropout and makes the layer keep
     * what {@link #backward} needs (its input, its output). The result may live in a buffer the layer reuses for the
     * next batch of the same shape (see {@link Scratch}): copy it to keep it.
     */
    protected abstract INDArray call(INDArray input, boolean training);

    /**
     * Back-propagation through the last {@code call(input, true)}: from the loss gradient with respect to this layer's
     * output, stores the gradients of its weights ({@link #gradients()}) and returns the gradient with respect to its
     * input, or null when {@code needInputGradient} is false (the first layer: nothing before it learns).
     * {@code outputGradient} may be overwritten; the results live in buffers reused by the next batch.
     */
    protected abstract INDArray backward(INDArray outputGradient, boolean needInputGradient);

    /** Records the gradient of a weight computed by {@link #backward}. */
    protected void setGradient(String weightName, INDArray gradient) {
        gradients.put(weightName, gradient);
    }

    /** The gradients of the last backward pass, by weight name, in the order of {@link #weightArrays()}. */
    protected Map<String, INDArray> gradients() {
        return gradients;
    }

    /** A built layer only accepts inputs whose non-batch sizes it was built for (its weights depend on them). */
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
     */
    public boolean outputCarriesLogits() {
        return true;
    }

    /**
     * Makes {@link #call} keep a copy of the logits (the values before the output activation) for {@link #lastLogits},
     * in training and inference alike; the trainer asks this of a model's last layer. Layers without an activation
     * ignore it.
     */
    protected void keepLogits(boolean keep) {
        OutputActivation step = activationStep();
        if (step != null) {
            step.keepLogits(keep);
        }
    }

    /** The logits of the last {@link #call}, kept when {@link #keepLogits} is on; reused by the next call. */
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
     */
    protected INDArray backwardFromLogits(INDArray logitsGradient, boolean needInputGradient) {
        throw new UnsupportedOperationException(describe() + " has no output activation, so no logits");
    }

    // ---------------------------------------------------------------- weights

    /** Creates and registers a trainable weight; subclasses call this from {@link #build}. */
    protected INDArray addWeight(String weightName, long[] shape, Initializers.Initializer initializer) {
        return addWeight(weightName, shape, initializer, true);
    }

    /**
     * Creates and registers a weight, as Keras's {@code add_weight(..., trainable=...)}. A non-trainable weight (a
     * running statistic) is saved and counted but never moved by an optimizer: the layer updates it itself.
     */
    protected INDArray addWeight(String weightName, long[] shape, Initializers.Initializer initializer, boolean trainable) {
        Memory.check(describe() + ": weight '" + weightName + "'", dtype.nd4j(), shape);
        INDArray value = initializer.create(shape, dtype);
        weights.put(weightName, value);
        if (!trainable) {
            nonTrainable.add(weightName);
        }
        return value;
    }

    /** Whether an optimizer moves this weight (Keras's {@code trainable_weights}); false for running statistics. */
    public boolean isTrainable(String weightName) {
        return weights.containsKey(weightName) && !nonTrainable.contains(weightName);
    }

    /** The number of values that training moves, as Keras's "Trainable params" of {@code summary()}. */
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

    /** Copies of the weights, as Keras's {@code layer.get_weights()}. */
    public List<Tensor> getWeights() {
        List<Tensor> list = new ArrayList<>();
        weights.values().forEach(w -> list.add(Tensor.wrap(w.dup())));
        return list;
    }

    /** Names of the weights in order, e.g. {@code conv2d/kernel:0}, {@code conv2d/bias:0}. */
    public List<String> weightNames() {
        return weights.keySet().stream().map(w -> name + "/" + w + ":0").toList();
    }

    /**
     * Replaces the weights, in Keras's layouts (kernel first, then bias), as {@code layer.set_weights([w, b])}.
     * Every value is checked before any weight changes, so a failed call leaves the layer as it was.
     *
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
     * @throws IllegalStateException before the layer is built
     * @throws IllegalArgumentException for a null list, a null or symbolic value, a wrong count or a wrong shape
     */
    public void checkWeights(List<Tensor> values) {
        if (values == null) {
            throw new IllegalArgumentException(describe() + ".setWeights expects a list of " + weights.size()
                    + " tensors " + shapesOf(weights()) + ", got null");
        }
        if (!isBuilt()) {
            throw new IllegalStateException(describe() + " has no weights yet: a layer creates its weights when it first"
                    + " sees an input. Call layer.apply(x) once (or use it in a model) before setWeights.");
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
                throw new IllegalArgumentException(describe() + ": weight '" + entry.getKey() + "' has shape " + expected
                        + ", got a value of shape " + value.shape() + (entry.getKey().equals("kernel") ? kernelLayoutHint() : ""));
            }
        }
    }

    public void setWeights(Tensor... values) {
        setWeights(values == null ? null : Arrays.asList(values));   // List.of would throw an NPE on a null
    }

    /** Explains this layer's kernel layout in a shape error. */
    protected String kernelLayoutHint() {
        return "";
    }

    private static List<String> shapesOf(List<Tensor> tensors) {
        return tensors.stream().map(t -> t == null ? "null" : t.shape().toString()).toList();
    }

    /** The number of weight values, as Keras's {@code count_params()}. */
    public long countParams() {
        if (!isBuilt()) {
            throw new IllegalStateException("You tried to call countParams() on " + describe()
                    + ", but the layer isn't built yet: its weights are created when it first sees an input."
                    + " Call layer.apply(x) first.");
        }
        return weights.values().stream().mapToLong(INDArray::length).sum();
    }

    /** The weight arrays themselves (updated in place by optimizers), by name: {@code kernel}, {@code bias}. */
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
    public final LayerKernel kernel() {
        return kernel;
    }

    /** Forwards the engine's calls to this layer's protected methods. */
    private final class Kernel implements LayerKernel {
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

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " name=" + name + (isBuilt() ? ", built=True" : ", built=False") + ">";
    }
}
