package io.github.convbook.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.layers.Conv2D;
import io.github.convbook.layers.Dense;
import io.github.convbook.layers.Flatten;
import io.github.convbook.layers.Input;
import io.github.convbook.layers.Layer;
import io.github.convbook.layers.MaxPooling2D;
import io.github.convbook.losses.Loss;
import io.github.convbook.losses.Losses;
import io.github.convbook.tensor.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The whole chain as fit runs it (forward with reused buffers, loss gradient, backward layer by layer) against
 * finite differences of the loss, in double precision: a wrong link anywhere in the chain shows here.
 */
class ModelGradientTest {

    @Test
    void convnetGradientsMatchFiniteDifferences() {
        Tensor in = Input.shape(8, 8, 1);
        Tensor x = ((Conv2D) new Conv2D(3, 3).activation("relu").dtype("float64")).apply(in);
        x = ((MaxPooling2D) new MaxPooling2D(2).dtype("float64")).apply(x);
        x = new Flatten().dtype("float64").apply(x);
        x = ((Dense) new Dense(4).activation("relu").dtype("float64")).apply(x);
        Model model = new Model(in, ((Dense) new Dense(3).activation("softmax").dtype("float64")).apply(x));
        Random random = new Random(7);
        double[] values = new double[5 * 64];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble();
        }
        INDArray images = Nd4j.create(values, new long[] {5, 8, 8, 1}, DataType.DOUBLE);
        INDArray labels = Nd4j.create(new double[] {0, 1, 2, 1, 0});
        Loss loss = Losses.get("sparse_categorical_crossentropy");

        INDArray gradient = loss.gradient(labels, model.forward(images, true));
        List<Layer> layers = model.layers;
        for (int i = layers.size() - 1; i >= 0; i--) {
            gradient = layers.get(i).engine().backward(gradient, i > 0);
        }
        double h = 1e-6;
        double worst = 0;
        for (Layer layer : layers) {
            for (var entry : layer.engine().weights().entrySet()) {
                INDArray w = entry.getValue().reshape(entry.getValue().length());
                INDArray analytic = layer.engine().gradients().get(entry.getKey()).dup().reshape(w.length());
                for (long i = 0; i < w.length(); i++) {
                    double original = w.getDouble(i);
                    w.putScalar(i, original + h);
                    double plus = loss.value(labels, model.forward(images, false));
                    w.putScalar(i, original - h);
                    double minus = loss.value(labels, model.forward(images, false));
                    w.putScalar(i, original);
                    double numeric = (plus - minus) / (2 * h);
                    double a = analytic.getDouble(i);
                    if (Math.abs(a - numeric) > 1e-9) {
                        worst = Math.max(worst, Math.abs(a - numeric) / (Math.abs(a) + Math.abs(numeric)));
                    }
                }
            }
        }
        assertTrue(worst < 1e-5, "worst relative error " + worst);
    }
}
