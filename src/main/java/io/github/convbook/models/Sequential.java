package io.github.convbook.models;

import io.github.convbook.backend.Naming;
import io.github.convbook.layers.Input;
import io.github.convbook.layers.InputLayer;
import io.github.convbook.layers.Layer;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain stack of layers, {@code keras.Sequential([...])}. Give the first layer an input shape
 * ({@code new Dense(512).inputShape(784)}) or add {@code Input.shape(784)} first, or let the first
 * {@code predict}/{@code fit} build the model from the data.
 *
 * <pre>
 * Sequential model = new Sequential();
 * model.add(new Dense(512).activation("relu").inputShape(28 * 28));
 * model.add(new Dense(10).activation("softmax"));
 * model.compile("rmsprop", "sparse_categorical_crossentropy", "accuracy");
 * </pre>
 *
 * Everything else (shapes, dtypes, {@code fit}, {@code predict}, saving) is as for {@link Model}.
 */
public class Sequential extends Model {
    private final List<Layer> pending = new ArrayList<>();
    private Tensor output;   // the symbolic output of the stack so far

    /** An empty stack, named {@code sequential}, {@code sequential_1}, ... as Keras names them. */
    public Sequential() {
        super(Naming.unique("sequential"));
    }

    /**
     * Keras's {@code keras.Sequential([layer, ...])}: a stack of these layers, added in order as by
     * {@link #add(Layer)}.
     *
     * @param layers the layers, the first one with an input shape for the model to be built at once
     * @throws IllegalArgumentException when the list or a layer in it is null, or a layer does not fit the output
     *     of the one before
     */
    public Sequential(List<Layer> layers) {
        this();
        if (layers == null) {
            throw new IllegalArgumentException("new Sequential(layers) expects a list of layers, got null");
        }
        layers.forEach(this::add);
    }

    /**
     * As {@link #Sequential(List)}: {@code new Sequential(new Flatten().inputShape(28, 28), new Dense(10))}.
     *
     * @param layers the layers, the first one with an input shape for the model to be built at once
     * @throws IllegalArgumentException when the array or a layer in it is null, or a layer does not fit the output
     *     of the one before
     */
    public Sequential(Layer... layers) {
        this(layers == null ? null : Arrays.asList(layers));   // List.of throws a bare NPE on a null
    }

    /**
     * Appends a layer; once the input shape is known the stack is built symbolically, so shapes are checked at once.
     * A layer that does not fit leaves the stack as it was, so the next {@code add} works. Keras's
     * {@code model.add(layer)}.
     *
     * @param layer the next layer; as the first one, it may carry the model's input shape
     *     ({@code new Dense(512).inputShape(784)})
     * @return this model, for chaining
     * @throws IllegalArgumentException for a null layer, or a layer whose input does not fit the stack's output
     */
    public Sequential add(Layer layer) {
        if (layer == null) {
            throw new IllegalArgumentException("Sequential.add expects a layer, got null");
        }
        Tensor inputBefore = input;
        if (input == null && pending.isEmpty() && layer.declaredInputShape() != null) {
            input = Input.shape(layer.declaredInputShape().toIntArray());
        }
        pending.add(layer);
        try {
            if (input != null) {
                buildPending();
            }
        } catch (RuntimeException e) {
            pending.remove(pending.size() - 1);
            input = inputBefore;
            throw e;
        }
        return this;
    }

    /**
     * {@code model.add(keras.Input(shape=(784,)))}: sets the input shape of the stack.
     *
     * @param inputs the symbolic tensor from {@code Input.shape(...)}, e.g. {@code Input.shape(28, 28, 1)} for
     *     inputs {@code (None, 28, 28, 1)}
     * @return this model, for chaining
     * @throws IllegalArgumentException when {@code inputs} is not from {@code Input.shape(...)}
     * @throws IllegalStateException when the stack already has an input or layers
     */
    public Sequential add(Tensor inputs) {
        if (!(Layer.producerOf(inputs) instanceof InputLayer)) {
            throw new IllegalArgumentException("Sequential.add(Tensor) expects Input.shape(...), got " + inputs);
        }
        if (input != null || !pending.isEmpty()) {
            throw new IllegalStateException("Input.shape(...) must be added first, before any layer");
        }
        input = inputs;
        return this;
    }

    /**
     * Builds the model for samples of this shape (without the batch axis), as Keras's {@code build}. When a layer
     * does not fit that shape the model stays unbuilt, as it was, and can be built again with another shape.
     * A model that already has its input shape stays as it is.
     *
     * @param sampleShape the shape of one sample, e.g. {@code 28, 28, 1} for inputs {@code (None, 28, 28, 1)}
     * @return this model, for chaining
     * @throws IllegalArgumentException for a null shape, a size that is not positive, or a shape a layer cannot take
     */
    public Sequential build(int... sampleShape) {
        Tensor inputBefore = input;
        if (input == null) {
            if (sampleShape == null) {
                throw new IllegalArgumentException("Sequential.build expects the shape of one sample, got null");
            }
            input = Input.shape(sampleShape);
        }
        try {
            buildPending();
        } catch (RuntimeException e) {
            input = inputBefore;
            throw e;
        }
        return this;
    }

    /**
     * Applies the pending layers to the stack's output. All or nothing: on a failure the layers already appended by
     * this call are taken off again and stay pending.
     */
    private void buildPending() {
        int layersBefore = layers.size();
        Tensor x = output != null ? output : input;
        try {
            for (Layer layer : pending) {
                x = layer.apply(x);
                layers.add(layer);
                outputShapes.add(x.shape());
            }
        } catch (RuntimeException e) {
            layers.subList(layersBefore, layers.size()).clear();
            outputShapes.subList(layersBefore, outputShapes.size()).clear();
            throw e;
        }
        pending.clear();
        output = x;
    }

    @Override
    protected void requireBuiltFor(Shape dataShape) {
        if (input == null && dataShape.rank() >= 2) {
            build(dataShape.withoutBatch().toIntArray());
        }
        super.requireBuiltFor(dataShape);
    }

    @Override
    protected boolean showsInputLayer() {
        return false;
    }
}
