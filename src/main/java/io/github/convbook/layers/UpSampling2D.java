package io.github.convbook.layers;

import io.github.convbook.backend.Checks;
import io.github.convbook.backend.NativeOps;
import io.github.convbook.backend.Scratch;
import io.github.convbook.backend.UpSampling;
import io.github.convbook.backend.Values;
import io.github.convbook.tensor.Shape;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code UpSampling2D(size=(2, 2), interpolation="nearest")}: input {@code (None, h, w, c)}, output
 * {@code (None, h * size[0], w * size[1], c)}. With "nearest" (the default) every pixel is repeated {@code size}
 * times along height and width: (7, 7, 8) becomes (14, 14, 8) with the default size 2. With "bilinear" each new
 * pixel blends its four nearest input pixels, as TensorFlow's {@code tf.image.resize(method="bilinear")}. It has no
 * weights; the convolution after it learns how to fill in detail.
 *
 * <p>Its definition as plain loops: {@link io.github.convbook.layers.loops.UpSamplingLoops#nearest} and
 * {@link io.github.convbook.layers.loops.UpSamplingLoops#bilinear}.
 */
public class UpSampling2D extends Layer {
    private int[] size;
    private boolean bilinear;      // false: "nearest"
    private INDArray lastInput;
    private final Scratch scratch = new Scratch();

    /** Keras's default {@code size=(2, 2)}. */
    public UpSampling2D() {
        this(2);
    }

    /**
     * The same factor for height and width.
     *
     * @param size the factor, positive: 2 doubles height and width
     * @throws IllegalArgumentException if {@code size} is not positive
     */
    public UpSampling2D(int size) {
        this.size = Checks.pair("UpSampling2D", "size", size);
    }

    /**
     * Keras's {@code size}: one factor for both axes, or {@code size(height, width)}.
     *
     * @param size one or two positive factors
     * @return this layer, for chaining
     * @throws IllegalArgumentException unless one or two positive factors are given
     */
    public UpSampling2D size(int... size) {
        this.size = Checks.pair(describe(), "size", size);
        return this;
    }

    /**
     * Keras's {@code interpolation}: "nearest" (default) repeats pixels; "bilinear" interpolates between them with
     * half-pixel centres, as {@code tf.image.resize(method="bilinear")}, which Keras 2.x's
     * {@code backend.resize_images} calls.
     *
     * @param interpolation "nearest" or "bilinear", in any case
     * @return this layer, for chaining
     * @throws IllegalArgumentException for any other name, or null
     */
    public UpSampling2D interpolation(String interpolation) {
        String name = interpolation == null ? "" : interpolation.toLowerCase(Locale.ROOT);
        if (!name.equals("nearest") && !name.equals("bilinear")) {
            throw new IllegalArgumentException(describe() + ": interpolation should be one of \"nearest\" or"
                    + " \"bilinear\", got '" + interpolation + "'");
        }
        this.bilinear = name.equals("bilinear");
        return this;
    }

    /**
     * Keras's {@code layer.size}.
     *
     * @return the {@code {height, width}} factors (a copy)
     */
    public int[] size() {
        return size.clone();
    }

    /**
     * Keras's {@code layer.interpolation}.
     *
     * @return "nearest" (the default) or "bilinear"
     */
    public String interpolation() {
        return bilinear ? "bilinear" : "nearest";
    }

    /**
     * Keras's {@code name=...}.
     *
     * @param name the new name, not blank
     * @return this layer, for chaining
     * @throws IllegalArgumentException for a null or blank name
     */
    @Override
    public UpSampling2D name(String name) {
        super.name(name);
        return this;
    }

    /**
     * Input {@code (None, height, width, channels)}.
     *
     * @param inputShape the input's shape, e.g. {@code (None, 7, 7, 8)}
     * @throws IllegalArgumentException for any other rank
     */
    @Override
    protected void validateInput(Shape inputShape) {
        requireRank(inputShape, 4, "(batch, height, width, channels)");
    }

    /**
     * Keras's {@code compute_output_shape}: {@code (None, h, w, c) -> (None, h * size[0], w * size[1], c)}, e.g.
     * {@code (None, 7, 7, 8) -> (None, 14, 14, 8)}; unknown sizes stay unknown.
     *
     * @param s the input's shape {@code (batch, height, width, channels)}
     * @return the upsampled shape
     */
    @Override
    public Shape computeOutputShape(Shape s) {
        return Shape.of(s.get(0), s.get(1) < 0 ? -1 : s.get(1) * size[0], s.get(2) < 0 ? -1 : s.get(2) * size[1],
                s.get(3));
    }

    /**
     * Upsamples a batch; the result lives in a buffer this layer reuses for the next batch.
     *
     * @param input    the batch {@code (batch, height, width, channels)}, e.g. {@code (32, 7, 7, 8)}
     * @param training true during {@code fit}: keep the input for {@link #backward}
     * @return the upsampled batch, e.g. {@code (32, 14, 14, 8)}
     */
    @Override
    protected INDArray call(INDArray input, boolean training) {
        if (training) {
            lastInput = input;
        }
        long[] outShape = computeOutputShape(Shape.of(input.shape())).toArray();
        if (bilinear) {
            INDArray out = scratch.get("output", input.dataType(), outShape);
            Bilinear.forward(Values.contiguous(input), out);
            return out;
        }
        INDArray out = scratch.get("output", input.dataType(), outShape);
        if (UpSampling.applies(input, out)) {   // plain copies: the same values, faster than upsampling2d
            UpSampling.forward(input, size, out);
            return out;
        }
        return NativeOps.upSample(input, size, out);
    }

    /**
     * Each input pixel collects the gradients of the output pixels it made: the sum over its {@code size} block with
     * "nearest", its interpolation weights' share with "bilinear". No weights.
     *
     * @param outputGradient    the loss gradient with respect to the last training output
     * @param needInputGradient false when nothing before this layer learns
     * @return the loss gradient with respect to the input, of its shape, or null
     */
    @Override
    protected INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        if (!needInputGradient) {
            return null;
        }
        INDArray inputGradient = scratch.get("inputGradient", lastInput.dataType(), lastInput.shape());
        if (bilinear) {
            Bilinear.backward(Values.contiguous(outputGradient), inputGradient);
            return inputGradient;
        }
        return NativeOps.upSampleBackward(lastInput, outputGradient, inputGradient);
    }

    /**
     * TensorFlow's bilinear resize with half-pixel centres ({@code ResizeBilinear}, {@code half_pixel_centers=True},
     * which {@code tf.image.resize} uses in TF 2) and its gradient ({@code ResizeBilinearGrad}), as plain loops over
     * NHWC buffers. Per axis, from {@code compute_interpolation_weights} in
     * {@code tensorflow/core/kernels/image/resize_bilinear_op.cc} with {@code HalfPixelScaler}
     * ({@code tensorflow/core/util/image_resizer_state.h}):
     * <pre>
     *   scale = (float) in_size / out_size
     *   in    = (dst + 0.5f) * scale - 0.5f          (float arithmetic)
     *   lower = max(floor(in), 0)
     *   upper = min(ceil(in), in_size - 1)
     *   lerp  = in - floor(in)                       (from the unclamped floor)
     * </pre>
     * At the borders lower and upper coincide, so the pixel is copied whatever lerp is: the image is clamped, not
     * padded with zeros. The value is {@code top + (bottom - top) * yLerp} with {@code top = tl + (tr - tl) * xLerp},
     * {@code bottom = bl + (br - bl) * xLerp}. The weights are computed in float as TensorFlow computes them, so they
     * are TensorFlow's exactly; the blend runs in double and is stored in the layer's dtype (TensorFlow blends in
     * float).
     */
    static final class Bilinear {
        private Bilinear() {
        }

        /** One axis's lower and upper source index and the weight of the upper one, for each output position. */
        record Axis(int[] lower, int[] upper, double[] lerp) {
            static Axis of(int inSize, int outSize) {
                int[] lower = new int[outSize];
                int[] upper = new int[outSize];
                double[] lerp = new double[outSize];
                float scale = inSize / (float) outSize;           // CalculateResizeScale, align_corners=False
                for (int i = 0; i < outSize; i++) {
                    float in = ((float) i + 0.5f) * scale - 0.5f;   // HalfPixelScaler
                    float floor = (float) Math.floor(in);
                    lower[i] = Math.max((int) floor, 0);
                    upper[i] = Math.min((int) Math.ceil(in), inSize - 1);
                    lerp[i] = in - floor;                           // a float difference, exact as in TensorFlow
                }
                return new Axis(lower, upper, lerp);
            }
        }

        /** Resizes {@code input} (n, h, w, c), contiguous, into {@code output} (n, H, W, c), contiguous. */
        static void forward(INDArray input, INDArray output) {
            int n = (int) input.size(0);
            int h = (int) input.size(1);
            int w = (int) input.size(2);
            int c = (int) input.size(3);
            int outH = (int) output.size(1);
            int outW = (int) output.size(2);
            Axis ys = Axis.of(h, outH);
            Axis xs = Axis.of(w, outW);
            Values in = Values.of(input);
            Values out = Values.of(output);
            int o = 0;
            for (int b = 0; b < n; b++) {
                int image = b * h * w * c;
                for (int y = 0; y < outH; y++) {
                    int top = image + ys.lower()[y] * w * c;
                    int bottom = image + ys.upper()[y] * w * c;
                    double yLerp = ys.lerp()[y];
                    for (int x = 0; x < outW; x++) {
                        int left = xs.lower()[x] * c;
                        int right = xs.upper()[x] * c;
                        double xLerp = xs.lerp()[x];
                        for (int k = 0; k < c; k++) {
                            double topLeft = in.get(top + left + k);
                            double topRight = in.get(top + right + k);
                            double bottomLeft = in.get(bottom + left + k);
                            double bottomRight = in.get(bottom + right + k);
                            double upperRow = topLeft + (topRight - topLeft) * xLerp;
                            double lowerRow = bottomLeft + (bottomRight - bottomLeft) * xLerp;
                            out.set(o++, upperRow + (lowerRow - upperRow) * yLerp);
                        }
                    }
                }
            }
        }

        /**
         * The transpose of {@link #forward}: each output pixel's gradient goes back to its four source pixels in the
         * proportions they contributed, as {@code ResizeBilinearGrad}. {@code inputGradient} is overwritten.
         */
        static void backward(INDArray outputGradient, INDArray inputGradient) {
            int n = (int) inputGradient.size(0);
            int h = (int) inputGradient.size(1);
            int w = (int) inputGradient.size(2);
            int c = (int) inputGradient.size(3);
            int outH = (int) outputGradient.size(1);
            int outW = (int) outputGradient.size(2);
            Axis ys = Axis.of(h, outH);
            Axis xs = Axis.of(w, outW);
            Values g = Values.of(outputGradient);
            Values grad = Values.of(inputGradient);
            for (int i = 0; i < grad.length(); i++) {
                grad.set(i, 0);
            }
            int o = 0;
            for (int b = 0; b < n; b++) {
                int image = b * h * w * c;
                for (int y = 0; y < outH; y++) {
                    int top = image + ys.lower()[y] * w * c;
                    int bottom = image + ys.upper()[y] * w * c;
                    double yLerp = ys.lerp()[y];
                    for (int x = 0; x < outW; x++) {
                        int left = xs.lower()[x] * c;
                        int right = xs.upper()[x] * c;
                        double xLerp = xs.lerp()[x];
                        for (int k = 0; k < c; k++) {
                            double v = g.get(o++);
                            add(grad, top + left + k, v * (1 - yLerp) * (1 - xLerp));
                            add(grad, top + right + k, v * (1 - yLerp) * xLerp);
                            add(grad, bottom + left + k, v * yLerp * (1 - xLerp));
                            add(grad, bottom + right + k, v * yLerp * xLerp);
                        }
                    }
                }
            }
        }

        private static void add(Values values, int i, double value) {
            values.set(i, values.get(i) + value);
        }
    }
}
