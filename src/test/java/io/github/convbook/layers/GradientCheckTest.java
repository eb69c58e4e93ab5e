package io.github.convbook.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Every layer's backward pass against finite differences, in double precision, relative error below 1e-6. */
class GradientCheckTest {

    static Stream<Arguments> denseCases() {
        return Stream.of("linear", "relu", "sigmoid", "tanh", "softmax", "leaky_relu").map(Arguments::of);
    }

    @ParameterizedTest(name = "Dense activation {0}")
    @MethodSource("denseCases")
    void dense(String activation) {
        GradientCheck.check(new Dense(4).activation(activation).dtype("float64"), new long[] {3, 5}, 1);
    }

    @Test
    void denseOnRank3InputWithoutBias() {
        GradientCheck.check(new Dense(3).useBias(false).dtype("float64"), new long[] {2, 4, 2}, 2);
    }

    static Stream<Arguments> convCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int kernel : new int[] {1, 2, 3}) {
            for (int stride : new int[] {1, 2, 3}) {
                for (String padding : new String[] {"valid", "same"}) {
                    cases.add(Arguments.of(kernel, stride, 1, padding));
                }
            }
        }
        cases.add(Arguments.of(3, 1, 2, "valid"));
        cases.add(Arguments.of(2, 1, 2, "same"));
        return cases.stream();
    }

    @ParameterizedTest(name = "Conv2D kernel {0} stride {1} dilation {2} {3}")
    @MethodSource("convCases")
    void conv2d(int kernel, int stride, int dilation, String padding) {
        Conv2D conv = new Conv2D(3, kernel).strides(stride).dilationRate(dilation).padding(padding).activation("tanh");
        GradientCheck.check(conv.dtype("float64"), new long[] {2, 7, 6, 2}, 3);
    }

    @Test
    void conv2dWithoutBiasAndRelu() {
        GradientCheck.check(new Conv2D(2, 3).useBias(false).activation("relu").dtype("float64"),
                new long[] {1, 5, 5, 1}, 4);
    }

    @ParameterizedTest(name = "Conv2DTranspose kernel {0} stride {1} dilation {2} {3}")
    @MethodSource("convCases")
    void conv2dTranspose(int kernel, int stride, int dilation, String padding) {
        Conv2DTranspose conv = new Conv2DTranspose(3, kernel).strides(stride).dilationRate(dilation).padding(padding)
                .activation("sigmoid");
        GradientCheck.check(conv.dtype("float64"), new long[] {2, 4, 3, 2}, 5);
    }

    static Stream<Arguments> poolCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int pool : new int[] {2, 3}) {
            for (int stride : new int[] {1, 2, 3}) {
                for (String padding : new String[] {"valid", "same"}) {
                    cases.add(Arguments.of(pool, stride, padding));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "MaxPooling2D pool {0} stride {1} {2}")
    @MethodSource("poolCases")
    void maxPooling(int pool, int stride, String padding) {
        GradientCheck.check(new MaxPooling2D(pool).strides(stride).padding(padding).dtype("float64"),
                new long[] {2, 7, 6, 3}, 6);
    }

    @ParameterizedTest(name = "AveragePooling2D pool {0} stride {1} {2}")
    @MethodSource("poolCases")
    void averagePooling(int pool, int stride, String padding) {
        GradientCheck.check(new AveragePooling2D(pool).strides(stride).padding(padding).dtype("float64"),
                new long[] {2, 7, 6, 3}, 7);
    }

    @Test
    void upSamplingAndFlatten() {
        GradientCheck.check(new UpSampling2D(2).dtype("float64"), new long[] {2, 3, 4, 2}, 8);
        GradientCheck.check(new UpSampling2D().size(2, 3).dtype("float64"), new long[] {1, 3, 2, 2}, 9);
        GradientCheck.check(new Flatten().dtype("float64"), new long[] {2, 3, 4, 2}, 10);
    }

    @Test
    void dropoutPassesGradientThroughTheKeptValues() {
        Dropout dropout = new Dropout(0.5);
        INDArray x = Nd4j.ones(4, 100);
        INDArray out = dropout.call(x, true);
        INDArray grad = dropout.backward(Nd4j.ones(4, 100), true);
        assertArrayEquals(out.data().asFloat(), grad.data().asFloat(), "kept values pass 2x, dropped ones 0");
        assertArrayEquals(x.data().asFloat(), dropout.call(x, false).data().asFloat(), "identity at inference");
    }
}
