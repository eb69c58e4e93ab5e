package io.github.convbook.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import java.util.Arrays;

/**
 * Trains and runs one {@link PyTorchModels.Spec} in PyTorch through DJL, as a Keras {@code fit} would: the data in
 * native tensors once, each epoch a fresh shuffle, batches gathered by index, forward and loss under a gradient
 * collector, backward, one optimizer step. The thread counts come from the system properties
 * {@code ai.djl.pytorch.num_threads} and {@code ai.djl.pytorch.num_interop_threads}, which must be set before
 * {@link #engine} is first called.
 */
final class PyTorchTrainer implements AutoCloseable {
    private final Model model;
    private final Trainer trainer;
    private final PyTorchModels.Spec spec;
    private final NDArray x;
    private final NDArray y;
    private final NDArray xTest;
    private final int batch;

    /** One pass over the data: its rate, the mean batch loss, and the first and last batches' losses. */
    record Epoch(double seconds, double imagesPerSecond, double meanLoss, double firstLoss, double lastLoss) {
    }

    /**
     * Loads the PyTorch engine (once) and seeds its random generator.
     *
     * @return the engine, e.g. for its version
     */
    static Engine engine() {
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed(42);
        return engine;
    }

    /** The thread counts PyTorch reports: {@code intra-op 2, inter-op 1}. */
    static String threads() {
        engine();
        return "intra-op " + JniUtils.getNumThreads() + ", inter-op " + JniUtils.getNumInteropThreads();
    }

    /**
     * Builds the model and copies the data into native tensors.
     *
     * @param spec the model
     * @param pixels training images, row-major, {@code n} times the image size, values in [0, 1]
     * @param labels class indices, one per image (ignored when the model reconstructs its input)
     * @param n how many training images
     * @param testPixels test images for inference, row-major
     * @param nTest how many test images
     * @param batch the batch size for training and inference
     */
    PyTorchTrainer(PyTorchModels.Spec spec, float[] pixels, long[] labels, int n, float[] testPixels, int nTest,
                   int batch) {
        this.spec = spec;
        this.batch = batch;
        engine();
        model = Model.newInstance("pytorch-reference", Device.cpu(), "PyTorch");
        model.setBlock(spec.block());
        DefaultTrainingConfig config = new DefaultTrainingConfig(spec.loss()).optOptimizer(spec.optimizer())
                .optInitializer(PyTorchModels.glorotUniform(), Parameter.Type.WEIGHT)
                .optDevices(new Device[] {Device.cpu()});
        trainer = model.newTrainer(config);
        trainer.initialize(withBatch(batch));
        NDManager manager = trainer.getManager();
        long size = spec.imageShape().size();
        x = manager.create(prefix(pixels, (int) (n * size)), withBatch(n));
        y = spec.classifier() ? manager.create(labels.length == n ? labels : Arrays.copyOf(labels, n)) : x;
        xTest = manager.create(prefix(testPixels, (int) (nTest * size)), withBatch(nTest));
    }

    private static float[] prefix(float[] values, int length) {
        return values.length == length ? values : Arrays.copyOf(values, length);
    }

    private Shape withBatch(long n) {
        return new Shape(n).addAll(spec.imageShape());
    }

    /**
     * Trains one epoch on the first {@code images} images, shuffled.
     *
     * @param images how many images (all of them for an epoch, fewer for a warm-up)
     */
    Epoch trainEpoch(int images) {
        NDManager manager = trainer.getManager();
        long start = System.nanoTime();
        double lossSum = 0;
        double first = Double.NaN;
        double last = Double.NaN;
        try (NDManager epochManager = manager.newSubManager()) {
            NDArray order = epochManager.randomPermutation(images);
            for (int from = 0; from < images; from += batch) {
                int to = Math.min(images, from + batch);
                try (NDManager batchManager = manager.newSubManager()) {
                    NDArray index = order.get(batchManager, new NDIndex("{}:{}", from, to));
                    NDArray xb = x.get(batchManager, new NDIndex("{}", index));
                    NDArray yb = spec.classifier() ? y.get(batchManager, new NDIndex("{}", index)) : xb;
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDList logits = trainer.forward(new NDList(xb));
                        NDArray loss = spec.loss().evaluate(new NDList(yb), logits);
                        collector.backward(loss);
                        last = loss.getFloat();
                    }
                    trainer.step();
                }
                first = Double.isNaN(first) ? last : first;
                lossSum += last * (to - from);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Epoch(seconds, images / seconds, lossSum / images, first, last);
    }

    /** Predicts the test images in batches (logits and the output activation), in images/s. */
    double inferenceRate() {
        NDManager manager = trainer.getManager();
        ParameterStore parameters = new ParameterStore(manager, false);
        long n = xTest.getShape().get(0);
        long start = System.nanoTime();
        for (long from = 0; from < n; from += batch) {
            try (NDManager batchManager = manager.newSubManager()) {
                NDArray xb = xTest.get(batchManager, new NDIndex("{}:{}", from, Math.min(n, from + batch)));
                NDArray logits = model.getBlock().forward(parameters, new NDList(xb), false).singletonOrThrow();
                spec.head().apply(logits);
            }
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
