package io.github.convbook.bench;

import static io.github.convbook.models.Fit.batchSize;
import static io.github.convbook.models.Fit.epochs;
import static io.github.convbook.models.Fit.verbose;

import ai.djl.engine.Engine;
import io.github.convbook.Utils;
import io.github.convbook.data.Dataset;
import io.github.convbook.data.Mnist;
import io.github.convbook.models.LectureModels;
import io.github.convbook.models.Model;
import io.github.convbook.tensor.Tensor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Trains each lecture model for whole MNIST epochs and reports training and inference images/s, and in the same run
 * the same model in PyTorch 2.7 through DJL with Keras's semantics ({@link PyTorchModels}) and in Deeplearning4j on
 * the same ND4J backend (on a slice of the data: it is slow), with the ratios. ND4J's sgemm rate is measured first
 * as the machine's peak, and each ConvBook rate is given as a share of it ({@link TrainingFlops}). Beside every rate
 * stands how many cores other processes used meanwhile ({@link CpuLoad}), so a reader can trust or discard a row;
 * the header names the CPU, the cores, the threads and the date. At the end comes a Markdown table for the README.
 * PyTorch's convolution gradients are first checked against plain Java ({@link PyTorchCheck}); a failed check is
 * printed in the header (on an AVX-512 sandbox its oneDNN backward convolutions were wrong, and
 * {@code ONEDNN_MAX_CPU_ISA=SSE41} in the environment, which ND4J's oneDNN does not read, put them right).
 * Heap and off-heap memory are printed after every epoch: they must not grow from epoch to epoch.
 *
 * <p>Each engine runs with the same threads: {@code OMP_NUM_THREADS} (the {@code bench} profile sets it from
 * {@code -Dbench.threads}, default 2) for ND4J, and PyTorch gets as many intra-op threads and one inter-op thread.
 * Each engine keeps its own OpenMP wait policy: ConvBook asks ND4J's to sleep while waiting, PyTorch's is what its
 * users get (unless {@code OMP_WAIT_POLICY} is set in the environment, which then holds for both).
 *
 * <p>Options (Maven passes them as one {@code -Dbench.args="..."}):
 * <ul>
 *   <li>{@code --epochs N}: timed epochs per engine after a warm-up of a few batches, ConvBook and PyTorch taking
 *       turns epoch by epoch; the best counts (default 2);</li>
 *   <li>{@code --images N}: train on the first N images only (default all 60,000; for smoke tests), and infer on
 *       at most N test images;</li>
 *   <li>{@code --dl4j-images N}: Deeplearning4j trains on this many images (default 6,400);</li>
 *   <li>{@code --only convnet|mlp|autoencoder}: one model;</li>
 *   <li>{@code --no-pytorch}, {@code --no-dl4j}: leave that engine out;</li>
 *   <li>{@code --contention}: then start a second process that keeps one core busy, train one more epoch with
 *       ConvBook and PyTorch (not Deeplearning4j), and report each contended rate as a share of its quiet one.</li>
 * </ul>
 * <pre>
 * mvn -B -Pbench package -DskipTests -Dbench.args="--epochs 2 --dl4j-images 6400 --only convnet"
 * mvn -B -Pbench package -DskipTests -Dbench.args="--contention"
 * mvn -B -Pbench package -DskipTests -Dbench.args="--images 1280 --epochs 1 --dl4j-images 256"   (smoke test)
 * </pre>
 */
public final class TrainingBenchmark {
    private static final int TRAIN_IMAGES = 60000;
    private static final int TEST_IMAGES = 10000;
    /** Untimed batches each engine trains before its timed epochs (native code paths, buffers, JIT). */
    private static final int WARM_UP_BATCHES = 5;

    private int epochs = 2;
    private int dl4jImages = 6400;
    private int images = TRAIN_IMAGES;
    private String only = "all";
    private boolean contention;
    private boolean pytorch = true;
    private boolean dl4j = true;
    private final List<Row> rows = new ArrayList<>();

    /** One lecture model in the three engines. */
    private record Task(String key, String title, String label, Supplier<Model> convbook, String optimizer,
                        String loss, int batch, Supplier<MultiLayerNetwork> dl4j,
                        Supplier<PyTorchModels.Spec> pytorch) {
    }

    /** A rate and how busy the machine was while it was measured. */
    private record Rate(double imagesPerSecond, double seconds, CpuLoad.Usage load) {
        static final Rate NONE = new Rate(Double.NaN, Double.NaN, new CpuLoad.Usage(Double.NaN, 0, 0));

        boolean isMeasured() {
            return !Double.isNaN(imagesPerSecond);
        }

        Rate best(Rate other) {
            return !isMeasured() || other.imagesPerSecond > imagesPerSecond ? other : this;
        }
    }

    /** One model's figures for the tables. */
    private static final class Row {
        private final Task task;
        private double flops;
        private Rate convbook = Rate.NONE;
        private Rate convbookInference = Rate.NONE;
        private Rate torch = Rate.NONE;
        private Rate torchInference = Rate.NONE;
        private Rate dl4j = Rate.NONE;
        private int dl4jImages;
        private Rate convbookContended = Rate.NONE;
        private Rate torchContended = Rate.NONE;
        private double convbookLoss = Double.NaN;
        private double torchLoss = Double.NaN;

        Row(Task task) {
            this.task = task;
        }
    }

    public static void main(String[] arguments) {
        // Maven passes -Dbench.args as one argument: split it into words
        String[] args = String.join(" ", arguments).trim().split("\\s+");
        TrainingBenchmark bench = new TrainingBenchmark();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--epochs" -> bench.epochs = Integer.parseInt(args[++i]);
                case "--dl4j-images" -> bench.dl4jImages = Integer.parseInt(args[++i]);
                case "--images" -> bench.images = Math.min(TRAIN_IMAGES, Integer.parseInt(args[++i]));
                case "--only" -> bench.only = args[++i];
                case "--contention" -> bench.contention = true;
                case "--no-pytorch" -> bench.pytorch = false;
                case "--no-dl4j" -> bench.dl4j = false;
                case "" -> { }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; expected --epochs N, --images N, --dl4j-images N, --only convnet|mlp|autoencoder, "
                        + "--contention, --no-pytorch, --no-dl4j");
            }
        }
        if (!List.of("all", "convnet", "mlp", "autoencoder").contains(bench.only)) {
            throw new IllegalArgumentException("--only takes convnet, mlp or autoencoder, not " + bench.only);
        }
        bench.run();
    }

    private void run() {
        String policyAtStart = System.getenv("OMP_WAIT_POLICY");
        // ConvBook's Tensor first: its static initializer asks OpenMP to sleep while waiting (OMP_WAIT_POLICY) before
        // ND4J's native library loads, as in a notebook. Touching Nd4j first would load ND4J with OpenMP's defaults.
        initialize(Tensor.class);
        int nd4jThreads = Nd4j.getEnvironment().maxMasterThreads();   // loads ND4J's native library now
        String nd4jPolicy = Machine.getenv("OMP_WAIT_POLICY");
        String ompThreads = System.getenv("OMP_NUM_THREADS");
        int threads = ompThreads != null ? Integer.parseInt(ompThreads.trim()) : nd4jThreads;
        String torchThreads = "";
        String torchVersion = "";
        String torchPolicy = "";
        String torchCheck = "";
        if (pytorch) {
            setDefault("ai.djl.offline", "true");
            setDefault("ai.djl.pytorch.num_threads", String.valueOf(threads));
            setDefault("ai.djl.pytorch.num_interop_threads", "1");
            // PyTorch's OpenMP reads the environment when the engine loads, after ND4J's: give it what a PyTorch
            // user's process has, not the wait policy ConvBook set for ND4J
            if (policyAtStart == null) {
                Machine.unsetenv("OMP_WAIT_POLICY");
            }
            torchPolicy = policyAtStart == null ? "OpenMP's default" : policyAtStart;
            torchThreads = PyTorchTrainer.threads();
            torchVersion = "PyTorch " + PyTorchTrainer.engine().getVersion() + " via DJL " + Engine.getDjlVersion();
            String isa = Machine.getenv("ONEDNN_MAX_CPU_ISA");
            torchCheck = "convolution gradients " + PyTorchCheck.run()
                    + (isa == null ? "" : " with ONEDNN_MAX_CPU_ISA=" + isa);
        }
        System.out.println("Date: " + Machine.date());
        System.out.println("CPU: " + Machine.describe());
        System.out.printf(Locale.ROOT, "Load average at start: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "Threads: ND4J %d (OMP_NUM_THREADS %s, maxMasterThreads %d, maxThreads %d), "
                        + "OpenMP wait policy %s%n", threads, ompThreads == null ? "unset" : ompThreads,
                Nd4j.getEnvironment().maxMasterThreads(), Nd4j.getEnvironment().maxThreads(),
                nd4jPolicy == null ? "OpenMP's default" : nd4jPolicy);
        if (pytorch) {
            System.out.println("Threads: " + torchVersion + " " + torchThreads + ", OpenMP wait policy " + torchPolicy);
            System.out.println("PyTorch check against plain Java: " + torchCheck);
            if (torchCheck.contains("WRONG")) {
                System.out.println("WARNING: PyTorch's oneDNN convolutions compute wrong gradients on this machine, so "
                        + "its training rates time wrong arithmetic. ONEDNN_MAX_CPU_ISA=SSE41 in the environment "
                        + "(read by PyTorch's oneDNN only) gives right gradients, at another speed.");
            }
        }
        SgemmPeak.Result peak = SgemmPeak.measure(2048, 5);
        System.out.printf(Locale.ROOT, "ND4J sgemm %dx%d float32: %.0f GFLOP/s (best of 5) | %s%n",
                peak.size(), peak.size(), peak.gflops(), peak.load());

        Dataset mnist = Mnist.loadData();
        Tensor train = mnist.train().x().slice(0, images).astype("float32").div(255);
        Tensor labels = mnist.train().y().slice(0, images);
        int nTest = Math.min(TEST_IMAGES, images);
        Tensor test = mnist.test().x().slice(0, nTest).astype("float32").div(255);
        float[] pixels = pytorch ? train.data().reshape(-1).toFloatVector() : null;
        float[] testPixels = pytorch ? test.data().reshape(-1).toFloatVector() : null;
        long[] classes = pytorch ? labels.data().castTo(DataType.LONG).toLongVector() : null;
        Tensor cnnTrain = train.reshape(images, 28, 28, 1);
        Tensor cnnTest = test.reshape(nTest, 28, 28, 1);

        List<Task> tasks = List.of(
                new Task("convnet", "convnet (rmsprop, batch 64)", "convnet, rmsprop, batch 64",
                        LectureModels::convnet, "rmsprop", "sparse_categorical_crossentropy", 64,
                        Dl4jModels::convnet, PyTorchModels::convnet),
                new Task("mlp", "MLP 512-512-10 (adam, batch 1000)", "MLP 512-512-10, adam, batch 1000",
                        LectureModels::mlp, "adam", "sparse_categorical_crossentropy", 1000,
                        Dl4jModels::mlp, PyTorchModels::mlp),
                new Task("autoencoder", "conv autoencoder (adadelta, batch 256)",
                        "conv autoencoder, adadelta, batch 256", LectureModels::autoencoder, "adadelta",
                        "binary_crossentropy", 256, Dl4jModels::autoencoder, PyTorchModels::autoencoder));
        for (Task task : tasks) {
            if (!only.equals("all") && !only.equals(task.key())) {
                continue;
            }
            boolean mlp = task.key().equals("mlp");
            Tensor x = mlp ? train.reshape(images, 784) : cnnTrain;
            Tensor xTest = mlp ? test.reshape(nTest, 784) : cnnTest;
            boolean autoencoder = task.key().equals("autoencoder");
            Tensor y = autoencoder ? cnnTrain : labels;
            INDArray dl4jLabels = autoencoder ? cnnTrain.reshape(images, 1, 28, 28).data()
                    : Utils.toCategorical(labels, 10).data();
            rows.add(measure(task, x, y, xTest, dl4jLabels, pixels, classes, testPixels));
        }

        String header = String.format(Locale.ROOT, "%s, %s; %d threads per engine%s; ND4J sgemm %.0f GFLOP/s "
                        + "(%dx%d float32); %s-image epochs, best of %d after a warm-up; OpenMP wait policy: ND4J %s%s",
                Machine.date(), Machine.describe(), threads,
                pytorch ? " (" + torchVersion + ": " + torchThreads + ")" : "", peak.gflops(), peak.size(),
                peak.size(), String.format(Locale.ROOT, "%,d", images), epochs,
                nd4jPolicy == null ? "OpenMP's default" : nd4jPolicy, pytorch ? ", PyTorch " + torchPolicy
                        + "; PyTorch's " + torchCheck : "");
        printTable(header, peak.gflops());
    }

    private Row measure(Task task, Tensor x, Tensor y, Tensor xTest, INDArray dl4jLabels, float[] pixels,
                        long[] classes, float[] testPixels) {
        System.out.println();
        System.out.println("== " + task.title());
        Row row = new Row(task);
        int n = (int) x.shape().get(0);
        int batch = task.batch();
        int warmUp = Math.min(n, WARM_UP_BATCHES * batch);

        Utils.setRandomSeed(42);
        Model model = task.convbook().get();
        model.compile(task.optimizer(), task.loss(),
                task.loss().contains("categorical") ? new String[] {"accuracy"} : new String[0]);
        row.flops = TrainingFlops.perImage(model);
        System.out.printf(Locale.ROOT, "Training FLOPs per image (from the layer shapes): %.2f M%n", row.flops / 1e6);
        model.fit(x.slice(0, warmUp), y.slice(0, warmUp), epochs(1), batchSize(batch), verbose(0));
        PyTorchTrainer torch = null;
        try {
            if (pytorch) {
                torch = new PyTorchTrainer(task.pytorch().get(), pixels, classes, n, testPixels,
                        (int) xTest.shape().get(0), batch);
                torch.trainEpoch(warmUp);
            }
            // the engines take turns epoch by epoch: the host's speed drifts over minutes (the same run's rates moved
            // 30-60% on 2026-12-01 with no other process busy), and turns expose both engines to the same drift
            for (int epoch = 1; epoch <= epochs; epoch++) {
                convbookEpoch(row, model, x, y, batch, epoch);
                if (torch != null) {
                    torchEpoch(row, torch, n, epoch);
                }
            }
            for (int run = 0; run < 2; run++) {
                CpuLoad before = CpuLoad.now();
                long start = System.nanoTime();
                model.predict(xTest, batch);
                double seconds = (System.nanoTime() - start) / 1e9;
                row.convbookInference = row.convbookInference.best(
                        new Rate(xTest.shape().get(0) / seconds, seconds, CpuLoad.now().since(before)));
                if (torch != null) {
                    CpuLoad torchBefore = CpuLoad.now();
                    double rate = torch.inferenceRate();
                    row.torchInference = row.torchInference.best(new Rate(rate, Double.NaN,
                            CpuLoad.now().since(torchBefore)));
                }
            }
            System.out.printf(Locale.ROOT, "ConvBook inference: %.0f images/s (best of 2) | %s%n",
                    row.convbookInference.imagesPerSecond(), row.convbookInference.load());
            if (torch != null) {
                System.out.printf(Locale.ROOT, "PyTorch inference: %.0f images/s (best of 2) | %s%n",
                        row.torchInference.imagesPerSecond(), row.torchInference.load());
            }
            if (dl4j) {
                measureDl4j(task, row, x, dl4jLabels);
            }
            if (contention) {
                measureContended(row, model, x, y, torch);
            }
        } finally {
            if (torch != null) {
                torch.close();
            }
        }
        System.out.printf(Locale.ROOT, "RESULT %-40s ConvBook %s img/s train, %s inference; PyTorch %s train, %s "
                        + "inference; ConvBook/PyTorch %s; DL4J %s; ConvBook/DL4J %s%n", task.title(),
                count(row.convbook.imagesPerSecond()), count(row.convbookInference.imagesPerSecond()),
                count(row.torch.imagesPerSecond()), count(row.torchInference.imagesPerSecond()),
                ratio(row.convbook, row.torch), count(row.dl4j.imagesPerSecond()), ratio(row.convbook, row.dl4j));
        return row;
    }

    /** One timed ConvBook epoch over all of {@code x}: the row keeps the best rate and the last loss. */
    private void convbookEpoch(Row row, Model model, Tensor x, Tensor y, int batch, int epoch) {
        int n = (int) x.shape().get(0);
        CpuLoad before = CpuLoad.now();
        long start = System.nanoTime();
        var history = model.fit(x, y, epochs(1), batchSize(batch), verbose(0));
        double seconds = (System.nanoTime() - start) / 1e9;
        Rate rate = new Rate(n / seconds, seconds, CpuLoad.now().since(before));
        row.convbook = row.convbook.best(rate);
        row.convbookLoss = history.get("loss").get(0);
        System.out.printf(Locale.ROOT, "ConvBook epoch %d: %.1f s, %.0f images/s, loss %.4f | %s | %s%n",
                epoch, seconds, rate.imagesPerSecond(), history.get("loss").get(0), rate.load(), memory());
    }

    /** One timed PyTorch epoch over {@code n} images: the row keeps the best rate and the last loss. */
    private void torchEpoch(Row row, PyTorchTrainer torch, int n, int epoch) {
        CpuLoad before = CpuLoad.now();
        PyTorchTrainer.Epoch result = torch.trainEpoch(n);
        Rate rate = new Rate(result.imagesPerSecond(), result.seconds(), CpuLoad.now().since(before));
        row.torch = row.torch.best(rate);
        row.torchLoss = result.meanLoss();
        System.out.printf(Locale.ROOT, "PyTorch epoch %d: %.1f s, %.0f images/s, loss %.4f (first batch "
                        + "%.4f, last %.4f) | %s | %s%n", epoch, result.seconds(),
                result.imagesPerSecond(), result.meanLoss(), result.firstLoss(), result.lastLoss(),
                rate.load(), memory());
    }

    private void measureDl4j(Task task, Row row, Tensor x, INDArray labels) {
        MultiLayerNetwork net = task.dl4j().get();
        INDArray features = x.data().reshape('c', x.shape().get(0), -1);
        if (x.rank() == 4) {
            features = x.data().reshape('c', x.shape().get(0), 1, 28, 28);   // one channel: NHWC and NCHW coincide
        }
        int n = Math.min(dl4jImages, (int) x.shape().get(0));
        fitDl4j(net, features, labels, task.batch(), Math.min(n, task.batch() * 3));   // warm-up
        CpuLoad before = CpuLoad.now();
        long start = System.nanoTime();
        fitDl4j(net, features, labels, task.batch(), n);
        double seconds = (System.nanoTime() - start) / 1e9;
        row.dl4j = new Rate(n / seconds, seconds, CpuLoad.now().since(before));
        row.dl4jImages = n;
        System.out.printf(Locale.ROOT, "Deeplearning4j: %.0f images/s on %d images | %s | %s%n",
                row.dl4j.imagesPerSecond(), n, row.dl4j.load(), memory());
    }

    /** One more epoch of ConvBook and of PyTorch while a second process keeps a core busy. */
    private void measureContended(Row row, Model model, Tensor x, Tensor y, PyTorchTrainer torch) {
        int n = (int) x.shape().get(0);
        try (BusyCore busy = BusyCore.start()) {
            System.out.println("Contention: process " + busy.pid() + " keeps one core busy");
            CpuLoad before = CpuLoad.now();
            long start = System.nanoTime();
            model.fit(x, y, epochs(1), batchSize(row.task.batch()), verbose(0));
            double seconds = (System.nanoTime() - start) / 1e9;
            row.convbookContended = new Rate(n / seconds, seconds, CpuLoad.now().since(before));
            System.out.printf(Locale.ROOT, "ConvBook contended: %.1f s, %.0f images/s, %.0f%% of its quiet rate | %s%n",
                    seconds, n / seconds, 100 * n / seconds / row.convbook.imagesPerSecond(),
                    row.convbookContended.load());
            if (torch != null) {
                before = CpuLoad.now();
                PyTorchTrainer.Epoch result = torch.trainEpoch(n);
                row.torchContended = new Rate(result.imagesPerSecond(), result.seconds(), CpuLoad.now().since(before));
                System.out.printf(Locale.ROOT, "PyTorch contended: %.1f s, %.0f images/s, %.0f%% of its quiet rate "
                                + "| %s%n", result.seconds(), result.imagesPerSecond(),
                        100 * result.imagesPerSecond() / row.torch.imagesPerSecond(), row.torchContended.load());
            }
        }
    }

    private static void fitDl4j(MultiLayerNetwork net, INDArray features, INDArray labels, int batch, int n) {
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            INDArray fx = features.get(NDArrayIndex.interval(from, to)).dup();
            INDArray fy = labels.get(NDArrayIndex.interval(from, to)).dup();
            net.fit(new DataSet(fx, fy));
        }
    }

    private void printTable(String header, double gflops) {
        System.out.println();
        System.out.println(header);
        System.out.println();
        System.out.println("| model | ConvBook train img/s | ConvBook inference | PyTorch train (same run) | "
                + "ConvBook/PyTorch | DL4J | ConvBook % of sgemm peak | other processes' cores during the "
                + "ConvBook / PyTorch measurement |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Row row : rows) {
            double percent = 100 * row.convbook.imagesPerSecond() * row.flops / (gflops * 1e9);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.0f%% (%.2f MFLOP/img) | %s / %s |%n",
                    row.task.label(), train(row.convbook), count(row.convbookInference.imagesPerSecond()),
                    train(row.torch), ratio(row.convbook, row.torch),
                    row.dl4j.isMeasured() ? count(row.dl4j.imagesPerSecond())
                            + String.format(Locale.ROOT, " (%,d images)", row.dl4jImages) : "-",
                    percent, row.flops / 1e6, row.convbook.load().cell(),
                    row.torch.isMeasured() ? row.torch.load().cell() : "-");
        }
        StringBuilder losses = new StringBuilder("Mean training loss in the last epoch, ConvBook / PyTorch:");
        for (Row row : rows) {
            losses.append(String.format(Locale.ROOT, " %s %.4f / %.4f;", row.task.key(), row.convbookLoss,
                    row.torchLoss));
        }
        System.out.println();
        System.out.println(losses.substring(0, losses.length() - 1));
        if (!contention) {
            return;
        }
        System.out.println();
        System.out.println("Under contention (a second process keeps one core busy; one epoch each):");
        System.out.println();
        System.out.println("| model | ConvBook quiet | ConvBook contended | share | PyTorch quiet | "
                + "PyTorch contended | share | other processes' cores during the ConvBook / PyTorch contended epoch |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s / %s |%n", row.task.label(),
                    count(row.convbook.imagesPerSecond()), count(row.convbookContended.imagesPerSecond()),
                    share(row.convbookContended, row.convbook), count(row.torch.imagesPerSecond()),
                    count(row.torchContended.imagesPerSecond()), share(row.torchContended, row.torch),
                    row.convbookContended.load().cell(),
                    row.torchContended.isMeasured() ? row.torchContended.load().cell() : "-");
        }
    }

    private static String train(Rate rate) {
        return rate.isMeasured() ? count(rate.imagesPerSecond())
                + String.format(Locale.ROOT, " (%.1f s/epoch)", rate.seconds()) : "-";
    }

    private static String count(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String ratio(Rate a, Rate b) {
        return a.isMeasured() && b.isMeasured()
                ? String.format(Locale.ROOT, "%.2fx", a.imagesPerSecond() / b.imagesPerSecond()) : "-";
    }

    private static String share(Rate contended, Rate quiet) {
        return contended.isMeasured() && quiet.isMeasured()
                ? String.format(Locale.ROOT, "%.0f%%", 100 * contended.imagesPerSecond() / quiet.imagesPerSecond())
                : "-";
    }

    private static void setDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private static void initialize(Class<?> type) {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String memory() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "heap %.0f MB, off-heap %.0f MB (physical %.0f MB), resident %s",
                (rt.totalMemory() - rt.freeMemory()) / 1e6, Pointer.totalBytes() / 1e6, Pointer.physicalBytes() / 1e6,
                residentSize());
    }

    /** The process's resident size ({@code VmRSS}), which counts PyTorch's native memory too. */
    private static String residentSize() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    return String.format(Locale.ROOT, "%.0f MB",
                            Long.parseLong(line.replaceAll("[^0-9]", "")) / 1e3);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "n/a";
    }
}
