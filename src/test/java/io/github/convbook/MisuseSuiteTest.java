package io.github.convbook;

import static io.github.convbook.models.Fit.batchSize;
import static io.github.convbook.models.Fit.epochs;
import static io.github.convbook.models.Fit.validationData;
import static io.github.convbook.models.Fit.validationSplit;
import static io.github.convbook.models.Fit.verbose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.convbook.data.DatasetException;
import io.github.convbook.data.IdxReader;
import io.github.convbook.image.AffineMatrix;
import io.github.convbook.image.Images;
import io.github.convbook.layers.Activation;
import io.github.convbook.layers.AveragePooling2D;
import io.github.convbook.layers.BatchNormalization;
import io.github.convbook.layers.Conv2D;
import io.github.convbook.layers.Conv2DTranspose;
import io.github.convbook.layers.Dense;
import io.github.convbook.layers.Dropout;
import io.github.convbook.layers.Flatten;
import io.github.convbook.layers.GlobalAveragePooling2D;
import io.github.convbook.layers.Input;
import io.github.convbook.layers.Layer;
import io.github.convbook.layers.LeakyReLU;
import io.github.convbook.layers.MaxPooling2D;
import io.github.convbook.layers.Reshape;
import io.github.convbook.layers.Softmax;
import io.github.convbook.layers.UpSampling2D;
import io.github.convbook.losses.Losses;
import io.github.convbook.models.Fit;
import io.github.convbook.models.History;
import io.github.convbook.models.Model;
import io.github.convbook.models.Sequential;
import io.github.convbook.optimizers.Adadelta;
import io.github.convbook.optimizers.Adagrad;
import io.github.convbook.optimizers.Optimizers;
import io.github.convbook.optimizers.SGD;
import io.github.convbook.plot.Plot;
import io.github.convbook.tensor.DType;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * A learner's mistakes, well over a hundred, run one after another in ONE JVM as a notebook session would: every one
 * must throw a ConvBook-facing exception with ConvBook's own message (no NullPointerException, no ND4J, oneDNN or
 * XChart text), none may end the JVM, and afterwards the session still trains a model.
 */
class MisuseSuiteTest {
    /** Words of messages that come from below ConvBook, which a learner should never have to read. */
    private static final List<String> FOREIGN = List.of("NullPointerException", "ND4J", "Nd4j", "oneDNN", "mkldnn",
            "gemm", "!!!", "org.nd4j", "org.knowm", "libnd4j", "Op [", "integer overflow");

    private static Path tmp;

    private record Case(String name, Executable call) {
    }

    @BeforeAll
    static void folder() throws IOException {
        tmp = Files.createTempDirectory("misuse");
    }

    @AfterAll
    static void theSessionStillTrains() throws IOException {
        Utils.setRandomSeed(1);
        Sequential model = new Sequential(new Dense(4).activation("relu").inputShape(3),
                new Dense(2).activation("softmax"));
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        History h = model.fit(Tensor.randn(8, 3), Tensor.of(new int[] {0, 1, 0, 1, 0, 1, 0, 1}),
                batchSize(8), verbose(0));
        assertEquals(1, h.epochs());
        assertTrue(Double.isFinite(h.get("loss").get(0)));
        try (var files = Files.walk(tmp)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Model mlp() {
        Tensor in = Input.shape(4);
        Model model = new Model(in,
                new Dense(3).activation("softmax").apply(new Dense(8).activation("relu").apply(in)));
        model.compile("sgd", "sparse_categorical_crossentropy", "accuracy");
        return model;
    }

    private static Model cnn() {
        Tensor in = Input.shape(8, 8, 1);
        Tensor x = new Conv2D(2, 3).activation("relu").apply(in);
        x = new MaxPooling2D(2).apply(x);
        x = new Flatten().apply(x);
        Model model = new Model(in, new Dense(2).activation("softmax").apply(x));
        model.compile("adam", "sparse_categorical_crossentropy");
        return model;
    }

    private static Tensor x4(int n) {
        return Tensor.randn(n, 4);
    }

    private static Tensor labels(int n, int classes) {
        int[] v = new int[n];
        Arrays.setAll(v, i -> i % classes);
        return Tensor.of(v);
    }

    private static Path file(String name, byte[] bytes) {
        try {
            return Files.write(tmp.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // ---------------------------------------------------------------- tensors
        c.add(new Case("zeros of 4 TB", () -> Tensor.zeros(100000, 100000, 100)));
        c.add(new Case("ones with a negative size", () -> Tensor.ones(-1, 3)));
        c.add(new Case("full with an overflowing count", () -> Tensor.full(1, Long.MAX_VALUE, 3)));
        c.add(new Case("randn too large for Java", () -> Tensor.randn(1L << 33)));
        c.add(new Case("random with a negative size", () -> Tensor.random(3, -2)));
        c.add(new Case("arange(-1)", () -> Tensor.arange(-1)));
        c.add(new Case("of with too few values", () -> Tensor.of(new float[] {1, 2, 3}, 2, 2)));
        c.add(new Case("of with a negative shape", () -> Tensor.of(new float[] {1, 2}, -1, -2)));
        c.add(new Case("of a ragged nested array", () -> Tensor.of(new float[][] {{1, 2}, {3}})));
        c.add(new Case("reshape to the wrong count", () -> Tensor.zeros(2, 3).reshape(4, 2)));
        c.add(new Case("reshape with two -1", () -> Tensor.zeros(2, 3).reshape(-1, -1)));
        c.add(new Case("reshape to a negative size", () -> Tensor.zeros(2, 3).reshape(-3, -2)));
        c.add(new Case("reshape to an overflowing shape", () -> Tensor.zeros(2, 3).reshape(Long.MAX_VALUE, 4)));
        c.add(new Case("squeeze an axis of size 3", () -> Tensor.zeros(2, 3).squeeze(1)));
        c.add(new Case("expandDims out of range", () -> Tensor.zeros(2, 3).expandDims(5)));
        c.add(new Case("transpose with a wrong permutation", () -> Tensor.zeros(2, 3).transpose(0, 0)));
        c.add(new Case("concat of nothing", () -> Tensor.concat(0)));
        c.add(new Case("concat of mismatched shapes", () -> Tensor.concat(0, Tensor.zeros(2, 3), Tensor.zeros(2, 4))));
        c.add(new Case("get beyond the rank", () -> Tensor.zeros(2, 3).get(0, 0, 0)));
        c.add(new Case("get out of bounds", () -> Tensor.zeros(2, 3).get(5)));
        c.add(new Case("slice on a missing axis", () -> Tensor.zeros(2, 3).slice(4, 0, 1)));
        c.add(new Case("astype to float16", () -> Tensor.zeros(2).astype("float16")));
        c.add(new Case("astype to an unknown name", () -> Tensor.zeros(2).astype("banana")));
        c.add(new Case("item of a vector", () -> Tensor.zeros(3).item()));
        c.add(new Case("add of unbroadcastable shapes", () -> Tensor.zeros(2, 3).add(Tensor.zeros(2))));
        c.add(new Case("broadcast to 40 GB", () -> Tensor.zeros(100_000, 1).mul(Tensor.zeros(1, 100_000_0))));
        c.add(new Case("matmul of mismatched shapes", () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4, 2))));
        c.add(new Case("matmul of a 3-D tensor", () -> Tensor.zeros(2, 3, 4).matmul(Tensor.zeros(4, 2))));
        c.add(new Case("matmul to a huge result", () -> Tensor.zeros(3_000_000, 1).matmul(Tensor.zeros(1, 3_000_000))));
        c.add(new Case("sum over a missing axis", () -> Tensor.zeros(2, 3).sum(3)));
        c.add(new Case("argmax over a missing axis", () -> Tensor.zeros(2, 3).argmax(-3)));
        c.add(new Case("data of a symbolic tensor", () -> Input.shape(3).data()));
        c.add(new Case("uint8 plus 300", () -> Tensor.ofUint8(new byte[] {1}, 1).add(300)));
        c.add(new Case("sub of two bools", () -> Tensor.zeros(2).eq(0).sub(Tensor.zeros(2).eq(0))));
        c.add(new Case("an unknown dtype name", () -> DType.of("complex64")));
        c.add(new Case("a shape with -5", () -> Shape.of(-5, 2)));
        // ---------------------------------------------------------------- layers: arguments
        c.add(new Case("Dense(0)", () -> new Dense(0)));
        c.add(new Case("Dense(-3)", () -> new Dense(-3)));
        c.add(new Case("Dense with an unknown activation", () -> new Dense(3).activation("swishy")));
        c.add(new Case("Dense with an unknown initializer", () -> new Dense(3).kernelInitializer("magic")));
        c.add(new Case("Conv2D(0, 3)", () -> new Conv2D(0, 3)));
        c.add(new Case("Conv2D with kernel 0", () -> new Conv2D(4, 0)));
        c.add(new Case("Conv2D with stride 0", () -> new Conv2D(4, 3).strides(0)));
        c.add(new Case("Conv2D with an unknown padding", () -> new Conv2D(4, 3).padding("full")));
        c.add(new Case("Conv2D with dilation 0", () -> new Conv2D(4, 3).dilationRate(0)));
        c.add(new Case("Conv2DTranspose(4, -1)", () -> new Conv2DTranspose(4, -1)));
        c.add(new Case("MaxPooling2D(0)", () -> new MaxPooling2D(0)));
        c.add(new Case("AveragePooling2D with stride -1", () -> new AveragePooling2D(2).strides(-1)));
        c.add(new Case("Dropout(1.5)", () -> new Dropout(1.5)));
        c.add(new Case("Dropout(-0.1)", () -> new Dropout(-0.1)));
        c.add(new Case("Dropout(NaN)", () -> new Dropout(Double.NaN)));
        c.add(new Case("Activation(\"nope\")", () -> new Activation("nope")));
        c.add(new Case("LeakyReLU(NaN)", () -> new LeakyReLU(Double.NaN)));
        c.add(new Case("Reshape(-2, 3)", () -> new Reshape(-2, 3)));
        c.add(new Case("UpSampling2D(0)", () -> new UpSampling2D(0)));
        c.add(new Case("UpSampling2D with an unknown interpolation", () -> new UpSampling2D(2).interpolation("cubic")));
        c.add(new Case("BatchNormalization with momentum 2", () -> new BatchNormalization().momentum(2)));
        c.add(new Case("BatchNormalization with epsilon -1", () -> new BatchNormalization().epsilon(-1)));
        c.add(new Case("a layer name that is null", () -> new Dense(3).name(null)));
        c.add(new Case("a layer dtype that is unknown", () -> new Dense(3).dtype("float8")));
        c.add(new Case("an input shape with a zero", () -> Input.shape(0, 3)));
        c.add(new Case("an input shape with a negative size", () -> Input.shape(-1)));
        // ---------------------------------------------------------------- layers: inputs
        c.add(new Case("Dense on a 3-D input of the wrong width", () -> {
            Dense d = new Dense(3);
            d.apply(Tensor.zeros(2, 4));
            d.apply(Tensor.zeros(2, 5));
        }));
        c.add(new Case("Dense.apply(null)", () -> new Dense(3).apply(null)));
        c.add(new Case("Conv2D on a 2-D input", () -> new Conv2D(2, 3).apply(Tensor.zeros(28, 28))));
        c.add(new Case("Conv2D on images without channels", () -> new Conv2D(2, 3).apply(Tensor.zeros(5, 28, 28))));
        c.add(new Case("Conv2D kernel larger than the image",
                () -> new Conv2D(2, 30).apply(Tensor.zeros(1, 28, 28, 1))));
        c.add(new Case("Conv2D with a huge kernel", () -> new Conv2D(2, 100_000).apply(Input.shape(28, 28, 1))));
        c.add(new Case("MaxPooling2D window larger than the input",
                () -> new MaxPooling2D(9).apply(Tensor.zeros(1, 8, 8, 1))));
        c.add(new Case("AveragePooling2D on a 2-D input", () -> new AveragePooling2D().apply(Tensor.zeros(8, 8))));
        c.add(new Case("GlobalAveragePooling2D on a vector",
                () -> new GlobalAveragePooling2D().apply(Tensor.zeros(8))));
        c.add(new Case("Reshape to the wrong count", () -> new Reshape(3, 3).apply(Tensor.zeros(2, 10))));
        c.add(new Case("UpSampling2D to a huge output",
                () -> new UpSampling2D(50_000).apply(Tensor.zeros(1, 8, 8, 3))));
        c.add(new Case("Softmax over a missing axis", () -> new Softmax(3).apply(Tensor.zeros(2, 3))));
        c.add(new Case("BatchNormalization on a scalar", () -> new BatchNormalization().apply(Tensor.scalar(1))));
        c.add(new Case("Dense with a huge kernel", () -> new Dense(2_000_000_000).apply(Input.shape(100_000))));
        c.add(new Case("setWeights before build", () -> new Dense(3).setWeights(Tensor.zeros(4, 3), Tensor.zeros(3))));
        c.add(new Case("setWeights with a wrong shape", () -> {
            Dense d = new Dense(3);
            d.apply(Tensor.zeros(1, 4));
            d.setWeights(Tensor.zeros(3, 4), Tensor.zeros(3));
        }));
        c.add(new Case("setWeights with a null bias", () -> {
            Dense d = new Dense(3);
            d.apply(Tensor.zeros(1, 4));
            d.setWeights(Tensor.zeros(4, 3), null);
        }));
        c.add(new Case("setWeights(null list)", () -> {
            Dense d = new Dense(3);
            d.apply(Tensor.zeros(1, 4));
            d.setWeights((List<Tensor>) null);
        }));
        c.add(new Case("countParams before build", () -> new Dense(3).countParams()));
        c.add(new Case("changing kernelSize after build", () -> {
            Conv2D conv = new Conv2D(2, 3);
            conv.apply(Tensor.zeros(1, 8, 8, 1));
            conv.kernelSize(5, 5);
        }));
        // ---------------------------------------------------------------- models
        c.add(new Case("new Model(null, null)", () -> new Model(null, null)));
        c.add(new Case("new Model of values, not symbols", () -> new Model(Tensor.zeros(2), Tensor.zeros(2))));
        c.add(new Case("new Model on disconnected graphs", () -> new Model(Input.shape(3),
                new Dense(2).apply(Input.shape(3)))));
        c.add(new Case("Sequential.add(null)", () -> new Sequential().add((Layer) null)));
        c.add(new Case("new Sequential(null list)", () -> new Sequential((List<Layer>) null)));
        c.add(new Case("Sequential add after the input shape mismatch", () -> new Sequential(new Dense(3).inputShape(4),
                new Conv2D(2, 3))));
        c.add(new Case("Sequential.add(Input) after layers", () -> new Sequential(new Dense(3)).add(Input.shape(4))));
        c.add(new Case("Sequential.build(null)", () -> new Sequential(new Dense(3)).build((int[]) null)));
        c.add(new Case("summary of an unbuilt model", () -> new Sequential(new Dense(3)).summary()));
        c.add(new Case("getLayer of a missing name", () -> mlp().getLayer("nope")));
        c.add(new Case("model.setWeights(null)", () -> mlp().setWeights(null)));
        c.add(new Case("model.setWeights with too few", () -> mlp().setWeights(List.of(Tensor.zeros(4, 8)))));
        c.add(new Case("model.setWeights with a bad second layer", () -> {
            Model m = mlp();
            List<Tensor> w = new ArrayList<>(m.getWeights());
            w.set(2, Tensor.zeros(3, 3));
            m.setWeights(w);
        }));
        c.add(new Case("compile with an unknown optimizer", () -> mlp().compile("adamw", "mse")));
        c.add(new Case("compile with an unknown loss", () -> mlp().compile("sgd", "hinge_squared")));
        c.add(new Case("compile with an unknown metric", () -> mlp().compile("sgd", "mse", "f1")));
        c.add(new Case("compile with a null optimizer name", () -> mlp().compile((String) null, "mse")));
        c.add(new Case("compile with a null loss", () -> mlp().compile("sgd", (String) null)));
        c.add(new Case("compile with a null metric", () -> mlp().compile("sgd", "mse", (String) null)));
        c.add(new Case("fit before compile",
                () -> new Sequential(new Dense(2).inputShape(4)).fit(x4(4), labels(4, 2))));
        c.add(new Case("fit on null x", () -> mlp().fit(null, labels(4, 3))));
        c.add(new Case("fit on null y", () -> mlp().fit(x4(4), null)));
        c.add(new Case("fit on empty arrays", () -> mlp().fit(Tensor.zeros(0, 4), labels(0, 3), verbose(0))));
        c.add(new Case("fit with validationSplit(0.999) of 100", () -> mlp().fit(x4(100), labels(100, 3),
                validationSplit(0.999), verbose(0))));
        c.add(new Case("fit with empty validation data", () -> mlp().fit(x4(8), labels(8, 3),
                validationData(Tensor.zeros(0, 4), labels(0, 3)), verbose(0))));
        c.add(new Case("fit with validation data of the wrong width", () -> mlp().fit(x4(8), labels(8, 3),
                validationData(Tensor.zeros(4, 5), labels(4, 3)), verbose(0))));
        c.add(new Case("fit with mismatched sample counts", () -> mlp().fit(x4(8), labels(7, 3), verbose(0))));
        c.add(new Case("fit with the wrong input width",
                () -> mlp().fit(Tensor.zeros(8, 5), labels(8, 3), verbose(0))));
        c.add(new Case("fit with labels beyond the classes", () -> mlp().fit(x4(8), labels(8, 7), verbose(0))));
        c.add(new Case("fit with one-hot targets of the wrong width",
                () -> mlp().fit(x4(8), Tensor.zeros(8, 5), verbose(0))));
        c.add(new Case("fit with a scalar target", () -> mlp().fit(x4(8), Tensor.scalar(1), verbose(0))));
        c.add(new Case("fit on images without channels",
                () -> cnn().fit(Tensor.zeros(4, 8, 8), labels(4, 2), verbose(0))));
        c.add(new Case("fit with a null option", () -> mlp().fit(x4(4), labels(4, 3), (Fit.Option) null)));
        c.add(new Case("epochs(0)", () -> epochs(0)));
        c.add(new Case("batchSize(0)", () -> batchSize(0)));
        c.add(new Case("validationSplit(1)", () -> validationSplit(1)));
        c.add(new Case("validationSplit(-0.2)", () -> validationSplit(-0.2)));
        c.add(new Case("validationSplit(NaN)", () -> validationSplit(Double.NaN)));
        c.add(new Case("verbose(3)", () -> verbose(3)));
        c.add(new Case("validationData(null, null)", () -> validationData(null, null)));
        c.add(new Case("evaluate on empty arrays", () -> mlp().evaluate(Tensor.zeros(0, 4), labels(0, 3), verbose(0))));
        c.add(new Case("evaluate with the wrong width",
                () -> mlp().evaluate(Tensor.zeros(3, 2), labels(3, 3), verbose(0))));
        c.add(new Case("predict(null)", () -> mlp().predict(null)));
        c.add(new Case("predict with batch size 0", () -> mlp().predict(x4(3), 0)));
        c.add(new Case("predict on a single sample without batch axis", () -> mlp().predict(Tensor.zeros(4))));
        c.add(new Case("predict a huge upsampling", () -> {
            Tensor in = Input.shape(64, 64, 3);
            new Model(in, new UpSampling2D(20_000).apply(in)).predict(Tensor.zeros(1, 64, 64, 3));
        }));
        c.add(new Case("apply(null)", () -> mlp().apply(null, false)));
        c.add(new Case("gradients before compile", () -> {
            Tensor in = Input.shape(4);
            new Model(in, new Dense(2).apply(in)).gradients(x4(2), labels(2, 2));
        }));
        // ---------------------------------------------------------------- optimizers and losses
        c.add(new Case("Activation with an empty name", () -> new Activation("")));
        c.add(new Case("Dense on a symbolic input of the wrong width", () -> {
            Dense d = new Dense(3);
            d.apply(Input.shape(4));
            d.apply(Input.shape(6));
        }));
        c.add(new Case("a Conv2D on a Dense output", () -> new Conv2D(2, 3).apply(new Dense(4).apply(Input.shape(3)))));
        c.add(new Case("SGD(-0.1)", () -> new SGD(-0.1)));
        c.add(new Case("SGD(NaN)", () -> new SGD(Double.NaN)));
        c.add(new Case("SGD with momentum 1.5", () -> new SGD(0.1, 1.5, false)));
        c.add(new Case("Adagrad with a negative accumulator", () -> new Adagrad(0.01, -1, 1e-7)));
        c.add(new Case("Adadelta(infinity)", () -> new Adadelta(Double.POSITIVE_INFINITY)));
        c.add(new Case("Optimizers.get(\"adamax\")", () -> Optimizers.get("adamax")));
        c.add(new Case("Optimizers.get(null)", () -> Optimizers.get(null)));
        c.add(new Case("Losses.get(\"hinge\")", () -> Losses.get("hinge")));
        c.add(new Case("Losses.get(null)", () -> Losses.get(null)));
        c.add(new Case("mse on mismatched shapes",
                () -> Losses.get("mse").call(Tensor.zeros(2, 3), Tensor.zeros(2, 4))));
        // ---------------------------------------------------------------- plots
        c.add(new Case("imshow(null)", () -> Plot.imshow(null)));
        c.add(new Case("imshow of a 4-D batch", () -> Plot.imshow(Tensor.zeros(2, 8, 8, 1))));
        c.add(new Case("imshow with an unknown colour map", () -> Plot.imshow(Tensor.zeros(8, 8), "rainbowz")));
        c.add(new Case("imshow with vmin = NaN", () -> Plot.imshow(Tensor.zeros(8, 8), "gray", Double.NaN, 1)));
        c.add(new Case("imshow with vmax = infinity",
                () -> Plot.imshow(Tensor.zeros(8, 8), "gray", 0, Double.POSITIVE_INFINITY)));
        c.add(new Case("lines with an infinite loss",
                () -> Plot.lines("loss", new double[] {1, Double.POSITIVE_INFINITY})));
        c.add(new Case("lines with a NaN loss", () -> Plot.lines("loss", List.of(0.5, Double.NaN))));
        c.add(new Case("lines with no values", () -> Plot.lines("loss", new double[0])));
        c.add(new Case("lines with null values", () -> Plot.lines("loss", (double[]) null)));
        c.add(new Case("lines of an empty history", () -> Plot.lines(new History())));
        c.add(new Case("lines of a missing metric", () -> {
            History h = new History();
            h.record("loss", 1);
            Plot.lines(h, "val_loss");
        }));
        c.add(new Case("x values of the wrong length", () -> Plot.lines("loss", new double[] {1, 2}).x(1, 2, 3)));
        c.add(new Case("x values with NaN", () -> Plot.lines("loss", new double[] {1, 2}).x(1, Double.NaN)));
        c.add(new Case("an unknown colour", () -> Plot.lines("loss", new double[] {1, 2}).color("loss", "blurple")));
        c.add(new Case("colouring a missing curve", () -> Plot.lines("loss", new double[] {1, 2}).color("acc", "red")));
        c.add(new Case("bar with NaN", () -> Plot.bar(new String[] {"a", "b"}, new double[] {1, Double.NaN})));
        c.add(new Case("bar with mismatched labels", () -> Plot.bar(new String[] {"a"}, new double[] {1, 2})));
        c.add(new Case("bar of a matrix", () -> Plot.bar(Tensor.zeros(3, 3))));
        c.add(new Case("subplots(0, 2)", () -> Plot.subplots(0, 2)));
        c.add(new Case("an axes outside the grid", () -> Plot.subplots(2, 2).ax(2, 0)));
        c.add(new Case("a negative figure size", () -> Plot.subplots(1, 1).size(-1, 2)));
        c.add(new Case("saving as .tiff", () -> Plot.imshow(Tensor.zeros(8, 8)).save(tmp.resolve("pic.tiff"))));
        c.add(new Case("saving without an extension", () -> Plot.imshow(Tensor.zeros(8, 8)).save(tmp.resolve("pic"))));
        c.add(new Case("saving into a missing folder",
                () -> Plot.imshow(Tensor.zeros(8, 8)).save(tmp.resolve("no/such/pic.png"))));
        c.add(new Case("saving to null", () -> Plot.imshow(Tensor.zeros(8, 8)).save((String) null)));
        c.add(new Case("reconstructions of different counts",
                () -> Plot.reconstructions(Tensor.zeros(3, 8, 8), Tensor.zeros(2, 8, 8))));
        // ---------------------------------------------------------------- images
        c.add(new Case("warpAffine to size 0", () -> Images.warpAffine(Tensor.zeros(8, 8),
                Images.getRotationMatrix2D(4, 4, 10, 1), 0, 8)));
        c.add(new Case("warpAffine to a huge size", () -> Images.warpAffine(Tensor.zeros(8, 8),
                Images.getRotationMatrix2D(4, 4, 10, 1), 1_000_000, 1_000_000)));
        c.add(new Case("warpAffine of a batch", () -> Images.warpAffine(Tensor.zeros(2, 8, 8, 1),
                Images.getRotationMatrix2D(4, 4, 10, 1), 8, 8)));
        c.add(new Case("warpAffine with a singular matrix", () -> Images.warpAffine(Tensor.zeros(8, 8),
                Images.getRotationMatrix2D(4, 4, 10, 0), 8, 8)));
        c.add(new Case("warpAffine with a NaN matrix", () -> Images.warpAffine(Tensor.zeros(8, 8),
                Images.getRotationMatrix2D(4, 4, Double.NaN, 1), 8, 8)));
        c.add(new Case("a matrix tensor of the wrong shape", () -> AffineMatrix.of(Tensor.zeros(3, 3))));
        c.add(new Case("rotate a vector", () -> Images.rotate(Tensor.zeros(8), 10)));
        c.add(new Case("rotate by NaN", () -> Images.rotate(Tensor.zeros(8, 8), Double.NaN)));
        c.add(new Case("shift by infinity", () -> Images.shift(Tensor.zeros(8, 8), Double.POSITIVE_INFINITY, 0)));
        c.add(new Case("rotate bool images", () -> Images.rotate(Tensor.zeros(8, 8).eq(0), 10)));
        // ---------------------------------------------------------------- data files
        c.add(new Case("an IDX file that does not exist", () -> IdxReader.read(tmp.resolve("missing-idx"))));
        c.add(new Case("an empty IDX file", () -> IdxReader.read(file("empty.idx", new byte[0]))));
        c.add(new Case("an IDX file with a wrong magic number", () -> IdxReader.read(file("magic.idx",
                new byte[] {1, 2, 3, 4, 0, 0, 0, 1, 5}))));
        c.add(new Case("an IDX file with a huge header", () -> IdxReader.read(file("huge.idx",
                new byte[] {0, 0, 8, 3, 127, -1, -1, -1, 127, -1, -1, -1, 127, -1, -1, -1}))));
        c.add(new Case("a truncated IDX file", () -> IdxReader.read(file("short.idx",
                new byte[] {0, 0, 8, 1, 0, 0, 0, 9, 1, 2}))));
        c.add(new Case("an IDX file longer than its header", () -> IdxReader.read(file("long.idx",
                new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 1, 2}))));
        c.add(new Case("a gzip IDX file that is cut", () -> IdxReader.read(file("cut.gz",
                new byte[] {0x1f, (byte) 0x8b, 8, 0, 0}))));
        return c;
    }

    @TestFactory
    Stream<DynamicTest> everyMisuseGivesAConvBookError() {
        List<Case> all = cases();
        assertTrue(all.size() >= 100, "the suite has " + all.size() + " cases");
        return all.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(Case c) {
        Throwable thrown = null;
        try {
            c.call().execute();
        } catch (Throwable t) {
            thrown = t;
        }
        if (thrown == null) {
            fail(c.name() + ": no error was raised");
        }
        if (thrown instanceof Error) {
            throw new AssertionError(c.name() + ": an Error escaped: " + thrown, thrown);
        }
        boolean facing = thrown instanceof IllegalArgumentException || thrown instanceof IllegalStateException
                || thrown instanceof UncheckedIOException || thrown instanceof DatasetException
                || thrown instanceof CellInterruptedException
                // an index past the end, as Python's IndexError, with ConvBook's message
                || thrown instanceof IndexOutOfBoundsException;
        assertTrue(facing, c.name() + ": " + thrown.getClass().getName() + ": " + thrown.getMessage());
        String message = thrown.getMessage();
        assertNotNull(message, c.name() + ": no message");
        assertFalse(message.isBlank(), c.name() + ": an empty message");
        for (String word : FOREIGN) {
            assertFalse(message.contains(word), c.name() + ": the message shows '" + word + "': " + message);
        }
        assertFalse(Thread.currentThread().isInterrupted());
    }

    /** Keeps unused-import warnings away while the map type documents what Plot.lines accepts. */
    @SuppressWarnings("unused")
    private static final Class<?> SERIES = Map.class;
}
