package io.github.convbook.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.function.UnaryOperator;

/**
 * The lecture's three models in PyTorch (through DJL), with Keras's semantics, as the same-run reference for
 * ConvBook's speed: the same layers in PyTorch's NCHW layout (ConvBook's are NHWC), Keras's initialisation
 * ({@code glorot_uniform} kernels, zero biases), Keras's optimizer rules and defaults, and the loss computed from
 * the logits as Keras does (softmax cross-entropy for the classifiers, sigmoid binary cross-entropy for the
 * autoencoder); the final softmax or sigmoid is applied only for inference.
 */
final class PyTorchModels {
    private PyTorchModels() {
    }

    /**
     * One model, ready for {@link PyTorchTrainer}.
     *
     * @param block the layers, logits out
     * @param imageShape one input image's shape, e.g. {@code (1, 28, 28)} or {@code (784)}
     * @param loss the loss on the logits
     * @param optimizer Keras's update rule
     * @param head the output activation {@code predict} applies to the logits
     * @param classifier true when the targets are class indices, false when they are the images themselves
     */
    record Spec(Block block, Shape imageShape, Loss loss, Optimizer optimizer, UnaryOperator<NDArray> head,
                boolean classifier) {
    }

    /** Keras's {@code glorot_uniform}: U(-l, l), {@code l = sqrt(6 / (fan_in + fan_out))}, fans times kernel area. */
    static Initializer glorotUniform() {
        // scale = sqrt(magnitude / ((fanIn + fanOut) / 2)) = sqrt(6 / (fanIn + fanOut)); biases stay DJL's zeros
        return new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3);
    }

    /** Code 8-1's convnet: three 3x3 convolutions (32, 64, 128, ReLU) with 2x2 max pooling, dense 10; rmsprop. */
    static Spec convnet() {
        SequentialBlock block = new SequentialBlock()
                .add(conv(32, false)).add(Activation.reluBlock()).add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(conv(64, false)).add(Activation.reluBlock()).add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(conv(128, false)).add(Activation.reluBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(10).build());
        return new Spec(block, new Shape(1, 28, 28), Loss.softmaxCrossEntropyLoss(),
                KerasOptimizers.rmsprop(0.001f, 0.9f, 1e-7f), logits -> logits.softmax(-1), true);
    }

    /** The MLP 784-512-512-10 with ReLU; adam. */
    static Spec mlp() {
        SequentialBlock block = new SequentialBlock()
                .add(Linear.builder().setUnits(512).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(512).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(10).build());
        // DJL's Adam on PyTorch (PyTorchLibrary.adamUpdate) is Keras's rule: m and v as usual, then
        // w -= lr * sqrt(1 - beta2^t) / (1 - beta1^t) * m / (sqrt(v) + eps), eps after the bias correction
        // ("epsilon hat") as in tf.keras, not torch.optim.Adam's m_hat / (sqrt(v_hat) + eps). Only eps's default
        // (1e-8) differs, so it is set. It also copies the gradient once more than torch.optim.Adam does.
        Optimizer adam = Adam.builder().optLearningRateTracker(Tracker.fixed(0.001f)).optBeta1(0.9f).optBeta2(0.999f)
                .optEpsilon(1e-7f).build();
        return new Spec(block, new Shape(784), Loss.softmaxCrossEntropyLoss(), adam, logits -> logits.softmax(-1),
                true);
    }

    /**
     * Seed 000's conv autoencoder: 3x3 convolutions 16, 8, 4 ("same", ReLU) each followed by a "same" 2x2 max pool
     * (28, 14, 7 -> 4), then 4, 8 ("same") and 16 ("valid", 16 -> 14) each followed by a 2x upsampling, and a
     * "same" 3x3 convolution to one channel; adadelta, binary cross-entropy.
     */
    static Spec autoencoder() {
        SequentialBlock block = new SequentialBlock()
                .add(conv(16, true)).add(Activation.reluBlock()).add(samePool())
                .add(conv(8, true)).add(Activation.reluBlock()).add(samePool())
                .add(conv(4, true)).add(Activation.reluBlock()).add(samePool())
                .add(conv(4, true)).add(Activation.reluBlock()).add(upSampling())
                .add(conv(8, true)).add(Activation.reluBlock()).add(upSampling())
                .add(conv(16, false)).add(Activation.reluBlock()).add(upSampling())
                .add(conv(1, true));
        return new Spec(block, new Shape(1, 28, 28), Loss.sigmoidBinaryCrossEntropyLoss(),
                KerasOptimizers.adadelta(0.001f, 0.95f, 1e-7f), logits -> Activation.sigmoid(logits),
                false);
    }

    /** A 3x3 convolution, stride 1, with bias; "same" pads one pixel each side, "valid" none. */
    private static Block conv(int filters, boolean same) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(filters)
                .optPadding(same ? new Shape(1, 1) : new Shape(0, 0)).build();
    }

    /**
     * Keras's 2x2 max pooling with {@code padding="same"}: TensorFlow pads only after the last row and column, so a
     * 7-wide input gives 4 windows, the last over one pixel; PyTorch's {@code ceil_mode} gives the same windows.
     */
    private static Block samePool() {
        return Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), true);
    }

    /** Keras's {@code UpSampling2D(2)}: nearest neighbour, each pixel to a 2x2 block ({@code F.interpolate}). */
    private static Block upSampling() {
        return LambdaBlock.singleton(x -> x.getNDArrayInternal().interpolation(
                new long[] {x.getShape().get(2) * 2, x.getShape().get(3) * 2}, 0, false), "upSampling2d");
    }
}
