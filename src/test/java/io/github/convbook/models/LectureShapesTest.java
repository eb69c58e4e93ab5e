package io.github.convbook.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.layers.Conv2D;
import io.github.convbook.layers.Dense;
import io.github.convbook.layers.Flatten;
import io.github.convbook.layers.Input;
import io.github.convbook.layers.Layer;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every shape and parameter count that seeds 000, 001, 002 and 003 print. */
class LectureShapesTest {

    @Test
    void aggregatingDenseChain() {
        Tensor boxes = Tensor.zeros(64, 4, 2);
        assertEquals("(64, 4, 2)", boxes.shape().toString());
        Dense firstLinear = new Dense(1).useBias(false);
        Tensor firstOut = firstLinear.apply(boxes).squeeze(-1);
        assertEquals("(64, 4)", firstOut.shape().toString());
        assertEquals("(2, 1)", firstLinear.weights().get(0).shape().toString());
        Dense secondLinear = new Dense(1).useBias(false);
        Tensor secondOut = secondLinear.apply(firstOut).squeeze(-1);
        assertEquals("(64,)", secondOut.shape().toString());
        assertEquals("(4, 1)", secondLinear.weights().get(0).shape().toString());
    }

    @Test
    void enrichingDenseChainHas13Parameters() {
        Tensor boxes = Tensor.zeros(64, 4, 2);
        Dense first = new Dense(3).useBias(false);
        Tensor firstOut = first.apply(boxes);
        assertEquals("(64, 4, 3)", firstOut.shape().toString());
        assertEquals("(2, 3)", first.weights().get(0).shape().toString());
        Dense second = new Dense(1).useBias(false);
        Tensor secondOut = second.apply(firstOut).squeeze(-1);
        assertEquals("(64, 4)", secondOut.shape().toString());
        assertEquals("(3, 1)", second.weights().get(0).shape().toString());
        Dense third = new Dense(1).useBias(false);
        Tensor thirdOut = third.apply(secondOut).squeeze(-1);
        assertEquals("(64,)", thirdOut.shape().toString());
        assertEquals("(4, 1)", third.weights().get(0).shape().toString());
        assertEquals(13, first.countParams() + second.countParams() + third.countParams());
    }

    @Test
    void fullHdImageThroughConvFlattenDense() {
        Conv2D convLayer = new Conv2D(16, 5).strides(5).useBias(false);
        Tensor convOut = convLayer.apply(Tensor.zeros(1, 1920, 1080, 3));
        assertEquals("(1, 384, 216, 16)", convOut.shape().toString());
        assertEquals(1200, convLayer.countParams());
        Tensor flat = new Flatten().apply(convOut);
        assertEquals("(1, 1327104)", flat.shape().toString());
        Dense linear = new Dense(1).useBias(false);
        assertEquals("(1, 1)", linear.apply(flat).shape().toString());
        assertEquals(1327104, linear.countParams());
    }

    @Test
    void shapesPropagateSymbolicallyWithoutData() {
        Conv2D conv = new Conv2D(16, 5).strides(5).useBias(false);
        Tensor out = conv.apply(Input.shape(1920, 1080, 3));
        assertTrue(out.isSymbolic());
        assertEquals("(None, 384, 216, 16)", out.shape().toString());
        // the batch of 64 in the lecture: same shapes, batch known
        assertEquals(Shape.of(64, 384, 216, 16), conv.computeOutputShape(Shape.of(64, 1920, 1080, 3)));
        assertEquals("(None, 1327104)", new Flatten().apply(out).shape().toString());
    }

    @Test
    void convnetHas3x3x128BeforeFlattenAnd104202Parameters() {
        Model model = LectureModels.convnet();
        List<Layer> layers = model.layers();
        assertEquals("(None, 3, 3, 128)", model.outputShapes.get(4).toString());
        assertEquals(104202, model.countParams());
        assertEquals("(None, 10)", model.outputShape().toString());
        assertEquals(8, layers.size());   // input layer first, as Keras lists it
    }

    @Test
    void mlpHas669706Parameters() {
        assertEquals(669706, LectureModels.mlp().countParams());
    }

    @Test
    void autoencodersHave3369ParametersAndTheLectureBottlenecks() {
        Model upsampling = LectureModels.autoencoder();
        assertEquals(3369, upsampling.countParams());
        assertEquals("(None, 4, 4, 4)", upsampling.outputShapes.get(5).toString());
        assertEquals("(None, 14, 14, 16)", upsampling.outputShapes.get(10).toString());
        assertEquals("(None, 28, 28, 1)", upsampling.outputShape().toString());
        Model transpose = LectureModels.transposeAutoencoder();
        assertEquals(3369, transpose.countParams());
        assertEquals("(None, 14, 14, 16)", transpose.outputShapes.get(9).toString());
        assertEquals("(None, 28, 28, 1)", transpose.outputShape().toString());
    }

    @Test
    void predictRunsInBatchesAndKeepsTheBatchSize() {
        Model model = LectureModels.autoencoder();
        Tensor out = model.predict(Tensor.random(70, 28, 28, 1));
        assertEquals("(70, 28, 28, 1)", out.shape().toString());
        assertTrue(out.min() >= 0 && out.max() <= 1, "sigmoid output stays in [0, 1]");
        Tensor one = model.predict(Tensor.random(70, 28, 28, 1).slice(3, 4));
        assertEquals("(1, 28, 28, 1)", one.shape().toString());
    }

    @Test
    void parameterSharingCounts1800VersusEight() {
        // seed 004: (1, 6, 6, 1) -> (1, 5, 5, 2): a dense mapping needs 36 x 50 weights, the 2x2 conv 8
        Conv2D conv = new Conv2D(2, 2).useBias(false);
        assertEquals("(1, 5, 5, 2)", conv.apply(Tensor.zeros(1, 6, 6, 1)).shape().toString());
        assertEquals(8, conv.countParams());
        Dense dense = new Dense(50).useBias(false);
        dense.apply(Tensor.zeros(1, 36));
        assertEquals(1800, dense.countParams());
    }
}
