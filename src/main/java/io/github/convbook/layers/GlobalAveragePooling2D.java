package io.github.convbook.layers;

import io.github.convbook.backend.Values;
import io.github.convbook.tensor.Shape;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code layers.GlobalAveragePooling2D(data_format=None, keepdims=False)} (TF 2.6 and later): the mean of
 * each channel over the whole image, {@code (None, h, w, c) -> (None, c)}, or {@code (None, 1, 1, c)} with
 * {@code keepdims(true)}. Often used instead of Flatten before the last Dense layer: it has no weights and does not
 * depend on the image size. Channels last only.
 *
 * <p>Its definition as plain loops: {@link io.github.convbook.layers.loops.GlobalPoolingLoops#globalAverage}.
 */
public class GlobalAveragePooling2D extends GlobalPooling2D<GlobalAveragePooling2D> {
    private long[] lastInputShape;       // kept by call(..., training = true) for backward

    /** Keras's {@code GlobalAveragePooling2D()}: channels last, keepdims false. */
    public GlobalAveragePooling2D() {
    }

    /**
     * The mean of each channel of each sample; the result lives in a buffer this layer reuses for the next batch.
     *
     * @param input    the batch {@code (batch, height, width, channels)}, e.g. {@code (32, 7, 7, 64)}
     * @param training true during {@code fit}: keep the input's shape for {@link #backward}
     * @return {@code (batch, channels)}, or {@code (batch, 1, 1, channels)} with keepdims
     */
    @Override
    protected INDArray call(INDArray input, boolean training) {
        INDArray in = Values.contiguous(input);
        long[] shape = in.shape();
        int batch = (int) shape[0], pixels = (int) (shape[1] * shape[2]), channels = (int) shape[3];
        INDArray out = scratch.get("output", in.dataType(), computeOutputShape(Shape.of(shape)).toArray());
        Values x = Values.of(in);
        Values y = Values.of(out);
        double[] sums = new double[channels];
        for (int n = 0; n < batch; n++) {
            Arrays.fill(sums, 0);
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

    /**
     * Every pixel contributed {@code 1 / (h * w)} of the mean: it gets that share of the channel's gradient.
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
        INDArray grad = Values.contiguous(outputGradient);
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
