package io.github.convbook.bench;

import static io.github.convbook.models.Fit.batchSize;
import static io.github.convbook.models.Fit.epochs;
import static io.github.convbook.models.Fit.verbose;

import io.github.convbook.Utils;
import io.github.convbook.data.Dataset;
import io.github.convbook.data.Mnist;
import io.github.convbook.models.LectureModels;
import io.github.convbook.models.Model;
import io.github.convbook.tensor.Tensor;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.Supplier;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Trains each lecture model for whole MNIST epochs and reports training and inference images/s, then the same
 * model in Deeplearning4j on the same ND4J backend (on a slice of the data: it is slow), and the ratio.
 * Heap and off-heap memory are printed after every epoch: they must not grow from epoch to epoch.
 * <pre>mvn -B -Pbench package -DskipTests -Dbench.args="--epochs 2 --dl4j-images 6400 --only convnet"</pre>
 */
public final class TrainingBenchmark {
    private int epochs = 2;
    private int dl4jImages = 6400;
    private String only = "all";

    public static void main(String[] arguments) {
        // Maven passes -Dbench.args as one argument: split it into words
        String[] args = String.join(" ", arguments).trim().split("\\s+");
        TrainingBenchmark bench = new TrainingBenchmark();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--epochs" -> bench.epochs = Integer.parseInt(args[++i]);
                case "--dl4j-images" -> bench.dl4jImages = Integer.parseInt(args[++i]);
                case "--only" -> bench.only = args[++i];
                case "" -> { }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; expected --epochs N, --dl4j-images N, --only convnet|mlp|autoencoder");
            }
        }
        bench.run();
    }

    private void run() {
        System.out.printf(Locale.ROOT, "ND4J threads: %s, cores: %d, load average at start: %.2f%n",
                Nd4j.getEnvironment().maxMasterThreads(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Dataset mnist = Mnist.loadData();
        Tensor images = mnist.train().x().astype("float32").div(255);
        Tensor labels = mnist.train().y();
        Tensor testImages = mnist.test().x().astype("float32").div(255);
        Tensor cnnImages = images.reshape(60000, 28, 28, 1);
        Tensor cnnTest = testImages.reshape(10000, 28, 28, 1);
        if (wants("convnet")) {
            compare("convnet (rmsprop, batch 64)", LectureModels::convnet, "rmsprop", "sparse_categorical_crossentropy",
                    cnnImages, labels, cnnTest, 64, Dl4jModels::convnet, oneHot(labels));
        }
        if (wants("mlp")) {
            compare("MLP 512-512-10 (adam, batch 1000)", LectureModels::mlp, "adam", "sparse_categorical_crossentropy",
                    images.reshape(60000, 784), labels, testImages.reshape(10000, 784), 1000,
                    Dl4jModels::mlp, oneHot(labels));
        }
        if (wants("autoencoder")) {
            compare("conv autoencoder (adadelta, batch 256)", LectureModels::autoencoder, "adadelta",
                    "binary_crossentropy", cnnImages, cnnImages, cnnTest, 256,
                    Dl4jModels::autoencoder, cnnImages.reshape(60000, 1, 28, 28).data());
        }
    }

    private boolean wants(String model) {
        return only.equals("all") || only.equals(model);
    }

    private static INDArray oneHot(Tensor labels) {
        return Utils.toCategorical(labels, 10).data();
    }

    private void compare(String title, Supplier<Model> build, String optimizer, String loss, Tensor x, Tensor y,
                         Tensor xTest, int batch, Supplier<MultiLayerNetwork> buildDl4j, INDArray dl4jLabels) {
        System.out.println();
        System.out.println("== " + title);
        Utils.setRandomSeed(42);
        Model model = build.get();
        model.compile(optimizer, loss, loss.contains("categorical") ? new String[] {"accuracy"} : new String[0]);
        double best = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long start = System.nanoTime();
            var history = model.fit(x, y, epochs(1), batchSize(batch), verbose(0));
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = x.shape().get(0) / seconds;
            best = Math.max(best, rate);
            System.out.printf(Locale.ROOT, "ConvBook epoch %d: %.1f s, %.0f images/s, loss %.4f | %s%n",
                    epoch, seconds, rate, history.get("loss").get(0), memory());
        }
        long start = System.nanoTime();
        model.predict(xTest, batch);
        double inference = xTest.shape().get(0) / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "ConvBook inference: %.0f images/s%n", inference);

        MultiLayerNetwork net = buildDl4j.get();
        INDArray features = x.data().reshape('c', x.shape().get(0), -1);
        if (x.rank() == 4) {
            features = x.data().reshape('c', x.shape().get(0), 1, 28, 28);   // one channel: NHWC and NCHW coincide
        }
        int n = Math.min(dl4jImages, (int) x.shape().get(0));
        fitDl4j(net, features, dl4jLabels, batch, Math.min(n, batch * 3));   // warm-up
        long dl4jStart = System.nanoTime();
        fitDl4j(net, features, dl4jLabels, batch, n);
        double dl4jRate = n / ((System.nanoTime() - dl4jStart) / 1e9);
        System.out.printf(Locale.ROOT, "Deeplearning4j: %.0f images/s on %d images | %s%n", dl4jRate, n, memory());
        System.out.printf(Locale.ROOT, "RESULT %-40s ConvBook %7.0f img/s train, %7.0f img/s inference; "
                + "DL4J %6.0f img/s; ratio %.1fx%n", title, best, inference, dl4jRate, best / dl4jRate);
    }

    private static void fitDl4j(MultiLayerNetwork net, INDArray features, INDArray labels, int batch, int n) {
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            INDArray fx = features.get(NDArrayIndex.interval(from, to)).dup();
            INDArray fy = labels.get(NDArrayIndex.interval(from, to)).dup();
            net.fit(new DataSet(fx, fy));
        }
    }

    private static String memory() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "heap %.0f MB, off-heap %.0f MB (physical %.0f MB)",
                (rt.totalMemory() - rt.freeMemory()) / 1e6, Pointer.totalBytes() / 1e6, Pointer.physicalBytes() / 1e6);
    }
}
