package io.github.convbook.layers;

import io.github.convbook.backend.Checks;
import io.github.convbook.backend.Scratch;
import io.github.convbook.ops.Padding;
import io.github.convbook.tensor.Shape;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What {@link Conv2D} and {@link Conv2DTranspose} share, as Keras's {@code Conv} base class: filters,
 * kernel size, strides, padding, dilation, activation, bias and initialisers, on NHWC inputs.
 *
 * @param <T> the concrete layer, so that fluent setters keep its type
 */
public abstract class Conv<T extends Conv<T>> extends Layer {
    /** Keras's {@code filters}: the number of kernels, one output channel each. */
    protected final int filters;
    /** Keras's {@code kernel_size}: the kernel's {@code {height, width}}. */
    protected int[] kernelSize;
    /** Keras's {@code strides} (default {@code (1, 1)}): the steps {@code {vertical, horizontal}}. */
    protected int[] strides = {1, 1};
    /** Keras's {@code padding}: {@code VALID} (the default) or {@code SAME}. */
    protected Padding padding = Padding.VALID;
    /** Keras's {@code dilation_rate} (default {@code (1, 1)}): the gaps between kernel taps, plus one. */
    protected int[] dilationRate = {1, 1};
    private final OutputActivation activation = new OutputActivation();
    /** Keras's {@code use_bias} (default true). */
    protected boolean useBias = true;
    private Initializers.Initializer kernelInitializer = Initializers.of("glorot_uniform");
    private Initializers.Initializer biasInitializer = Initializers.of("zeros");
    /** The live kernel, in the subclass's layout ({@link #kernelShape}); null before the layer is built. */
    protected INDArray kernel;
    /** The live bias {@code (filters,)}; null before the layer is built and without {@code use_bias}. */
    protected INDArray bias;
    private INDArray lastInput;    // kept by call(..., training = true) for backward
    private final Scratch scratch = new Scratch();

    /**
     * Keras's {@code Conv(filters, kernel_size)} with a square kernel and the defaults {@code strides=(1, 1)},
     * {@code padding="valid"}, {@code dilation_rate=(1, 1)}, {@code activation=None}, {@code use_bias=True},
     * {@code kernel_initializer="glorot_uniform"}, {@code bias_initializer="zeros"}.
     *
     * @param filters    the number of output channels, positive
     * @param kernelSize the kernel's height and width, positive (use {@code kernelSize(h, w)} for a rectangle)
     * @throws IllegalArgumentException if {@code filters} or {@code kernelSize} is not positive
     */
    protected Conv(int filters, int kernelSize) {
        if (filters <= 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": filters must be a positive integer, got "
                    + filters);
        }
        this.filters = filters;
        this.kernelSize = Checks.pair(getClass().getSimpleName(), "kernelSize", kernelSize);
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    /**
     * Keras's {@code kernel_size=(height, width)}, for a rectangular kernel.
     *
     * @param height the kernel's height, positive
     * @param width  the kernel's width, positive
     * @return this layer, for chaining
     * @throws IllegalArgumentException if a size is not positive
     * @throws IllegalStateException once the layer is built: its kernel already has a size
     */
    public T kernelSize(int height, int width) {
        requireNotBuilt("kernelSize");
        this.kernelSize = Checks.pair(describe(), "kernelSize", height, width);
        return self();
    }

    /**
     * Keras's {@code strides} (default {@code (1, 1)}): one step for both axes, or {@code strides(height, width)}.
     *
     * @param strides one or two positive steps
     * @return this layer, for chaining
     * @throws IllegalArgumentException unless one or two positive steps are given, or for a step above 1 together
     *                                  with a dilation rate above 1
     */
    public T strides(int... strides) {
        this.strides = Checks.pair(describe(), "strides", strides);
        checkStridesWithDilation();
        return self();
    }

    /**
     * Keras's {@code padding}: "valid" (the default) keeps only positions where the kernel fits; "same" pads the border
     * with zeros so that the output is {@code ceil(N / stride)} long (for a Conv2D).
     *
     * @param padding "valid" or "same", in any case
     * @return this layer, for chaining
     * @throws IllegalArgumentException for any other string
     */
    public T padding(String padding) {
        this.padding = Padding.of(padding);
        return self();
    }

    /**
     * Keras's {@code dilation_rate} (default {@code (1, 1)}): one rate for both axes, or
     * {@code dilationRate(height, width)}. A rate d leaves d - 1 pixels between kernel taps, so a 3-wide kernel with
     * rate 2 covers 5 pixels.
     *
     * @param rate one or two positive rates
     * @return this layer, for chaining
     * @throws IllegalArgumentException unless one or two positive rates are given, or for a rate above 1 together
     *                                  with a stride above 1
     */
    public T dilationRate(int... rate) {
        this.dilationRate = Checks.pair(describe(), "dilationRate", rate);
        checkStridesWithDilation();
        return self();
    }

    /**
     * Keras's {@code activation} (default None: linear), applied to the convolution's output.
     *
     * @param name "relu", "sigmoid", "softmax", "tanh", "leaky_relu" or "linear"; null means linear
     * @return this layer, for chaining
     * @throws IllegalArgumentException for any other name
     */
    public T activation(String name) {
        this.activation.set(Activations.of(name));
        return self();
    }

    /**
     * Keras's {@code use_bias} (default true): whether a bias {@code (filters,)} is added to every output pixel.
     *
     * @param useBias false for a layer without bias
     * @return this layer, for chaining
     * @throws IllegalStateException once the layer is built
     */
    public T useBias(boolean useBias) {
        requireNotBuilt("useBias");
        this.useBias = useBias;
        return self();
    }

    /**
     * Keras's {@code kernel_initializer} (default "glorot_uniform"), used when the layer is built.
     *
     * @param name an initializer name, see {@link Initializers#of}
     * @return this layer, for chaining
     * @throws IllegalArgumentException for an unknown name
     */
    public T kernelInitializer(String name) {
        this.kernelInitializer = Initializers.of(name);
        return self();
    }

    /**
     * Keras's {@code bias_initializer} (default "zeros"), used when the layer is built.
     *
     * @param name an initializer name, see {@link Initializers#of}
     * @return this layer, for chaining
     * @throws IllegalArgumentException for an unknown name
     */
    public T biasInitializer(String name) {
        this.biasInitializer = Initializers.of(name);
        return self();
    }

    /**
     * Keras's {@code name=...}.
     *
     * @param name the new name, not blank
     * @return this layer, for chaining
     * @throws IllegalArgumentException for a null or blank name
     */
    @Override
    public T name(String name) {
        super.name(name);
        return self();
    }

    /**
     * Keras's {@code input_shape=(...)} (without the batch axis), for the first layer of a Sequential.
     *
     * @param shape the sizes of one sample, e.g. {@code 28, 28, 1} for inputs {@code (None, 28, 28, 1)}
     * @return this layer, for chaining
     */
    @Override
    public T inputShape(int... shape) {
        super.inputShape(shape);
        return self();
    }

    /**
     * Keras's {@code layer.filters}.
     *
     * @return the number of kernels, the output's channel count
     */
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

    /**
     * Keras's {@code layer.padding}.
     *
     * @return {@code VALID} (the default) or {@code SAME}
     */
    public Padding padding() {
        return padding;
    }

    /**
     * Keras's {@code layer.activation}.
     *
     * @return the activation applied to the output, {@code LINEAR} when none was given
     */
    public Activations activation() {
        return activation.get();
    }

    /** TensorFlow has no kernels for both at once; Keras rejects it too. */
    private void checkStridesWithDilation() {
        if ((strides[0] > 1 || strides[1] > 1) && (dilationRate[0] > 1 || dilationRate[1] > 1)) {
            throw new IllegalArgumentException(describe() + ": strides > 1 cannot be combined with dilationRate > 1"
                    + " (got strides " + Arrays.toString(strides) + ", dilationRate " + Arrays.toString(dilationRate)
                    + ")");
        }
    }

    /**
     * The kernel's extent once dilated: a 3-wide kernel with dilation 2 covers 5 pixels.
     *
     * @param axis 0 for the height, 1 for the width
     * @return {@code (kernelSize - 1) * dilationRate + 1} along that axis
     */
    protected int dilatedKernel(int axis) {
        return (kernelSize[axis] - 1) * dilationRate[axis] + 1;
    }

    /**
     * Input {@code (None, height, width, channels)} with a known channel count.
     *
     * @param inputShape the input's shape, e.g. {@code (None, 28, 28, 1)}
     * @throws IllegalArgumentException for a rank other than 4 (the message shows the reshape for grayscale images
     *                                  without a channel axis) or an unknown channel count
     */
    @Override
    protected void validateInput(Shape inputShape) {
        requireRank(inputShape, 4, "(batch, height, width, channels)");
        if (inputShape.get(3) < 0) {
            throw new IllegalArgumentException(describe() + ": the channel axis (last) of the input must be known, got "
                    + inputShape);
        }
    }

    /**
     * The kernel's shape for this many input channels, in Keras's layout.
     *
     * @param inputChannels the input's channel count (its last axis)
     * @return e.g. {@code (kernel_height, kernel_width, in_channels, filters)} for a Conv2D
     */
    protected abstract long[] kernelShape(long inputChannels);

    /**
     * Creates {@code kernel} ({@link #kernelShape}) and, with {@code use_bias}, {@code bias (filters,)}.
     *
     * @param inputShape the first input's shape {@code (batch, height, width, channels)}
     */
    @Override
    protected void build(Shape inputShape) {
        kernel = addWeight("kernel", kernelShape(inputShape.get(3)), kernelInitializer);
        if (useBias) {
            bias = addWeight("bias", new long[] {filters}, biasInitializer);
        }
    }

    /**
     * A built layer takes only inputs with the channel count its kernel was made for; height and width may change.
     *
     * @param inputShape the new input's shape
     * @throws IllegalArgumentException for another channel count
     */
    @Override
    protected void validateAgainstBuild(Shape inputShape) {
        long expected = kernelInputChannels();
        if (inputShape.get(3) != expected) {
            throw new IllegalArgumentException(describe() + " was built for inputs with " + expected
                    + " channel(s), got shape " + inputShape + " with " + inputShape.get(3)
                    + ". A layer's kernel fixes its input channels;"
                    + " create a new layer for other inputs.");
        }
    }

    /**
     * The number of input channels the built kernel takes.
     *
     * @return the kernel's input-channel size
     */
    protected abstract long kernelInputChannels();

    /**
     * The convolution itself, before the activation, written into {@code into} when given.
     *
     * @param input the batch {@code (batch, height, width, channels)}
     * @param into  optionally one array of the output's shape to write into (a subclass may ignore it)
     * @return the convolution plus bias, of shape {@link #computeOutputShape} of the input's
     */
    protected abstract INDArray convolve(INDArray input, INDArray... into);

    /**
     * Gradients of input, kernel and bias (when used) from the gradient of the convolution's output, written into
     * {@code into} when given.
     *
     * @param input          the batch the forward pass convolved
     * @param outputGradient the loss gradient with respect to the convolution's output (before the activation)
     * @param into           optionally arrays of the input's, kernel's and bias's shapes to write into
     * @return {@code {inputGradient, kernelGradient}}, then {@code biasGradient} when the layer has a bias
     */
    protected abstract INDArray[] convolveBackward(INDArray input, INDArray outputGradient, INDArray... into);

    /**
     * The kernel and bias gradients without the input gradient, for a first layer, when the subclass has a cheaper
     * way to them than {@link #convolveBackward}; null (the default) when it has none.
     *
     * @param input          the batch the forward pass convolved
     * @param outputGradient the loss gradient with respect to the convolution's output (before the activation)
     * @param buffers        the layer's reused arrays, to write the gradients into
     * @return {@code {kernelGradient}}, then {@code biasGradient} when the layer has a bias; or null
     */
    protected INDArray[] kernelGradientsAlone(INDArray input, INDArray outputGradient, Scratch buffers) {
        return null;
    }

    /**
     * Convolves a batch {@code (batch, height, width, channels)} and applies the activation; the result lives in a
     * buffer this layer reuses for the next batch.
     *
     * @param input    the batch, e.g. {@code (32, 28, 28, 1)}
     * @param training true during {@code fit}: keep the input (and the activated output) for {@link #backward}
     * @return the output, e.g. {@code (32, 26, 26, 32)} for {@code Conv2D(32, 3)}
     */
    @Override
    protected INDArray call(INDArray input, boolean training) {
        long[] outShape = computeOutputShape(Shape.of(input.shape())).toArray();
        INDArray out = activation.forward(convolve(input, scratch.get("output", input.dataType(), outShape)), training);
        if (training) {
            lastInput = input;
        }
        return out;
    }

    /**
     * Through the activation, then the convolution: stores the gradients of {@code kernel} and {@code bias}.
     *
     * @param outputGradient    the loss gradient with respect to the last training output; may be overwritten
     * @param needInputGradient false when nothing before this layer learns
     * @return the loss gradient with respect to the input, of its shape, or null
     */
    @Override
    protected INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        return backwardFromLogits(activation.backward(outputGradient), needInputGradient);
    }

    /**
     * Through the convolution only, from the gradient with respect to its output before the activation; stores the
     * gradients of {@code kernel} and {@code bias}.
     *
     * @param beforeActivation  the loss gradient with respect to the logits of the last training call
     * @param needInputGradient false when nothing before this layer learns
     * @return the loss gradient with respect to the input, of its shape, or null
     */
    @Override
    protected INDArray backwardFromLogits(INDArray beforeActivation, boolean needInputGradient) {
        DataType type = lastInput.dataType();
        INDArray[] alone = needInputGradient ? null : kernelGradientsAlone(lastInput, beforeActivation, scratch);
        if (alone != null) {
            setGradient("kernel", alone[0]);
            if (bias != null) {
                setGradient("bias", alone[1]);
            }
            return null;
        }
        INDArray inputGradient = scratch.get("inputGradient", type, lastInput.shape());
        INDArray kernelGradient = scratch.get("kernelGradient", type, kernel.shape());
        INDArray[] into = bias == null
                ? new INDArray[] {inputGradient, kernelGradient}
                : new INDArray[] {inputGradient, kernelGradient, scratch.get("biasGradient", type, bias.shape())};
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
