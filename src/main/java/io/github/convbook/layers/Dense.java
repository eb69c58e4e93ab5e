package io.github.convbook.layers;

import io.github.convbook.backend.Scratch;
import io.github.convbook.tensor.Shape;
import org.nd4j.linalg.api.buffer.DataType;
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

    /**
     * Keras's {@code Dense(units)} with Keras's defaults: {@code activation=None, use_bias=True,
     * kernel_initializer="glorot_uniform", bias_initializer="zeros"}; the fluent setters change them.
     *
     * @param units the number of outputs (neurons), positive; the output's last axis
     * @throws IllegalArgumentException if {@code units} is not positive
     */
    public Dense(int units) {
        if (units <= 0) {
            throw new IllegalArgumentException("Dense: units must be a positive integer, got " + units);
        }
        this.units = units;
    }

    /**
     * Keras's {@code layer.units}.
     *
     * @return the number of outputs per sample
     */
    public int units() {
        return units;
    }

    /**
     * Keras's {@code activation} (default None: linear), applied to {@code input · kernel + bias}:
     * {@code new Dense(10).activation("softmax")} is Keras's {@code Dense(10, activation="softmax")}.
     *
     * @param name "relu", "sigmoid", "softmax", "tanh", "leaky_relu" or "linear"; null means linear
     * @return this layer, for chaining
     * @throws IllegalArgumentException for any other name
     */
    public Dense activation(String name) {
        this.activation.set(Activations.of(name));
        return this;
    }

    /**
     * Keras's {@code layer.activation}.
     *
     * @return the activation applied to the output, {@code LINEAR} when none was given
     */
    public Activations activation() {
        return activation.get();
    }

    /**
     * Keras's {@code use_bias} (default true): whether a bias {@code (units,)} is added.
     *
     * @param useBias false for a layer without bias
     * @return this layer, for chaining
     * @throws IllegalStateException once the layer is built
     */
    public Dense useBias(boolean useBias) {
        requireNotBuilt("useBias");
        this.useBias = useBias;
        return this;
    }

    /**
     * Keras's {@code kernel_initializer} (default "glorot_uniform"), used when the layer is built.
     *
     * @param name an initializer name, see {@link Initializers#of}
     * @return this layer, for chaining
     * @throws IllegalArgumentException for an unknown name
     */
    public Dense kernelInitializer(String name) {
        this.kernelInitializer = Initializers.of(name);
        return this;
    }

    /**
     * Keras's {@code bias_initializer} (default "zeros"), used when the layer is built.
     *
     * @param name an initializer name, see {@link Initializers#of}
     * @return this layer, for chaining
     * @throws IllegalArgumentException for an unknown name
     */
    public Dense biasInitializer(String name) {
        this.biasInitializer = Initializers.of(name);
        return this;
    }

    /**
     * Keras's {@code name=...}.
     *
     * @param name the new name, not blank
     * @return this layer, for chaining
     * @throws IllegalArgumentException for a null or blank name
     */
    @Override
    public Dense name(String name) {
        super.name(name);
        return this;
    }

    /**
     * Keras's {@code input_shape=(...)} (without the batch axis), for the first layer of a Sequential.
     *
     * @param shape the sizes of one sample, e.g. {@code 784} for inputs {@code (None, 784)}
     * @return this layer, for chaining
     */
    @Override
    public Dense inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    /**
     * Input {@code (None, ..., features)} of rank 2 or more with a known last axis.
     *
     * @param inputShape the input's shape, e.g. {@code (None, 784)}
     * @throws IllegalArgumentException for a rank below 2 (a single sample without its batch axis) or an unknown
     *                                  last axis
     */
    @Override
    protected void validateInput(Shape inputShape) {
        if (inputShape.rank() < 2) {
            throw new IllegalArgumentException(describe() + " expects input of rank >= 2 (batch, ..., features), got"
                    + " shape " + inputShape + ". For a single sample add a batch axis: x.expandDims(0)");
        }
        if (inputShape.get(-1) < 0) {
            throw new IllegalArgumentException(describe() + ": the last axis of the input must be known, got "
                    + inputShape);
        }
    }

    /**
     * A built layer takes only inputs with the number of features its kernel was made for.
     *
     * @param inputShape the new input's shape
     * @throws IllegalArgumentException for another size of the last axis (for images: a hint to flatten them)
     */
    @Override
    protected void validateAgainstBuild(Shape inputShape) {
        long expected = kernel.size(0);
        if (inputShape.get(-1) != expected) {
            String hint = inputShape.rank() > 2
                    ? ". Images must be flattened first: add a Flatten layer or reshape to ("
                    + (inputShape.get(0) < 0 ? "None" : inputShape.get(0)) + ", " + expected + ")" : "";
            throw new IllegalArgumentException(describe() + " was built for inputs with " + expected
                    + " features on the last axis, got shape " + inputShape + hint);
        }
    }

    /**
     * Creates {@code kernel (features, units)} and, with {@code use_bias}, {@code bias (units,)}.
     *
     * @param inputShape the first input's shape; its last axis gives the features
     */
    @Override
    protected void build(Shape inputShape) {
        long in = inputShape.get(-1);
        kernel = addWeight("kernel", new long[] {in, units}, kernelInitializer);
        if (useBias) {
            bias = addWeight("bias", new long[] {units}, biasInitializer);
        }
    }

    /**
     * Keras's {@code compute_output_shape}: the last axis becomes {@code units}, {@code (None, ..., features) ->
     * (None, ..., units)}: {@code Dense(10)} maps {@code (None, 784)} to {@code (None, 10)}.
     *
     * @param inputShape the input's shape
     * @return the same shape with {@code units} on the last axis
     */
    @Override
    public Shape computeOutputShape(Shape inputShape) {
        long[] dims = inputShape.toArray();
        dims[dims.length - 1] = units;
        return Shape.of(dims);
    }

    /**
     * {@code activation(input · kernel + bias)} on the last axis of a batch; the result lives in a buffer this layer
     * reuses for the next batch.
     *
     * @param input    the batch {@code (batch, ..., features)}, e.g. {@code (32, 784)}
     * @param training true during {@code fit}: keep the input (and the activated output) for {@link #backward}
     * @return {@code (batch, ..., units)}
     */
    @Override
    protected INDArray call(INDArray input, boolean training) {
        long[] outShape = computeOutputShape(Shape.of(input.shape())).toArray();
        INDArray rows = input.reshape('c', -1, kernel.size(0));
        INDArray out = Nd4j.gemm(rows, kernel, scratch.get("output", rows.dataType(), rows.size(0), units), false,
                false, 1.0, 0.0);
        if (bias != null) {
            out.addiRowVector(bias);
        }
        activation.forward(out, training);
        if (training) {
            lastRows = rows;
        }
        return out.reshape('c', outShape);
    }

    /**
     * Through the activation, then the product: stores the gradients of {@code kernel} ({@code input^T · g}) and
     * {@code bias} (the sum of g over the samples).
     *
     * @param outputGradient    the loss gradient with respect to the last training output; may be overwritten
     * @param needInputGradient false when nothing before this layer learns
     * @return the loss gradient with respect to the input ({@code g · kernel^T}), of its shape, or null
     */
    @Override
    protected INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        return backwardFromLogits(activation.backward(outputGradient), needInputGradient);
    }

    /**
     * Through the product only, from the gradient with respect to {@code input · kernel + bias}; stores the gradients
     * of {@code kernel} and {@code bias}.
     *
     * @param logitsGradient    the loss gradient with respect to the logits of the last training call, e.g.
     *                          {@code softmax(z) - y}
     * @param needInputGradient false when nothing before this layer learns
     * @return the loss gradient with respect to the input, of its shape, or null
     */
    @Override
    protected INDArray backwardFromLogits(INDArray logitsGradient, boolean needInputGradient) {
        INDArray outputGradient = logitsGradient;
        INDArray grad = outputGradient.reshape('c', -1, units);
        DataType type = grad.dataType();
        setGradient("kernel", Nd4j.gemm(lastRows, grad, scratch.get("kernelGradient", type, kernel.shape()), true,
                false, 1.0, 0.0));
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
