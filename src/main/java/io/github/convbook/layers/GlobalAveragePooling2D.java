package io.github.convbook.layers;

import io.github.convbook.ops.Values;
import io.github.convbook.tensor.Shape;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code layers.GlobalAveragePooling2D(data_format=None, keepdims=False)} (TF 2.6 and later): the mean of
 * each channel over the whole image, {@code (None, h, w, c) -> (None, c)}, or {@code (None, 1, 1, c)} with
 * {@code keepdims(true)}. Often used instead of Flatten before the last Dense layer: it has no weights and does not
 * depend on the image size. Channels last only.
 */
public class GlobalAveragePooling2D extends Layer {
    private boolean keepdims = false;
    private long[] lastInputShape;       // kept by call(..., training = true) for backward
    private final Scratch scratch = new Scratch();

    /** Keras's {@code GlobalAveragePooling2D()}: channels last, keepdims false. */
    public GlobalAveragePooling2D() {
    }

    /**
     * Keras's {@code keepdims} (default false): true keeps the pooled axes with size 1, {@code (None, 1, 1, c)}.
     */
    public GlobalAveragePooling2D keepdims(boolean keepdims) {
        this.keepdims = keepdims;
        return this;
    }

    /** Keras's {@code keepdims} (default false). */
    public boolean keepdims() {
        return keepdims;
    }

    /**
     * Keras's {@code data_format}: only "channels_last" (the default, {@code (batch, height, width, channels)}) is
     * available; null means the default, as Keras's None.
     *
     * @throws IllegalArgumentException for "channels_first" (not implemented) or any other string
     */
    public GlobalAveragePooling2D dataFormat(String dataFormat) {
        checkDataFormat(describe(), dataFormat);
        return this;
    }

    /** Accepts "channels_last" (or null), refuses the rest with Keras's message or ConvBook's limit. */
    static void checkDataFormat(String who, String dataFormat) {
        if (dataFormat == null) {
            return;
        }
        String value = dataFormat.toLowerCase(Locale.ROOT);
        if (value.equals("channels_first")) {
            throw new IllegalArgumentException(who + ": data_format \"channels_first\" is not available; ConvBook"
                    + " implements \"channels_last\" (batch, height, width, channels), Keras's default");
        }
        if (!value.equals("channels_last")) {
            throw new IllegalArgumentException(who + ": The `data_format` argument must be one of \"channels_first\","
                    + " \"channels_last\". Received: " + dataFormat);
        }
    }

    /** Keras's {@code name=...}. */
    @Override
    public GlobalAveragePooling2D name(String name) {
        super.name(name);
        return this;
    }

    /** Keras's {@code input_shape=(...)} (without the batch axis), for the first layer of a Sequential. */
    @Override
    public GlobalAveragePooling2D inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    /**
     * Input {@code (None, h, w, c)}.
     *
     * @throws IllegalArgumentException for any other rank
     */
    @Override
    protected void validateInput(Shape inputShape) {
        requireRank(inputShape, 4, "(batch, height, width, channels)");
    }

    /** {@code (None, h, w, c) -> (None, c)}, or {@code (None, 1, 1, c)} with keepdims. */
    @Override
    public Shape computeOutputShape(Shape s) {
        return keepdims ? Shape.of(s.get(0), 1, 1, s.get(3)) : Shape.of(s.get(0), s.get(3));
    }

    /** The forward pass on a batch; the result lives in a buffer this layer reuses for the next batch. */
    @Override
    public INDArray call(INDArray input, boolean training) {
        INDArray in = Values.isContiguous(input) ? input : input.dup('c');
        long[] shape = in.shape();
        int batch = (int) shape[0], pixels = (int) (shape[1] * shape[2]), channels = (int) shape[3];
        INDArray out = scratch.get("output", in.dataType(), computeOutputShape(Shape.of(shape)).toArray());
        Values x = Values.of(in);
        Values y = Values.of(out);
        double[] sums = new double[channels];
        for (int n = 0; n < batch; n++) {
            java.util.Arrays.fill(sums, 0);
            // NHWC: one sample's pixels follow each other, each holding its channels
            for (int p = 0; p < pixels; p++) {
                int at = (n * pixels + p) * channels;
                for (int c = 0; c < channels; c++) {
                    sums[c] += x.get(at + c);
                }
            }
            for (int c = 0; c < channels; c++) {
                y.set(n * channels + c, sums[c] / pixels);
            }
        }
        if (training) {
            lastInputShape = shape;
        }
        return out;
    }

    /** Every pixel contributed {@code 1 / (h * w)} of the mean: it gets that share of the channel's gradient. */
    @Override
    public INDArray backward(INDArray outputGradient, boolean needInputGradient) {
        if (!needInputGradient) {
            return null;
        }
        INDArray grad = Values.isContiguous(outputGradient) ? outputGradient : outputGradient.dup('c');
        int batch = (int) lastInputShape[0], pixels = (int) (lastInputShape[1] * lastInputShape[2]);
        int channels = (int) lastInputShape[3];
        INDArray result = scratch.get("inputGradient", grad.dataType(), lastInputShape);
        Values g = Values.of(grad);
        Values r = Values.of(result);
        for (int n = 0; n < batch; n++) {
            for (int p = 0; p < pixels; p++) {
                int at = (n * pixels + p) * channels;
                for (int c = 0; c < channels; c++) {
                    r.set(at + c, g.get(n * channels + c) / pixels);
                }
            }
        }
        return result;
    }
}
