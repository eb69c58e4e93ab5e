package io.github.convbook.layers;

import io.github.convbook.backend.Scratch;
import io.github.convbook.backend.Values;
import io.github.convbook.tensor.DType;
import io.github.convbook.tensor.Shape;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code layers.BatchNormalization(axis=-1, momentum=0.99, epsilon=0.001, center=True, scale=True,
 * beta_initializer="zeros", gamma_initializer="ones", moving_mean_initializer="zeros",
 * moving_variance_initializer="ones")}: normalises each channel (the last axis) to mean 0 and variance 1, then
 * scales it by {@code gamma} and shifts it by {@code beta}.
 *
 * <p>Input of any rank {@code >= 2} with the channels last, e.g. {@code (None, 64)} after a Dense layer or
 * {@code (None, 28, 28, 32)} after a Conv2D; the output has the same shape. Statistics are taken over every axis but
 * the last (the batch and, for images, the rows and columns).
 *
 * <ul>
 *   <li>Training ({@code fit}): {@code gamma * (x - mean) / sqrt(var + epsilon) + beta} with the mean and (biased)
 *       variance of the batch; the moving statistics follow them, {@code moving = moving * momentum + batch * (1 -
 *       momentum)}.</li>
 *   <li>Inference ({@code predict}, {@code evaluate}, {@code layer.apply(x)}): the same formula with
 *       {@code moving_mean} and {@code moving_variance}.</li>
 * </ul>
 *
 * <p>Weights, in Keras's order: {@code gamma} (c,) if scale, {@code beta} (c,) if center (both trainable), then
 * {@code moving_mean} (c,) and {@code moving_variance} (c,), non-trainable: counted in "Non-trainable params" and
 * updated by the layer itself, never by the optimizer.
 *
 * <p>Its definition as plain loops: {@link io.github.convbook.layers.loops.BatchNormalizationLoops#training} and
 * {@link io.github.convbook.layers.loops.BatchNormalizationLoops#inference}.
 */
public class BatchNormalization extends Layer {
    /**
     * TensorFlow's {@code fused_batch_norm} raises smaller epsilons to this (a cuDNN requirement), and Keras uses the
     * fused kernel for 4-D and 5-D float32 inputs: {@code min_epsilon = 1.001e-5} in tensorflow/python/ops/nn_impl.py.
     */
    static final double FUSED_MIN_EPSILON = 1.001e-5;

    private int axis = -1;
    private double momentum = 0.99;
    private double epsilon = 1e-3;
    private boolean center = true;
    private boolean scale = true;
    private Initializers.Initializer betaInitializer = Initializers.of("zeros");
    private Initializers.Initializer gammaInitializer = Initializers.of("ones");
    private Initializers.Initializer movingMeanInitializer = Initializers.of("zeros");
    private Initializers.Initializer movingVarianceInitializer = Initializers.of("ones");

    private INDArray gamma;            // null without scale
    private INDArray beta;             // null without center
    private INDArray movingMean;
    private INDArray movingVariance;
    private int channels;
    private boolean fused;             // whether Keras would take its fused path (see build)

    // kept by call(x, true) for backward
    private INDArray lastNormalized;   // (x - mean) / sqrt(var + epsilon), shaped like the input
    private double[] lastInvStd;       // 1 / sqrt(var + epsilon) per channel
    private final Scratch scratch = new Scratch();

    /**
     * Keras's {@code BatchNormalization()} with its defaults: {@code axis=-1, momentum=0.99, epsilon=0.001,
     * center=True, scale=True}, beta and moving mean starting at 0, gamma and moving variance at 1.
     */
    public BatchNormalization() {
    }

    // ---------------------------------------------------------------- configuration

    /**
     * Keras's {@code axis=}: the channel axis. Only the last axis is supported: -1, or rank - 1 (3 for images).
     *
     * @param axis -1 (the default) or the last axis's index, e.g. 3 for {@code (None, 28, 28, 32)}
     * @return this layer, for chaining
     * @throws IllegalArgumentException for 0 or an axis below -1; any other axis than the last is refused when the
     *                                  input arrives
     * @throws IllegalStateException once the layer is built
     */
    public BatchNormalization axis(int axis) {
        requireNotBuilt("axis");
        if (axis == 0 || axis < -1) {
            throw new IllegalArgumentException(describe() + ": axis=" + axis + " is not supported; only the last axis "
                    + "(axis=-1, the channels-last layout of Dense and Conv2D outputs) can be normalised");
        }
        this.axis = axis;
        return this;
    }

    /**
     * Keras's {@code layer.axis}.
     *
     * @return the axis as given, -1 (the last) by default
     */
    public int axis() {
        return axis;
    }

    /**
     * Keras's {@code momentum=0.99}: how much of the moving statistics each training batch keeps.
     *
     * @param momentum between 0 and 1; close to 1 for slowly moving statistics
     * @return this layer, for chaining
     * @throws IllegalArgumentException unless {@code 0 <= momentum <= 1}
     */
    public BatchNormalization momentum(double momentum) {
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException(describe() + ": momentum must be between 0 and 1, got " + momentum);
        }
        this.momentum = momentum;
        return this;
    }

    /**
     * Keras's {@code layer.momentum}.
     *
     * @return the momentum, 0.99 by default
     */
    public double momentum() {
        return momentum;
    }

    /**
     * Keras's {@code epsilon=0.001}, added to the variance so that a constant channel does not divide by zero.
     *
     * For float32 images (rank 4 or 5) TensorFlow's fused kernel computes with at least 1.001e-5, and so does this
     * layer.
     *
     * @param epsilon a small number {@code >= 0}
     * @return this layer, for chaining
     * @throws IllegalArgumentException if epsilon is negative or not finite
     */
    public BatchNormalization epsilon(double epsilon) {
        if (!(epsilon >= 0 && Double.isFinite(epsilon))) {
            throw new IllegalArgumentException(describe() + ": epsilon must be a small non-negative number, got "
                    + epsilon);
        }
        this.epsilon = epsilon;
        return this;
    }

    /**
     * Keras's {@code layer.epsilon}.
     *
     * @return epsilon as given, 0.001 by default
     */
    public double epsilon() {
        return epsilon;
    }

    /**
     * Keras's {@code center=True}: whether to add {@code beta}.
     *
     * @param center false for a layer without {@code beta}
     * @return this layer, for chaining
     * @throws IllegalStateException once the layer is built
     */
    public BatchNormalization center(boolean center) {
        requireNotBuilt("center");
        this.center = center;
        return this;
    }

    /**
     * Keras's {@code scale=True}: whether to multiply by {@code gamma}.
     *
     * @param scale false for a layer without {@code gamma}
     * @return this layer, for chaining
     * @throws IllegalStateException once the layer is built
     */
    public BatchNormalization scale(boolean scale) {
        requireNotBuilt("scale");
        this.scale = scale;
        return this;
    }

    /**
     * Keras's {@code beta_initializer} (default "zeros"): the starting values of
     * {@code beta}, used when the layer is built.
     *
     * @param name an initializer name, see {@link Initializers#of}
     * @return this layer, for chaining
     * @throws IllegalArgumentException for an unknown initializer name
     */
    public BatchNormalization betaInitializer(String name) {
        this.betaInitializer = Initializers.of(name);
        return this;
    }

    /**
     * Keras's {@code gamma_initializer} (default "ones"): the starting values of
     * {@code gamma}, used when the layer is built.
     *
     * @param name an initializer name, see {@link Initializers#of}
     * @return this layer, for chaining
     * @throws IllegalArgumentException for an unknown initializer name
     */
    public BatchNormalization gammaInitializer(String name) {
        this.gammaInitializer = Initializers.of(name);
        return this;
    }

    /**
     * Keras's {@code moving_mean_initializer} (default "zeros"): the starting values of
     * {@code moving_mean}, used when the layer is built.
     *
     * @param name an initializer name, see {@link Initializers#of}
     * @return this layer, for chaining
     * @throws IllegalArgumentException for an unknown initializer name
     */
    public BatchNormalization movingMeanInitializer(String name) {
        this.movingMeanInitializer = Initializers.of(name);
        return this;
    }

    /**
     * Keras's {@code moving_variance_initializer} (default "ones"): the starting values of
     * {@code moving_variance}, used when the layer is built.
     *
     * @param name an initializer name, see {@link Initializers#of}
     * @return this layer, for chaining
     * @throws IllegalArgumentException for an unknown initializer name
     */
    public BatchNormalization movingVarianceInitializer(String name) {
        this.movingVarianceInitializer = Initializers.of(name);
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
    public BatchNormalization name(String name) {
        super.name(name);
        return this;
    }

    /**
     * Keras's {@code dtype=...} (default "float32"). With "float64" TensorFlow takes its non-fused path: epsilon is
     * used as given, and the moving variance follows the biased batch variance.
     *
     * @param type "float32" or "float64"
     * @return this layer, for chaining
     * @throws IllegalArgumentException for an unknown name or a type that is not floating point
     * @throws IllegalStateException once the layer is built
     */
    @Override
    public BatchNormalization dtype(String type) {
        super.dtype(type);
        return this;
    }

    /**
     * Keras's {@code input_shape=(...)} (without the batch axis), for the first layer of a Sequential.
     *
     * @param shape the sizes of one sample, e.g. {@code 28, 28, 1} for inputs {@code (None, 28, 28, 1)}
     * @return this layer, for chaining
     */
    @Override
    public BatchNormalization inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    // ---------------------------------------------------------------- shapes and weights

    /**
     * Input {@code (None, ..., channels)} of rank 2 or more with a known channel count, normalised along its last
     * axis.
     *
     * @param inputShape the input's shape, e.g. {@code (None, 64)} or {@code (None, 28, 28, 32)}
     * @throws IllegalArgumentException for a rank below 2, an axis that is not the last, or an unknown channel count
     */
    @Override
    protected void validateInput(Shape inputShape) {
        int rank = inputShape.rank();
        if (rank < 2) {
            throw new IllegalArgumentException(describe() + " expects input of rank >= 2 (batch, ..., channels), got"
                    + " shape " + inputShape + ". For a single sample add a batch axis: x.expandDims(0)");
        }
        if (axis != -1 && axis != rank - 1) {
            throw new IllegalArgumentException(describe() + ": axis=" + axis + " is not supported for input "
                    + inputShape + "; only the last axis can be normalised (axis=-1 or axis=" + (rank - 1) + ")");
        }
        if (inputShape.get(-1) < 0) {
            throw new IllegalArgumentException(describe() + ": the channel axis (last) of the input must be known, got "
                    + inputShape);
        }
    }

    /**
     * Keras's input spec fixes the rank and the channel count.
     *
     * @param inputShape the new input's shape
     * @throws IllegalArgumentException for another rank or channel count than the layer was built for
     */
    @Override
    protected void validateAgainstBuild(Shape inputShape) {
        Shape built = builtInputShape();
        if (inputShape.rank() != built.rank() || inputShape.get(-1) != channels) {
            throw new IllegalArgumentException(describe() + " was built for inputs of shape " + built.withBatch(-1)
                    + " (" + channels + " channels on the last axis), got shape " + inputShape
                    + ". Create a new layer for inputs of another shape.");
        }
    }

    /**
     * Creates {@code gamma} (with scale), {@code beta} (with center), {@code moving_mean} and
     * {@code moving_variance}, each {@code (channels,)}.
     *
     * @param inputShape the first input's shape, channels last
     */
    @Override
    protected void build(Shape inputShape) {
        channels = Math.toIntExact(inputShape.get(-1));
        long[] shape = {channels};
        if (scale) {
            gamma = addWeight("gamma", shape, gammaInitializer);
        }
        if (center) {
            beta = addWeight("beta", shape, betaInitializer);
        }
        movingMean = addWeight("moving_mean", shape, movingMeanInitializer, false);
        movingVariance = addWeight("moving_variance", shape, movingVarianceInitializer, false);
        // Keras 2.x BatchNormalization.build: fused = rank in (4, 5), and __init__ rules it out unless the compute
        // dtype is float16/bfloat16/float32 (_raise_if_fused_cannot_be_used). Channels last is NHWC / NDHWC.
        int rank = inputShape.rank();
        fused = (rank == 4 || rank == 5) && dtype() == DType.FLOAT32;
    }

    /**
     * Keras's {@code compute_output_shape}: the same shape, {@code (None, 28, 28, 32) -> (None, 28, 28, 32)}.
     *
     * @param inputShape the input's shape
     * @return {@code inputShape}
     */
    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return inputShape;
    }

    /** The epsilon the computation uses: TensorFlow's fused kernel raises it to at least 1.001e-5. */
    private double effectiveEpsilon() {
        return fused ? Math.max(epsilon, FUSED_MIN_EPSILON) : epsilon;
    }

    // ---------------------------------------------------------------- computation

    /**
     * Normalises a batch: with {@code training} by its own statistics, which also move the moving statistics and are
     * kept for {@link #backward}; otherwise by the moving statistics. The result lives in a buffer this layer reuses
     * for the next batch.
     *
     * @param input    the batch, channels last, e.g. {@code (32, 28, 28, 32)}
     * @param training true during {@code fit}
     * @return the normalised, scaled and shifted batch, of the input's shape
     */
    @Override
    protected INDArray call(INDArray input, boolean training) {
        DataType type = dtype().nd4j();
        INDArray x = input.dataType() == type ? input : input.castTo(type);
        x = Values.contiguous(x);
        int c = channels;
        int n = Math.toIntExact(x.length());
        int rows = n / c;
        Values in = Values.of(x);
        INDArray output = scratch.get("output", type, x.shape());
        Values out = Values.of(output);
        double[] g = values(gamma, 1);
        double[] b = values(beta, 0);
        double eps = effectiveEpsilon();

        if (!training) {
            // Keras's tf.nn.batch_normalization: x * inv + (beta - mean * inv), inv = gamma / sqrt(var + epsilon)
            double[] mm = values(movingMean, 0);
            double[] mv = values(movingVariance, 1);
            double[] inv = new double[c];
            double[] shift = new double[c];
            for (int ch = 0; ch < c; ch++) {
                inv[ch] = g[ch] / Math.sqrt(mv[ch] + eps);
                shift[ch] = b[ch] - mm[ch] * inv[ch];
            }
            for (int i = 0, r = 0; r < rows; r++) {
                for (int ch = 0; ch < c; ch++, i++) {
                    out.set(i, in.get(i) * inv[ch] + shift[ch]);
                }
            }
            return output;
        }

        // two passes (mean, then squared deviations), accumulated in double: one pass of sum and sum of squares
        // loses the variance to cancellation when the mean is large
        double[] mean = new double[c];
        for (int i = 0, r = 0; r < rows; r++) {
            for (int ch = 0; ch < c; ch++, i++) {
                mean[ch] += in.get(i);
            }
        }
        for (int ch = 0; ch < c; ch++) {
            mean[ch] /= rows;
        }
        double[] variance = new double[c];
        for (int i = 0, r = 0; r < rows; r++) {
            for (int ch = 0; ch < c; ch++, i++) {
                double d = in.get(i) - mean[ch];
                variance[ch] += d * d;
            }
        }
        double[] invStd = new double[c];
        for (int ch = 0; ch < c; ch++) {
            variance[ch] /= rows;   // biased (divide by n): what normalises the batch, fused or not
            invStd[ch] = 1 / Math.sqrt(variance[ch] + eps);
        }
        INDArray normalized = scratch.get("normalized", type, x.shape());
        Values xhat = Values.of(normalized);
        for (int i = 0, r = 0; r < rows; r++) {
            for (int ch = 0; ch < c; ch++, i++) {
                double h = (in.get(i) - mean[ch]) * invStd[ch];
                xhat.set(i, h);
                out.set(i, g[ch] * h + b[ch]);
            }
        }
        lastNormalized = normalized;
        lastInvStd = invStd;
        updateMovingStatistics(mean, variance, rows);
        return output;
    }

    /**
     * {@code moving = moving * momentum + batch * (1 - momentum)}, Keras's {@code _assign_moving_average}
     * ({@code moving -= (moving - batch) * (1 - momentum)}). The batch variance differs between Keras's two paths
     * (keras/layers/normalization/batch_normalization.py, tf.keras 2.6 to 2.15):
     * <ul>
     *   <li>non-fused (rank 2, 3, or float64): {@code tf.nn.moments}, the biased variance (divide by n);</li>
     *   <li>fused (rank 4 or 5, float32): the {@code batch_variance} of {@code tf.compat.v1.nn.fused_batch_norm},
     *       which TensorFlow's kernel returns with Bessel's correction, {@code variance * n / (n - 1)}
     *       ({@code rest_size_adjust} in tensorflow/core/kernels/fused_batch_norm_op.cc, n = 1 leaves it as is); Keras
     *       keeps it ({@code _bessels_correction_test_only = True}).</li>
     * </ul>
     * n is the number of values per channel: batch * height * width for images.
     */
    private void updateMovingStatistics(double[] mean, double[] variance, int n) {
        double correction = fused && n > 1 ? (double) n / (n - 1) : 1;
        Values mm = Values.of(movingMean);
        Values mv = Values.of(movingVariance);
        for (int ch = 0; ch < channels; ch++) {
            mm.set(ch, mm.get(ch) * momentum + mean[ch] * (1 - momentum));
            mv.set(ch, mv.get(ch) * momentum + variance[ch] * correction * (1 - momentum));
        }
    }

    /**
     * Through the batch statistics of the last {@code call(x, true)}, with g the output gradient, x^ the normalised
     * input and m the values per channel: {@code dgamma = sum(g x^)}, {@code dbeta = sum(g)},
     * {@code dx = gamma / sqrt(var + eps) * (g - mean(g) - x^ * mean(g x^))}.
     *
     * @param outputGradient    the loss gradient with respect to the last training output
     * @param needInputGradient false when nothing before this layer learns
     * @return the loss gradient with respect to the input, of its shape, or null
     * @throws IllegalStateException when no training call came first
     */
    @Override
    protected INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        if (lastNormalized == null) {
            throw new IllegalStateException(describe() + ": backward needs a call(x, true) first");
        }
        DataType type = dtype().nd4j();
        INDArray grad = outputGradient.dataType() == type ? outputGradient : outputGradient.castTo(type);
        grad = Values.contiguous(grad);
        int c = channels;
        int n = Math.toIntExact(grad.length());
        int rows = n / c;
        Values dy = Values.of(grad);
        Values xhat = Values.of(lastNormalized);
        double[] sumDy = new double[c];
        double[] sumDyXhat = new double[c];
        for (int i = 0, r = 0; r < rows; r++) {
            for (int ch = 0; ch < c; ch++, i++) {
                double d = dy.get(i);
                sumDy[ch] += d;
                sumDyXhat[ch] += d * xhat.get(i);
            }
        }
        if (scale) {
            setGradient("gamma", vector("gammaGradient", type, sumDyXhat));
        }
        if (center) {
            setGradient("beta", vector("betaGradient", type, sumDy));
        }
        if (!needInputGradient) {
            return null;
        }
        double[] g = values(gamma, 1);
        double[] k = new double[c];
        double[] meanDy = new double[c];
        double[] meanDyXhat = new double[c];
        for (int ch = 0; ch < c; ch++) {
            k[ch] = g[ch] * lastInvStd[ch];
            meanDy[ch] = sumDy[ch] / rows;
            meanDyXhat[ch] = sumDyXhat[ch] / rows;
        }
        INDArray inputGradient = scratch.get("inputGradient", type, grad.shape());
        Values dx = Values.of(inputGradient);
        for (int i = 0, r = 0; r < rows; r++) {
            for (int ch = 0; ch < c; ch++, i++) {
                dx.set(i, k[ch] * (dy.get(i) - meanDy[ch] - xhat.get(i) * meanDyXhat[ch]));
            }
        }
        return inputGradient;
    }

    /** A weight's values as doubles, or {@code c} copies of {@code absent} when the weight is switched off. */
    private double[] values(INDArray weight, double absent) {
        double[] v = new double[channels];
        if (weight == null) {
            Arrays.fill(v, absent);
            return v;
        }
        Values w = Values.of(weight);
        for (int ch = 0; ch < channels; ch++) {
            v[ch] = w.get(ch);
        }
        return v;
    }

    private INDArray vector(String name, DataType type, double[] values) {
        INDArray a = scratch.get(name, type, values.length);
        Values v = Values.of(a);
        for (int i = 0; i < values.length; i++) {
            v.set(i, values[i]);
        }
        return a;
    }
}
