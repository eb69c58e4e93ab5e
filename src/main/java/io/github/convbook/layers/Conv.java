package io.github.convbook.layers;

import io.github.convbook.backend.Scratch;
import io.github.convbook.backend.Checks;
import io.github.convbook.ops.Padding;
import io.github.convbook.tensor.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What {@link Conv2D} and {@link Conv2DTranspose} share, as Keras's {@code Conv} base class: filters,
 * kernel size, strides, padding, dilation, activation, bias and initialisers, on NHWC inputs.
 *
 * @param <T> the concrete layer, so that fluent setters keep its type
 */
public abstract class Conv<T extends Conv<T>> extends Layer {
    protected final int filters;
    protected int[] kernelSize;
    protected int[] strides = {1, 1};
    protected Padding padding = Padding.VALID;
    protected int[] dilationRate = {1, 1};
    private final OutputActivation activation = new OutputActivation();
    protected boolean useBias = true;
    private Initializers.Initializer kernelInitializer = Initializers.of("glorot_uniform");
    private Initializers.Initializer biasInitializer = Initializers.of("zeros");
    protected INDArray kernel;
    protected INDArray bias;
    private INDArray lastInput;    // kept by call(..., training = true) for backward
    private final Scratch scratch = new Scratch();

    protected Conv(int filters, int kernelSize) {
        if (filters <= 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": filters must be a positive integer, got " + filters);
        }
        this.filters = filters;
        this.kernelSize = Checks.pair(getClass().getSimpleName(), "kernelSize", kernelSize);
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    public T kernelSize(int height, int width) {
        requireNotBuilt("kernelSize");
        this.kernelSize = Checks.pair(describe(), "kernelSize", height, width);
        return self();
    }

    /** One stride for both axes, or {@code strides(height, width)}. */
    public T strides(int... strides) {
        this.strides = Checks.pair(describe(), "strides", strides);
        checkStridesWithDilation();
        return self();
    }

    /** "valid" (default) or "same". */
    public T padding(String padding) {
        this.padding = Padding.of(padding);
        return self();
    }

    public T dilationRate(int... rate) {
        this.dilationRate = Checks.pair(describe(), "dilationRate", rate);
        checkStridesWithDilation();
        return self();
    }

    public T activation(String name) {
        this.activation.set(Activations.of(name));
        return self();
    }

    public T useBias(boolean useBias) {
        requireNotBuilt("useBias");
        this.useBias = useBias;
        return self();
    }

    public T kernelInitializer(String name) {
        this.kernelInitializer = Initializers.of(name);
        return self();
    }

    public T biasInitializer(String name) {
        this.biasInitializer = Initializers.of(name);
        return self();
    }

    @Override
    public T name(String name) {
        super.name(name);
        return self();
    }

    @Override
    public T inputShape(int... shape) {
        super.inputShape(shape);
        return self();
    }

    public int filters() {
        return filters;
    }

    /**
     * Keras's {@code layer.kernel_size}.
     *
     * @return {@code {height, width}} of the kernel (a copy)
     */
    public int[] kernelSize() {
        return kernelSize.clone();
    }

    /**
     * Keras's {@code layer.strides}.
     *
     * @return {@code {vertical, horizontal}} steps (a copy)
     */
    public int[] strides() {
        return strides.clone();
    }

    /**
     * Keras's {@code layer.dilation_rate}.
     *
     * @return {@code {vertical, horizontal}} dilation (a copy)
     */
    public int[] dilationRate() {
        return dilationRate.clone();
    }

    /**
     * Keras's {@code layer.use_bias}.
     *
     * @return whether the layer adds a bias
     */
    public boolean useBias() {
        return useBias;
    }

    public Padding padding() {
        return padding;
    }

    public Activations activation() {
        return activation.get();
    }

    /** TensorFlow has no kernels for both at once; Keras rejects it too. */
    private void checkStridesWithDilation() {
        if ((strides[0] > 1 || strides[1] > 1) && (dilationRate[0] > 1 || dilationRate[1] > 1)) {
            throw new IllegalArgumentException(describe() + ": strides > 1 cannot be combined with dilationRate > 1 (got strides "
                    + java.util.Arrays.toString(strides) + ", dilationRate " + java.util.Arrays.toString(dilationRate) + ")");
        }
    }

    /** The kernel's extent once dilated: a 3-wide kernel with dilation 2 covers 5 pixels. */
    protected int dilatedKernel(int axis) {
        return (kernelSize[axis] - 1) * dilationRate[axis] + 1;
    }

    @Override
    protected void validateInput(Shape inputShape) {
        requireRank(inputShape, 4, "(batch, height, width, channels)");
        if (inputShape.get(3) < 0) {
            throw new IllegalArgumentException(describe() + ": the channel axis (last) of the input must be known, got "
                    + inputShape);
        }
    }

    /** The kernel's shape for this many input channels, in Keras's layout. */
    protected abstract long[] kernelShape(long inputChannels);

    @Override
    protected void build(Shape inputShape) {
        kernel = addWeight("kernel", kernelShape(inputShape.get(3)), kernelInitializer);
        if (useBias) {
            bias = addWeight("bias", new long[] {filters}, biasInitializer);
        }
    }

    @Override
    protected void validateAgainstBuild(Shape inputShape) {
        long expected = kernelInputChannels();
        if (inputShape.get(3) != expected) {
            throw new IllegalArgumentException(describe() + " was built for inputs with " + expected + " channel(s), got shape "
                    + inputShape + " with " + inputShape.get(3) + ". A layer's kernel fixes its input channels;"
                    + " create a new layer for other inputs.");
        }
    }

    /** The number of input channels the built kernel takes. */
    protected abstract long kernelInputChannels();

    /** The convolution itself, before the activation, written into {@code into} when given. */
    protected abstract INDArray convolve(INDArray input, INDArray... into);

    /**
     * Gradients of input, kernel and bias (when used) from the gradient of the convolution's output, written into
     * {@code into} when given.
     */
    protected abstract INDArray[] convolveBackward(INDArray input, INDArray outputGradient, INDArray... into);

    @Override
    protected INDArray call(INDArray input, boolean training) {
        long[] outShape = computeOutputShape(Shape.of(input.shape())).toArray();
        INDArray out = activation.forward(convolve(input, scratch.get("output", input.dataType(), outShape)), training);
        if (training) {
            lastInput = input;
        }
        return out;
    }

    @Override
    protected INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        return backwardFromLogits(activation.backward(outputGradient), needInputGradient);
    }

    @Override
    protected INDArray backwardFromLogits(INDArray beforeActivation, boolean needInputGradient) {
        org.nd4j.linalg.api.buffer.DataType type = lastInput.dataType();
        INDArray[] into = bias == null
                ? new INDArray[] {scratch.get("inputGradient", type, lastInput.shape()), scratch.get("kernelGradient", type, kernel.shape())}
                : new INDArray[] {scratch.get("inputGradient", type, lastInput.shape()), scratch.get("kernelGradient", type, kernel.shape()),
                        scratch.get("biasGradient", type, bias.shape())};
        INDArray[] grads = convolveBackward(lastInput, beforeActivation, into);
        setGradient("kernel", grads[1]);
        if (bias != null) {
            setGradient("bias", grads[2]);
        }
        return needInputGradient ? grads[0] : null;
    }

    @Override
    OutputActivation activationStep() {
        return activation;
    }
}
