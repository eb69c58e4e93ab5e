package io.github.convbook.layers;

import io.github.convbook.backend.Values;
import io.github.convbook.tensor.Shape;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code layers.GlobalMaxPooling2D(data_format=None, keepdims=False)} (TF 2.6 and later): the largest value
 * of each channel over the whole image, {@code (None, h, w, c) -> (None, c)}, or {@code (None, 1, 1, c)} with
 * {@code keepdims(true)}: "is this feature anywhere in the image?". No weights. Channels last only.
 *
 * <p>Its definition as plain loops: {@link io.github.convbook.layers.loops.GlobalPoolingLoops#globalMax}.
 */
public class GlobalMaxPooling2D extends GlobalPooling2D<GlobalMaxPooling2D> {
    private INDArray lastInput;          // kept by call(..., training = true) for backward

    /** Keras's {@code GlobalMaxPooling2D()}: channels last, keepdims false. */
    public GlobalMaxPooling2D() {
    }

    /**
     * The largest value of each channel of each sample; the result lives in a buffer this layer reuses for the next
     * batch.
     *
     * @param input    the batch {@code (batch, height, width, channels)}, e.g. {@code (32, 7, 7, 64)}
     * @param training true during {@code fit}: keep the input for {@link #backward}
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
        double[] max = new double[channels];
        for (int n = 0; n < batch; n++) {
            channelMax(x, n, pixels, max);
            for (int c = 0; c < channels; c++) {
                y.set(n * channels + c, max[c]);
            }
        }
        if (training) {
            lastInput = in;
        }
        return out;
    }

    /** The largest value of each channel of sample {@code n} (NHWC: its pixels follow each other). */
    private static void channelMax(Values x, int n, int pixels, double[] max) {
        int channels = max.length;
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int p = 0; p < pixels; p++) {
            int at = (n * pixels + p) * channels;
            for (int c = 0; c < channels; c++) {
                max[c] = Math.max(max[c], x.get(at + c));
            }
        }
    }

    /**
     * The gradient of a channel goes to the pixel that held its maximum. When several pixels tie for the maximum,
     * it is split equally among them, as TensorFlow's gradient of {@code reduce_max} does ({@code _MinOrMaxGrad}:
     * {@code grad * (x == max) / count(x == max)}), which Keras's GlobalMaxPooling2D uses.
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
        long[] shape = lastInput.shape();
        int batch = (int) shape[0], pixels = (int) (shape[1] * shape[2]), channels = (int) shape[3];
        INDArray result = scratch.get("inputGradient", lastInput.dataType(), shape);
        Values x = Values.of(lastInput);
        Values g = Values.of(grad);
        Values r = Values.of(result);
        double[] max = new double[channels];
        int[] ties = new int[channels];
        for (int n = 0; n < batch; n++) {
            channelMax(x, n, pixels, max);
            Arrays.fill(ties, 0);
            for (int p = 0; p < pixels; p++) {
                int at = (n * pixels + p) * channels;
                for (int c = 0; c < channels; c++) {
                    if (x.get(at + c) == max[c]) {
                        ties[c]++;
                    }
                }
            }
            for (int p = 0; p < pixels; p++) {
                int at = (n * pixels + p) * channels;
                for (int c = 0; c < channels; c++) {
                    r.set(at + c, x.get(at + c) == max[c] ? g.get(n * channels + c) / ties[c] : 0);
                }
            }
        }
        return result;
    }
}
