package io.github.convbook.layers;

import io.github.convbook.backend.Scratch;
import io.github.convbook.tensor.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fully connected (linear) layer: {@code output = activation(input · kernel + bias)} on the last axis.
 * Kernel (in, units), bias (units,). Input (..., in) gives (..., units): a Dense(1) on (64, 4, 2) gives (64, 4, 1).
 *
 * <p>Its definition as plain loops: {@link io.github.convbook.layers.loops.DenseLoops#dense}.
 */
public class Dense extends Layer {
    private final int units;
    private final OutputActivation activation = new OutputActivation();
    private boolean useBias = true;
    private Initializers.Initializer kernelInitializer = Initializers.of("glorot_uniform");
    private Initializers.Initializer biasInitializer = Initializers.of("zeros");
    private INDArray kernel;
    private INDArray bias;
    private INDArray lastRows;     // the input as (samples, features), kept for backward
    private final Scratch scratch = new Scratch();

    public Dense(int units) {
        if (units <= 0) {
            throw new IllegalArgumentException("Dense: units must be a positive integer, got " + units);
        }
        this.units = units;
    }

    public int units() {
        return units;
    }

    public Dense activation(String name) {
        this.activation.set(Activations.of(name));
        return this;
    }

    public Activations activation() {
        return activation.get();
    }

    public Dense useBias(boolean useBias) {
        requireNotBuilt("useBias");
        this.useBias = useBias;
        return this;
    }

    public Dense kernelInitializer(String name) {
        this.kernelInitializer = Initializers.of(name);
        return this;
    }

    public Dense biasInitializer(String name) {
        this.biasInitializer = Initializers.of(name);
        return this;
    }

    @Override
    public Dense name(String name) {
        super.name(name);
        return this;
    }

    @Override
    public Dense inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    protected void validateInput(Shape inputShape) {
        if (inputShape.rank() < 2) {
            throw new IllegalArgumentException(describe() + " expects input of rank >= 2 (batch, ..., features), got shape "
                    + inputShape + ". For a single sample add a batch axis: x.expandDims(0)");
        }
        if (inputShape.get(-1) < 0) {
            throw new IllegalArgumentException(describe() + ": the last axis of the input must be known, got " + inputShape);
        }
    }

    @Override
    protected void validateAgainstBuild(Shape inputShape) {
        long expected = kernel.size(0);
        if (inputShape.get(-1) != expected) {
            String hint = inputShape.rank() > 2 ? ". Images must be flattened first: add a Flatten layer or reshape to ("
                    + (inputShape.get(0) < 0 ? "None" : inputShape.get(0)) + ", " + expected + ")" : "";
            throw new IllegalArgumentException(describe() + " was built for inputs with " + expected
                    + " features on the last axis, got shape " + inputShape + hint);
        }
    }

    @Override
    protected void build(Shape inputShape) {
        long in = inputShape.get(-1);
        kernel = addWeight("kernel", new long[] {in, units}, kernelInitializer);
        if (useBias) {
            bias = addWeight("bias", new long[] {units}, biasInitializer);
        }
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        long[] dims = inputShape.toArray();
        dims[dims.length - 1] = units;
        return Shape.of(dims);
    }

    @Override
    protected INDArray call(INDArray input, boolean training) {
        long[] outShape = computeOutputShape(Shape.of(input.shape())).toArray();
        INDArray rows = input.reshape('c', -1, kernel.size(0));
        INDArray out = Nd4j.gemm(rows, kernel, scratch.get("output", rows.dataType(), rows.size(0), units), false, false, 1.0, 0.0);
        if (bias != null) {
            out.addiRowVector(bias);
        }
        activation.forward(out, training);
        if (training) {
            lastRows = rows;
        }
        return out.reshape('c', outShape);
    }

    @Override
    protected INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        return backwardFromLogits(activation.backward(outputGradient), needInputGradient);
    }

    @Override
    protected INDArray backwardFromLogits(INDArray logitsGradient, boolean needInputGradient) {
        INDArray outputGradient = logitsGradient;
        INDArray grad = outputGradient.reshape('c', -1, units);
        org.nd4j.linalg.api.buffer.DataType type = grad.dataType();
        setGradient("kernel", Nd4j.gemm(lastRows, grad, scratch.get("kernelGradient", type, kernel.shape()), true, false, 1.0, 0.0));
        if (bias != null) {
            setGradient("bias", grad.sum(0));
        }
        if (!needInputGradient) {
            return null;
        }
        long[] inputShape = outputGradient.shape().clone();
        inputShape[inputShape.length - 1] = kernel.size(0);
        INDArray inputGradient = scratch.get("inputGradient", type, grad.size(0), kernel.size(0));
        return Nd4j.gemm(grad, kernel, inputGradient, false, true, 1.0, 0.0).reshape('c', inputShape);
    }

    @Override
    protected String kernelLayoutHint() {
        return " (Dense kernels are (input features, units))";
    }

    @Override
    OutputActivation activationStep() {
        return activation;
    }
}
