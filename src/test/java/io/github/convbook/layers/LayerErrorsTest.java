package io.github.convbook.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.Backend;
import io.github.convbook.models.Model;
import io.github.convbook.models.Sequential;
import io.github.convbook.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every mistake a learner is likely to make gets a message naming the layer, what was expected and what came. */
class LayerErrorsTest {

    private static String message(Executable action) {
        Exception e = assertThrows(RuntimeException.class, action);
        return e.getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void imagesWithoutAChannelAxis() {
        Conv2D conv = new Conv2D(32, 3).name("conv_first");
        assertMentions(message(() -> conv.apply(Tensor.zeros(600, 28, 28))),
                "'conv_first' (Conv2D)", "4-D input (batch, height, width, channels)",
                "(600, 28, 28)", "(600, 28, 28, 1)");
        assertMentions(message(() -> new MaxPooling2D(2).apply(Tensor.zeros(28, 28))),
                "MaxPooling2D", "4-D", "(28, 28)");
    }

    @Test
    void denseOnImagesThatWereNotFlattened() {
        Dense dense = new Dense(10);
        dense.apply(Tensor.zeros(2, 784));
        assertMentions(message(() -> dense.apply(Tensor.zeros(2, 28, 28))),
                "Dense", "784 features", "(2, 28, 28)", "Flatten");
    }

    @Test
    void mismatchedChannelsAfterBuild() {
        Conv2D conv = new Conv2D(4, 3);
        conv.apply(Tensor.zeros(1, 8, 8, 1));
        assertMentions(message(() -> conv.apply(Tensor.zeros(1, 8, 8, 3))),
                "built for inputs with 1 channel", "(1, 8, 8, 3)");
    }

    @Test
    void unknownStrings() {
        assertMentions(message(() -> new Conv2D(4, 3).activation("relux")),
                "Unknown activation 'relux'", "relu", "sigmoid");
        assertMentions(message(() -> new Conv2D(4, 3).padding("full")),
                "Unknown padding 'full'", "\"valid\"", "\"same\"");
        assertMentions(message(() -> new Dense(4).kernelInitializer("xavier")),
                "Unknown initializer 'xavier'", "glorot_uniform");
        assertMentions(message(() -> new UpSampling2D().interpolation("bicubic")), "bicubic", "nearest");
    }

    @Test
    void badSizes() {
        assertMentions(message(() -> new Conv2D(-16, 3)), "filters must be a positive integer", "-16");
        assertMentions(message(() -> new Conv2D(16, 0)), "kernelSize must be positive");
        assertMentions(message(() -> new Dense(0)), "units must be a positive integer, got 0");
        assertMentions(message(() -> new MaxPooling2D(2).strides(0)), "strides must be positive");
        assertMentions(message(() -> new Dropout(1.5)), "rate must be in [0, 1), got 1.5");
        assertMentions(message(() -> new Conv2D(4, 3).strides(2).dilationRate(2)), "strides > 1 cannot be combined");
        assertMentions(message(() -> Input.shape(28, 0, 1)), "positive sizes", "(28, 0, 1)");
    }

    @Test
    void windowsThatDoNotFit() {
        Tensor x = Input.shape(28, 28, 1);
        Tensor small = new MaxPooling2D(2).apply(new MaxPooling2D(2).apply(new MaxPooling2D(2).apply(x)));   // 3x3
        assertMentions(message(() -> new Conv2D(8, 5).apply(small)), "Conv2D", "5x5 window does not fit the 3x3 input",
                "(None, 3, 3, 1)", "padding \"same\"");
    }

    @Test
    void setWeightsOfTheWrongShapeOrCount() {
        Conv2D conv = new Conv2D(2, 2);
        assertMentions(message(() -> conv.setWeights(List.of(Tensor.zeros(2, 2, 1, 2), Tensor.zeros(2)))),
                "has no weights yet", "apply(x)");
        conv.apply(Tensor.zeros(1, 5, 5, 1));
        assertMentions(message(() -> conv.setWeights(List.of(Tensor.zeros(2, 2, 2), Tensor.zeros(2)))),
                "'kernel' has shape (2, 2, 1, 2)", "got a value of shape (2, 2, 2)",
                "(kernel_height, kernel_width, in_channels, filters)");
        assertMentions(message(() -> conv.setWeights(List.of(Tensor.zeros(2, 2, 1, 2)))),
                "expects 2 weights", "got 1");
        assertMentions(message(() -> new Dense(3).countParams()), "isn't built yet");
    }

    @Test
    void modelInputsThatDoNotMatch() {
        Backend.clearSession();
        Tensor inputs = Input.shape(28, 28, 1);
        Model model = new Model(inputs, new Flatten().apply(new Conv2D(2, 3).apply(inputs)));
        assertMentions(message(() -> model.predict(Tensor.zeros(10, 28, 28))),
                "Model 'model' expects input of shape (None, 28, 28, 1), got (10, 28, 28)",
                "x.expandDims(-1) gives (10, 28, 28, 1)");
        assertMentions(message(() -> model.predict(Tensor.zeros(10, 784))), "reshape the data to (10, 28, 28, 1)");
        Tensor other = Input.shape(4);
        assertMentions(message(() -> new Model(inputs, new Dense(1).apply(other))), "Graph disconnected");
        assertMentions(message(() -> new Sequential().summary()), "has not yet been built");
    }

    @Test
    void symbolicTensorsHaveNoValues() {
        Tensor inputs = Input.shape(3);
        assertMentions(message(() -> inputs.toFloatArray()), "symbolic tensor (None, 3)", "predict");
    }

    @Test
    void theSessionStaysUsableAfterAnError() {
        Conv2D conv = new Conv2D(2, 3);
        assertThrows(IllegalArgumentException.class, () -> conv.apply(Tensor.zeros(1, 5, 5)));
        assertEquals("(1, 3, 3, 2)", conv.apply(Tensor.zeros(1, 5, 5, 1)).shape().toString());
    }

    @Test
    void defaultNamesCountPerClassAsKerasDoes() {
        Backend.clearSession();
        assertEquals("conv2d", new Conv2D(1, 1).name());
        assertEquals("conv2d_1", new Conv2D(1, 1).name());
        assertEquals("max_pooling2d", new MaxPooling2D().name());
        assertEquals("up_sampling2d", new UpSampling2D().name());
        assertEquals("conv2d_transpose", new Conv2DTranspose(1, 1).name());
        assertEquals("average_pooling2d", new AveragePooling2D().name());
        Tensor in = Input.shape(2);
        assertEquals("<KerasTensor: shape=(None, 2) dtype=float32 (created by layer 'input_1')>", in.toString());
    }
}
