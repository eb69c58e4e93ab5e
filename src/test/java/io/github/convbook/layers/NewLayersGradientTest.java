package io.github.convbook.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The new layers' backward passes against finite differences ({@link GradientCheck}: float64, inputs uniform in
 * [-1, 1), relative error below 1e-6). The kinks of ReLU (threshold, max value) and LeakyReLU (0) are where a sample
 * would have to fall within 1e-6 for the check to fail; with these seeds none does, and the thresholds and caps are
 * not round numbers the draws could hit.
 */
class NewLayersGradientTest {

    @ParameterizedTest(name = "Activation {0}")
    @ValueSource(strings = {"linear", "relu", "sigmoid", "tanh", "softmax", "leaky_relu"})
    void activation(String name) {
        GradientCheck.check(new Activation(name).dtype("float64"), new long[] {3, 5}, 11);
        GradientCheck.check(new Activation(name).dtype("float64"), new long[] {2, 3, 2, 4}, 12);
    }

    static Stream<Arguments> reluCases() {
        return Stream.of(
                Arguments.of("defaults", new ReLU()),
                Arguments.of("maxValue 0.37", new ReLU().maxValue(0.37)),
                Arguments.of("negativeSlope 0.2", new ReLU().negativeSlope(0.2)),
                Arguments.of("threshold 0.31", new ReLU().threshold(0.31)),
                Arguments.of("maxValue 0.63 negativeSlope 0.15 threshold 0.21",
                        new ReLU().maxValue(0.63).negativeSlope(0.15).threshold(0.21)),
                Arguments.of("maxValue 0.13 below threshold 0.43, slope 0.3",
                        new ReLU().maxValue(0.13).negativeSlope(0.3).threshold(0.43)));
    }

    @ParameterizedTest(name = "ReLU {0}")
    @MethodSource("reluCases")
    void relu(String description, ReLU relu) {
        GradientCheck.check(relu.dtype("float64"), new long[] {4, 3, 3, 2}, 13);
    }

    @Test
    void leakyRelu() {
        GradientCheck.check(new LeakyReLU().dtype("float64"), new long[] {4, 9}, 14);
        GradientCheck.check(new LeakyReLU(0.01).dtype("float64"), new long[] {2, 3, 3, 2}, 15);
    }

    @Test
    void softmax() {
        GradientCheck.check(new Softmax().dtype("float64"), new long[] {3, 5}, 16);
        GradientCheck.check(new Softmax(2).dtype("float64"), new long[] {2, 3, 4}, 17);
    }

    @Test
    void reshape() {
        GradientCheck.check(new Reshape(3, 4).dtype("float64"), new long[] {2, 12}, 18);
        GradientCheck.check(new Reshape(-1, 2).dtype("float64"), new long[] {2, 3, 2, 2}, 19);
    }

    @ParameterizedTest(name = "keepdims {0}")
    @ValueSource(booleans = {false, true})
    void globalAveragePooling(boolean keepdims) {
        GradientCheck.check(new GlobalAveragePooling2D().keepdims(keepdims).dtype("float64"),
                new long[] {2, 4, 3, 3}, 20);
    }

    /** Random draws are distinct, so each channel has one maximum and the max is differentiable there. */
    @ParameterizedTest(name = "keepdims {0}")
    @ValueSource(booleans = {false, true})
    void globalMaxPooling(boolean keepdims) {
        GradientCheck.check(new GlobalMaxPooling2D().keepdims(keepdims).dtype("float64"), new long[] {2, 4, 3, 3}, 21);
    }

    /** Layers without weights report no weight gradients; needInputGradient=false gives null. */
    @Test
    void noWeightsAndNoInputGradientWhenNotNeeded() {
        Layer[] layers = {new Activation("relu"), new ReLU(), new LeakyReLU(), new Softmax(), new Reshape(4),
                new GlobalAveragePooling2D(), new GlobalMaxPooling2D()};
        for (Layer layer : layers) {
            long[] shape = layer instanceof GlobalAveragePooling2D || layer instanceof GlobalMaxPooling2D
                    ? new long[] {1, 2, 2, 1} : new long[] {1, 4};
            INDArray x = Nd4j.rand(DataType.FLOAT, shape);
            INDArray y = layer.call(x, true);
            assertTrue(layer.backward(Nd4j.ones(DataType.FLOAT, y.shape()), false) == null, layer.describe());
            assertTrue(layer.gradients().isEmpty(), layer.describe());
        }
    }

    /** In float32 too, the gradient buffers have the layer's type and the right values. */
    @Test
    void float32Gradients() {
        ReLU relu = new ReLU().maxValue(1).negativeSlope(0.5f).threshold(0.25f);
        relu.call(Nd4j.create(new float[] {-1, 0.5f, 2}, new long[] {1, 3}, 'c'), true);
        INDArray g = relu.backward(Nd4j.create(new float[] {1, 1, 1}, new long[] {1, 3}, 'c'), true);
        assertArrayEquals(new float[] {0.5f, 1, 0}, g.dup().data().asFloat());
        LeakyReLU leaky = new LeakyReLU();
        leaky.call(Nd4j.create(new float[] {-1, 3}, new long[] {1, 2}, 'c'), true);
        assertArrayEquals(new float[] {0.6f, 2},
                leaky.backward(Nd4j.create(new float[] {2, 2}, new long[] {1, 2}, 'c'), true).dup().data().asFloat());
    }
}
