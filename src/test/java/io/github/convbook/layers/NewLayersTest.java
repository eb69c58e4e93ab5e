package io.github.convbook.layers;

import static io.github.convbook.layers.ReferenceSupport.flat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.Backend;
import io.github.convbook.backend.Naming;
import io.github.convbook.layers.loops.ActivationLoops;
import io.github.convbook.layers.loops.Array4;
import io.github.convbook.layers.loops.GlobalPoolingLoops;
import io.github.convbook.models.Model;
import io.github.convbook.tensor.DType;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Activation, ReLU, LeakyReLU, Softmax, Reshape, GlobalAveragePooling2D and GlobalMaxPooling2D: values against
 * {@link ActivationLoops} and {@link GlobalPoolingLoops} and against numbers from Keras's definitions, shapes, use in
 * a Model, Keras's default names, the logits hooks and every error message.
 */
class NewLayersTest {

    // ---------------------------------------------------------------- helpers

    /** Uniform values in [-3, 3), rounded to float32 when the layer works in float32 (so the reference sees them). */
    private static double[] randomValues(long seed, int count, String dtype) {
        Random random = new Random(seed);
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            double v = random.nextDouble() * 6 - 3;
            values[i] = dtype.equals("float32") ? (float) v : v;
        }
        return values;
    }

    private static Tensor tensor(double[] values, String dtype, int... shape) {
        return Tensor.of(values, shape).astype(dtype);
    }

    private static double tolerance(String dtype) {
        return dtype.equals("float32") ? 2e-6 : 1e-12;
    }

    private static void assertValues(double[] expected, Tensor actual, String dtype, String what) {
        assertClose(expected, actual, dtype, tolerance(dtype), what);
    }

    /**
     * For numbers written from Keras's definitions: Keras keeps ReLU's and LeakyReLU's arguments as float32 (0.3f),
     * so even a float64 layer differs from the decimal numbers by about 1e-8.
     */
    private static void assertPinned(double[] expected, Tensor actual, String dtype, String what) {
        assertClose(expected, actual, dtype, 1e-6, what);
    }

    private static void assertClose(double[] expected, Tensor actual, String dtype, double tolerance, String what) {
        assertEquals(DType.of(dtype), actual.dtype(), what + ": dtype");
        double[] got = actual.toDoubleArray();
        assertEquals(expected.length, got.length, what + ": number of values");
        for (int i = 0; i < expected.length; i++) {
            double allowed = tolerance * Math.max(1, Math.abs(expected[i]));
            assertEquals(expected[i], got[i], allowed, what + ": value " + i);
        }
    }

    private static String message(Executable action) {
        return assertThrows(IllegalArgumentException.class, action).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }

    private static final String[] DTYPES = {"float32", "float64"};

    // ---------------------------------------------------------------- values pinned from Keras's definitions

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"float32", "float64"})
    void leakyReluDefaultsToKeras2Alpha03(String dtype) {
        Tensor x = tensor(new double[] {-10, -1, 0, 2}, dtype, 1, 4);
        Tensor y = new LeakyReLU().dtype(dtype).apply(x);
        assertPinned(new double[] {-3, -0.3, 0, 2}, y, dtype, "LeakyReLU()");
        assertEquals(0.3, new LeakyReLU().alpha());
        assertPinned(new double[] {-1, -0.1, 0, 2}, new LeakyReLU(0.1).dtype(dtype).apply(x), dtype, "LeakyReLU(0.1)");
        assertPinned(new double[] {-0.5, -0.05, 0, 2}, new LeakyReLU().alpha(0.05).dtype(dtype).apply(x), dtype,
                "alpha(0.05)");
    }

    /**
     * ReLU(max_value=6, negative_slope=0.1, threshold=1) on [-1, 0.5, 1, 3, 7]. At x == threshold Keras computes
     * {@code x * (x > threshold)} = 0 (its docstring's "threshold <= x" would say 1).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"float32", "float64"})
    void reluWithAllArguments(String dtype) {
        Layer relu = new ReLU().maxValue(6).negativeSlope(0.1).threshold(1).dtype(dtype);
        Tensor y = relu.apply(tensor(new double[] {-1, 0.5, 1, 3, 7}, dtype, 1, 5));
        assertPinned(new double[] {-0.2, -0.05, 0, 3, 6}, y, dtype, "ReLU(6, 0.1, 1)");
    }

    /** The examples of Keras's ReLU docstring (and of keras.activations.relu with threshold=5). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"float32", "float64"})
    void reluDocstringExamples(String dtype) {
        Tensor x = tensor(new double[] {-3, -1, 0, 2}, dtype, 1, 4);
        assertPinned(new double[] {0, 0, 0, 2}, new ReLU().dtype(dtype).apply(x), dtype, "ReLU()");
        assertPinned(new double[] {0, 0, 0, 1}, new ReLU().maxValue(1).dtype(dtype).apply(x), dtype, "max_value=1");
        assertPinned(new double[] {-3, -1, 0, 2}, new ReLU().negativeSlope(1).dtype(dtype).apply(x), dtype,
                "negative_slope=1");
        assertPinned(new double[] {0, 0, 0, 2}, new ReLU().threshold(1.5).dtype(dtype)
                .apply(tensor(new double[] {-3, -1, 1, 2}, dtype, 1, 4)), dtype, "threshold=1.5");
        assertPinned(new double[] {0, 0, 0, 0, 10}, new ReLU().threshold(5).dtype(dtype)
                .apply(tensor(new double[] {-10, -5, 0, 5, 10}, dtype, 1, 5)), dtype, "threshold=5");
    }

    /** Keras 2.x: {@code backend.cast_to_floatx(alpha)}, so a float64 LeakyReLU multiplies by (double) 0.3f. */
    @Test
    void float64LayersUseKerasFloat32Arguments() {
        Tensor x = Tensor.of(new double[] {-10, 2}, 1, 2);
        assertArrayEquals(new double[] {-10 * (double) 0.3f, 2},
                new LeakyReLU().dtype("float64").apply(x).toDoubleArray());
        assertArrayEquals(new double[] {-10 * (double) 0.1f, 2},
                new ReLU().negativeSlope(0.1).dtype("float64").apply(x).toDoubleArray());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"float32", "float64"})
    void softmaxOfOneTwoThree(String dtype) {
        double[] expected = {0.09003057, 0.24472847, 0.66524096};
        Tensor x = tensor(new double[] {1, 2, 3}, dtype, 1, 3);
        double[] got = new Softmax().dtype(dtype).apply(x).toDoubleArray();
        assertArrayEquals(expected, got, 1e-7);
        assertArrayEquals(expected, new Activation("softmax").dtype(dtype).apply(x).toDoubleArray(), 1e-7);
        assertArrayEquals(expected, new Softmax(1).dtype(dtype).apply(x).toDoubleArray(), 1e-7, "axis=1 is the last");
    }

    // ---------------------------------------------------------------- values against the plain-loop reference

    /** A layer, an input shape, and the reference output for the input values. */
    private record Case(String name, Supplier<Layer> layer, int[] shape,
                        Function<double[], double[]> reference) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> referenceCases() {
        List<Case> cases = new ArrayList<>();
        for (String activation : new String[] {"linear", "relu", "sigmoid", "tanh", "softmax", "leaky_relu"}) {
            cases.add(new Case("Activation " + activation, () -> new Activation(activation), new int[] {3, 2, 5},
                    x -> ActivationLoops.activation(activation, x, 5)));
        }
        cases.add(new Case("ReLU()", ReLU::new, new int[] {4, 6}, x -> ActivationLoops.relu(x, null, 0, 0)));
        cases.add(new Case("ReLU maxValue 1.5", () -> new ReLU().maxValue(1.5), new int[] {2, 3, 3, 2},
                x -> ActivationLoops.relu(x, 1.5, 0, 0)));
        cases.add(new Case("ReLU maxValue 6 (relu6)", () -> new ReLU().maxValue(6), new int[] {4, 6},
                x -> ActivationLoops.relu(x, 6.0, 0, 0)));
        cases.add(new Case("ReLU negativeSlope 0.2", () -> new ReLU().negativeSlope(0.2), new int[] {4, 6},
                x -> ActivationLoops.relu(x, null, 0.2, 0)));
        cases.add(new Case("ReLU threshold 0.7", () -> new ReLU().threshold(0.7), new int[] {4, 6},
                x -> ActivationLoops.relu(x, null, 0, 0.7)));
        cases.add(new Case("ReLU all", () -> new ReLU().maxValue(2).negativeSlope(0.1).threshold(0.4), new int[] {5, 7},
                x -> ActivationLoops.relu(x, 2.0, 0.1, 0.4)));
        cases.add(new Case("ReLU maxValue below threshold",
                () -> new ReLU().maxValue(0.5).negativeSlope(0.3).threshold(1), new int[] {5, 7},
                x -> ActivationLoops.relu(x, 0.5, 0.3, 1)));
        cases.add(new Case("LeakyReLU()", LeakyReLU::new, new int[] {2, 4, 3}, x -> ActivationLoops.leakyRelu(x, 0.3)));
        cases.add(new Case("LeakyReLU(0.01)", () -> new LeakyReLU(0.01), new int[] {4, 6},
                x -> ActivationLoops.leakyRelu(x, 0.01)));
        cases.add(new Case("Softmax rank 2", Softmax::new, new int[] {4, 7}, x -> ActivationLoops.softmax(x, 7)));
        cases.add(new Case("Softmax rank 4", Softmax::new, new int[] {2, 3, 2, 5}, x -> ActivationLoops.softmax(x, 5)));
        cases.add(new Case("Reshape", () -> new Reshape(3, -1), new int[] {2, 12}, double[]::clone));
        cases.add(new Case("GlobalAveragePooling2D", GlobalAveragePooling2D::new, new int[] {3, 4, 5, 2},
                x -> flat(GlobalPoolingLoops.globalAverage(new Array4(3, 4, 5, 2, x)))));
        cases.add(new Case("GlobalAveragePooling2D keepdims", () -> new GlobalAveragePooling2D().keepdims(true),
                new int[] {2, 3, 3, 4}, x -> flat(GlobalPoolingLoops.globalAverage(new Array4(2, 3, 3, 4, x)))));
        cases.add(new Case("GlobalMaxPooling2D", GlobalMaxPooling2D::new, new int[] {3, 4, 5, 2},
                x -> flat(GlobalPoolingLoops.globalMax(new Array4(3, 4, 5, 2, x)))));
        cases.add(new Case("GlobalMaxPooling2D keepdims", () -> new GlobalMaxPooling2D().keepdims(true),
                new int[] {2, 3, 3, 4}, x -> flat(GlobalPoolingLoops.globalMax(new Array4(2, 3, 3, 4, x)))));
        List<Arguments> arguments = new ArrayList<>();
        for (Case c : cases) {
            for (String dtype : DTYPES) {
                arguments.add(Arguments.of(c, dtype));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("referenceCases")
    void valuesMatchTheReference(Case c, String dtype) {
        int count = (int) Shape.of(c.shape()).size();
        double[] values = randomValues(c.name().hashCode(), count, dtype);
        Tensor x = tensor(values, dtype, c.shape());
        Layer layer = c.layer().get().dtype(dtype);
        Tensor y = layer.apply(x);
        assertValues(c.reference().apply(values), y, dtype, c.name());
        assertArrayEquals(values, x.toDoubleArray(), "the input is left unchanged");
        assertEquals(layer.computeOutputShape(x.shape()), y.shape(), "eager shape = computeOutputShape");
        // a second call reuses the layer's buffers: the first result, copied by apply, keeps its values
        Tensor again = layer.apply(tensor(randomValues(7, count, dtype), dtype, c.shape()));
        assertValues(c.reference().apply(values), y, dtype, c.name() + " after another call");
        assertEquals(y.shape(), again.shape());
        // inference and training compute the same values
        INDArray trained = layer.call(x.data().dup(), true);
        assertArrayEquals(y.toDoubleArray(), Tensor.wrap(trained.dup()).toDoubleArray(), 0, "training call");
        assertEquals(0, layer.countParams());
    }

    // ---------------------------------------------------------------- shapes

    @Test
    void outputShapesWithUnknownBatch() {
        assertEquals(Shape.batchOf(28, 28, 1), new Activation("relu").computeOutputShape(Shape.batchOf(28, 28, 1)));
        assertEquals(Shape.batchOf(10), new ReLU().computeOutputShape(Shape.batchOf(10)));
        assertEquals(Shape.batchOf(4, 4, 3), new LeakyReLU().computeOutputShape(Shape.batchOf(4, 4, 3)));
        assertEquals(Shape.batchOf(3, 10), new Softmax().computeOutputShape(Shape.batchOf(3, 10)));
        assertEquals(Shape.batchOf(7, 7, 16), new Reshape(7, 7, 16).computeOutputShape(Shape.batchOf(784)));
        assertEquals(Shape.batchOf(7, 7, 16), new Reshape(7, -1, 16).computeOutputShape(Shape.batchOf(28, 28)));
        assertEquals(Shape.batchOf(784), new Reshape(-1).computeOutputShape(Shape.batchOf(28, 28, 1)));
        assertEquals(Shape.batchOf(16), new GlobalAveragePooling2D().computeOutputShape(Shape.batchOf(7, 7, 16)));
        assertEquals(Shape.batchOf(1, 1, 16),
                new GlobalAveragePooling2D().keepdims(true).computeOutputShape(Shape.batchOf(7, 7, 16)));
        assertEquals(Shape.batchOf(16), new GlobalMaxPooling2D().computeOutputShape(Shape.batchOf(7, 7, 16)));
        assertEquals(Shape.batchOf(1, 1, 16),
                new GlobalMaxPooling2D().keepdims(true).computeOutputShape(Shape.batchOf(7, 7, 16)));
        assertEquals("(None, 16)", new GlobalMaxPooling2D().computeOutputShape(Shape.of(-1, -1, -1, 16)).toString(),
                "any image size");
    }

    @Test
    void reshapeWithUnknownSizesKeepsTheInferredAxisUnknown() {
        // Keras: when a non-batch input size is unknown, the -1 becomes None
        assertEquals("(None, None, 4)", new Reshape(-1, 4).computeOutputShape(Shape.of(-1, -1, 4)).toString());
        assertEquals("(None, 2, 8)", new Reshape(2, 8).computeOutputShape(Shape.of(-1, -1, 4)).toString());
    }

    @Test
    void eagerShapes() {
        assertEquals(Shape.of(2, 7, 7, 16), new Reshape(7, 7, 16).apply(Tensor.zeros(2, 784)).shape());
        assertEquals(Shape.of(3, 6, 2), new Reshape(-1, 2).apply(Tensor.zeros(3, 2, 6)).shape());
        assertEquals(Shape.of(5), new Reshape().apply(Tensor.zeros(5, 1)).shape(),
                "target_shape () for one value each");
        assertEquals(Shape.of(2, 3), new GlobalAveragePooling2D().apply(Tensor.zeros(2, 4, 5, 3)).shape());
        assertEquals(Shape.of(2, 1, 1, 3),
                new GlobalMaxPooling2D().keepdims(true).apply(Tensor.zeros(2, 4, 5, 3)).shape());
        assertEquals(Shape.of(2, 4, 5, 3), new LeakyReLU().apply(Tensor.zeros(2, 4, 5, 3)).shape());
    }

    @Test
    void reshapeKeepsRowMajorOrderAndGoesBack() {
        Reshape reshape = new Reshape(2, 3);
        Tensor x = Tensor.of(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 2, 6);
        Tensor y = reshape.apply(x);
        assertEquals(5f, y.getDouble(0, 1, 2));
        assertEquals(6f, y.getDouble(1, 0, 0));
        reshape.call(x.data(), true);
        INDArray back = reshape.backward(y.data().dup(), true);
        assertArrayEquals(new long[] {2, 6}, back.shape());
        assertArrayEquals(x.toFloatArray(), Tensor.wrap(back.dup()).toFloatArray());
        assertNull(reshape.backward(y.data().dup(), false));
    }

    // ---------------------------------------------------------------- symbolic use in a Model and summary

    @Test
    void allSevenInOneModelWithKerasNamesAndSummary() {
        Backend.clearSession();
        Tensor in = Input.shape(784);
        Tensor x = new Reshape(7, 7, 16).apply(in);
        x = new ReLU().apply(x);
        x = new LeakyReLU().apply(x);
        x = new GlobalMaxPooling2D().keepdims(true).apply(x);
        x = new GlobalAveragePooling2D().apply(x);
        x = new Activation("tanh").apply(x);
        Tensor out = new Softmax().apply(x);
        assertTrue(out.isSymbolic());
        Model model = new Model(in, out);
        assertEquals(0, model.countParams());
        assertEquals(Shape.batchOf(16), model.outputShape());
        List<String> lines = new ArrayList<>();
        model.summary(lines::add);
        // rows as Keras's print_summary prints them (computed with its print_row), names from its to_snake_case
        List<String> expected = List.of(
                "Model: \"model\"",
                "_".repeat(65),
                "Layer (type)                 Output Shape              Param #   ",
                "=".repeat(65),
                "input_1 (InputLayer)         [(None, 784)]             0         ",
                "_".repeat(65),
                "reshape (Reshape)            (None, 7, 7, 16)          0         ",
                "_".repeat(65),
                "re_lu (ReLU)                 (None, 7, 7, 16)          0         ",
                "_".repeat(65),
                "leaky_re_lu (LeakyReLU)      (None, 7, 7, 16)          0         ",
                "_".repeat(65),
                "global_max_pooling2d (Global (None, 1, 1, 16)          0         ",
                "_".repeat(65),
                "global_average_pooling2d (Gl (None, 16)                0         ",
                "_".repeat(65),
                "activation (Activation)      (None, 16)                0         ",
                "_".repeat(65),
                "softmax (Softmax)            (None, 16)                0         ",
                "=".repeat(65),
                "Total params: 0",
                "Trainable params: 0",
                "Non-trainable params: 0",
                "_".repeat(65));
        assertEquals(expected, lines);
        // the model computes what the layers compute
        Tensor batch = Tensor.random(2, 784);
        Tensor predicted = model.predict(batch);
        assertEquals(Shape.of(2, 16), predicted.shape());
        assertEquals(2.0, predicted.sum(), 1e-5, "softmax rows sum to 1");
    }

    @Test
    void defaultNamesFollowKerasToSnakeCase() {
        Backend.clearSession();
        assertEquals("activation", new Activation("relu").name());
        assertEquals("activation_1", new Activation("relu").name());
        assertEquals("re_lu", new ReLU().name());
        assertEquals("re_lu_1", new ReLU().name());
        assertEquals("leaky_re_lu", new LeakyReLU().name());
        assertEquals("softmax", new Softmax().name());
        assertEquals("reshape", new Reshape(4).name());
        assertEquals("global_average_pooling2d", new GlobalAveragePooling2D().name());
        assertEquals("global_max_pooling2d", new GlobalMaxPooling2D().name());
        assertEquals("re_lu", Naming.snakeCase("ReLU"));
        assertEquals("leaky_re_lu", Naming.snakeCase("LeakyReLU"));
    }

    @Test
    void fluentSettersKeepTheLayerType() {
        Activation a = new Activation("relu").name("act").inputShape(3);
        ReLU r = new ReLU().name("r").maxValue(6).negativeSlope(0.1).threshold(0.5).inputShape(3);
        LeakyReLU l = new LeakyReLU().name("l").alpha(0.2).inputShape(3);
        Softmax s = new Softmax().name("s").inputShape(3);
        Reshape re = new Reshape(3).name("re").inputShape(3);
        GlobalAveragePooling2D ga = new GlobalAveragePooling2D().name("ga").keepdims(true).dataFormat("channels_last");
        GlobalMaxPooling2D gm = new GlobalMaxPooling2D().name("gm").keepdims(false).dataFormat(null);
        assertEquals(List.of("act", "r", "l", "s", "re", "ga", "gm"),
                List.of(a.name(), r.name(), l.name(), s.name(), re.name(), ga.name(), gm.name()));
        assertEquals(Activations.RELU, a.activation());
        assertEquals(6.0, r.maxValue());
        assertEquals(0.1, r.negativeSlope());
        assertEquals(0.5, r.threshold());
        assertNull(new ReLU().maxValue(), "Keras's max_value=None");
        assertEquals(0.2, l.alpha());
        assertEquals(-1, s.axis());
        assertArrayEquals(new int[] {3}, re.targetShape());
        assertTrue(ga.keepdims());
        assertFalse(gm.keepdims());
    }

    // ---------------------------------------------------------------- logits hooks

    @Test
    void activationKeepsItsInputAsLogits() {
        Activation softmax = new Activation("softmax");
        assertEquals(Activations.SOFTMAX, softmax.outputActivation());
        assertTrue(softmax.outputCarriesLogits(), "Keras's activation functions attach _keras_logits");
        INDArray z = Nd4j.create(new float[] {1, 2, 3, -1, 0, 1}, new long[] {2, 3}, 'c');
        INDArray copy = z.dup();
        softmax.keepLogits(true);
        INDArray out = softmax.call(z, true);
        assertEquals(copy, z, "the input is not overwritten");
        assertEquals(copy, softmax.lastLogits(), "the logits are the input");
        assertEquals(1.0, out.getRow(0).sumNumber().doubleValue(), 1e-6);
        INDArray g = Nd4j.create(new float[] {0.1f, -0.2f, 0.1f, 0.3f, 0f, -0.3f}, new long[] {2, 3}, 'c');
        assertSame(g, softmax.backwardFromLogits(g, true), "the logits gradient is the input gradient");
        assertNull(softmax.backwardFromLogits(g, false));
        assertEquals(Activations.RELU, new Activation("relu").outputActivation());
        assertEquals(Activations.LINEAR, new Activation(null).outputActivation(), "Keras's Activation(None) is linear");
    }

    @Test
    void softmaxLayerCarriesNoLogitsButCanKeepThem() {
        Softmax softmax = new Softmax();
        assertEquals(Activations.SOFTMAX, softmax.outputActivation());
        assertFalse(softmax.outputCarriesLogits(), "Keras recognises a Softmax layer by its op only");
        INDArray z = Nd4j.create(new double[] {1, 2, 3}, new long[] {1, 3}, DataType.DOUBLE);
        softmax.dtype("float64").keepLogits(true);
        softmax.call(z, false);
        assertEquals(z, softmax.lastLogits());
        INDArray g = z.dup();
        assertSame(g, softmax.backwardFromLogits(g, true));
    }

    @Test
    void logitsMustBeAskedFor() {
        Activation sigmoid = new Activation("sigmoid");
        sigmoid.call(Nd4j.zeros(2, 2), false);
        IllegalStateException e = assertThrows(IllegalStateException.class, sigmoid::lastLogits);
        assertMentions(e.getMessage(), "activation", "keepLogits(true)");
    }

    // ---------------------------------------------------------------- max pooling ties

    @Test
    void globalMaxSplitsTheGradientAmongTies() {
        Layer pool = new GlobalMaxPooling2D().dtype("float64");
        // one sample, 2x2 pixels, 2 channels: channel 0 has its max 5 twice, channel 1 once
        INDArray x = Nd4j.create(new double[] {5, 1, 2, 4, 5, 3, 0, 2}, new long[] {1, 2, 2, 2}, DataType.DOUBLE);
        INDArray y = pool.call(x, true);
        assertArrayEquals(new double[] {5, 4}, y.dup().data().asDouble());
        INDArray g = Nd4j.create(new double[] {1, 10}, new long[] {1, 2}, DataType.DOUBLE);
        double[] grad = pool.backward(g, true).dup().data().asDouble();
        assertArrayEquals(new double[] {0.5, 0, 0, 10, 0.5, 0, 0, 0}, grad, 0, "tf's reduce_max gradient: g / count");
    }

    @Test
    void globalAverageSpreadsTheGradient() {
        GlobalAveragePooling2D pool = new GlobalAveragePooling2D().keepdims(true);
        pool.call(Nd4j.zeros(DataType.FLOAT, 1, 2, 2, 1), true);
        INDArray grad = pool.backward(Nd4j.ones(DataType.FLOAT, 1, 1, 1, 1), true);
        assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f, 0.25f}, grad.dup().data().asFloat());
    }

    // ---------------------------------------------------------------- errors

    @Test
    void wrongRanks() {
        assertMentions(message(() -> new GlobalAveragePooling2D().name("gap").apply(Tensor.zeros(2, 28, 28))),
                "'gap' (GlobalAveragePooling2D)", "4-D input (batch, height, width, channels)", "(2, 28, 28)",
                "(2, 28, 28, 1)");
        assertMentions(message(() -> new GlobalMaxPooling2D().apply(Tensor.zeros(2, 10))),
                "GlobalMaxPooling2D", "4-D input", "(2, 10)");
        assertMentions(message(() -> new GlobalMaxPooling2D().apply(Input.shape(10))),
                "GlobalMaxPooling2D", "(None, 10)");
        assertMentions(message(() -> new Softmax().apply(Tensor.zeros(5))), "Softmax", "rank >= 2", "(5,)");
        assertMentions(message(() -> new Activation("softmax").apply(Tensor.zeros(5))),
                "Activation", "Cannot apply softmax to a tensor that is 1D", "(5,)");
        for (Layer layer : new Layer[] {new ReLU(), new LeakyReLU(), new Activation("relu"), new Reshape(1)}) {
            assertMentions(message(() -> layer.apply(Tensor.scalar(1))), layer.getClass().getSimpleName(),
                    "batch axis");
        }
    }

    @Test
    void softmaxAxes() {
        assertMentions(message(() -> new Softmax(-2)), "axis -2", "last axis", "axis=-1");
        assertMentions(message(() -> new Softmax(1).apply(Tensor.zeros(2, 3, 4))),
                "Softmax", "axis 1", "(2, 3, 4)", "axis=-1 or axis=2");
        assertEquals(Shape.of(2, 3, 4), new Softmax(2).apply(Tensor.zeros(2, 3, 4)).shape());
    }

    @Test
    void reluArguments() {
        assertMentions(message(() -> new ReLU().maxValue(-1)),
                "ReLU", "max_value of a ReLU layer cannot be a negative value. Received: -1.0");
        assertMentions(message(() -> new ReLU().negativeSlope(-0.5)),
                "negative_slope of a ReLU layer cannot be a negative value. Received: -0.5");
        assertMentions(message(() -> new ReLU().threshold(-2)),
                "threshold of a ReLU layer cannot be a negative value. Received: -2.0");
        assertMentions(message(() -> new ReLU().threshold(Double.NaN)), "threshold", "Received: NaN");
        assertMentions(message(() -> new LeakyReLU(Double.NaN)), "alpha value of a Leaky ReLU layer", "NaN");
        assertMentions(message(() -> new LeakyReLU().alpha(Double.NaN)), "leaky_re_lu", "alpha");
        new ReLU().maxValue(0).negativeSlope(0).threshold(0);   // zero is allowed
    }

    @Test
    void reshapeErrors() {
        // symbolic: sizes known when the model is built
        Tensor in = Input.shape(28, 28);
        assertMentions(message(() -> new Reshape(7, 7, 8).name("to_maps").apply(in)),
                "'to_maps' (Reshape)", "total size of new array must be unchanged",
                "input_shape = [28, 28]", "output_shape = [7, 7, 8]", "784 values per sample", "holds 392");
        assertMentions(message(() -> new Reshape(5, -1).apply(in)), "total size of new array must be unchanged",
                "output_shape = [5, -1]", "not a multiple of 5");
        // eager
        assertMentions(message(() -> new Reshape(3, 3).apply(Tensor.zeros(2, 10))),
                "total size of new array must be unchanged", "input_shape = [10]", "output_shape = [3, 3]",
                "the target shape holds 9");
        assertMentions(message(() -> new Reshape(4).computeOutputShape(Shape.batchOf(5))),
                "total size of new array must be unchanged");
        // arguments
        assertMentions(message(() -> new Reshape(-1, 2, -1)), "Can only specify one unknown dimension", "[-1, 2, -1]");
        assertMentions(message(() -> new Reshape(0, 2)), "size 0", "positive, or -1");
        assertMentions(message(() -> new Reshape(-3)), "size -3");
    }

    @Test
    void globalPoolingDataFormat() {
        assertMentions(message(() -> new GlobalAveragePooling2D().dataFormat("channels_first")),
                "GlobalAveragePooling2D", "channels_first", "not available", "channels_last");
        assertMentions(message(() -> new GlobalMaxPooling2D().dataFormat("channels_first")),
                "GlobalMaxPooling2D", "channels_first", "channels_last");
        assertMentions(message(() -> new GlobalMaxPooling2D().dataFormat("nhwc")),
                "The `data_format` argument must be one of \"channels_first\", \"channels_last\". Received: nhwc");
    }

    @Test
    void unknownActivationName() {
        assertMentions(message(() -> new Activation("relux")), "Unknown activation 'relux'", "relu", "softmax");
    }
}
