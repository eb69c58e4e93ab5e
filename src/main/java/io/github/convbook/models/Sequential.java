package io.github.convbook.models;

import io.github.convbook.layers.Input;
import io.github.convbook.layers.Layer;
import io.github.convbook.layers.Naming;
import io.github.convbook.layers.Node;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain stack of layers, {@code keras.Sequential([...])}. Give the first layer an input shape
 * ({@code new Dense(512).inputShape(784)}) or add {@code Input.shape(784)} first, or let the first
 * {@code predict}/{@code fit} build the model from the data.
 */
public class Sequential extends Model {
    private final List<Layer> pending = new ArrayList<>();
    private Tensor output;   // the symbolic output of the stack so far

    public Sequential() {
        super(Naming.unique("sequential"));
    }

    public Sequential(List<Layer> layers) {
        this();
        layers.forEach(this::add);
    }

    public Sequential(Layer... layers) {
        this(List.of(layers));
    }

    /** Appends a layer; once the input shape is known the stack is built symbolically, so shapes are checked at once. */
    public Sequential add(Layer layer) {
        if (input == null && pending.isEmpty() && layer.declaredInputShape() != null) {
            input = Input.shape(layer.declaredInputShape().toIntArray());
        }
        pending.add(layer);
        if (input != null) {
            buildPending();
        }
        return this;
    }

    /** {@code model.add(keras.Input(shape=(784,)))}: sets the input shape of the stack. */
    public Sequential add(Tensor inputs) {
        if (!(inputs.origin() instanceof Node)) {
            throw new IllegalArgumentException("Sequential.add(Tensor) expects Input.shape(...), got " + inputs);
        }
        if (input != null || !pending.isEmpty()) {
            throw new IllegalStateException("Input.shape(...) must be added first, before any layer");
        }
        input = inputs;
        return this;
    }

    /** Builds the model for samples of this shape (without the batch axis), as Keras's {@code build}. */
    public Sequential build(int... sampleShape) {
        if (input == null) {
            input = Input.shape(sampleShape);
        }
        buildPending();
        return this;
    }

    private void buildPending() {
        Tensor x = output != null ? output : input;
        for (Layer layer : pending) {
            x = layer.apply(x);
            layers.add(layer);
            outputShapes.add(x.shape());
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
