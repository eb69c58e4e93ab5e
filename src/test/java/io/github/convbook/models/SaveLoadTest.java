package io.github.convbook.models;

import static io.github.convbook.models.Fit.batchSize;
import static io.github.convbook.models.Fit.epochs;
import static io.github.convbook.models.Fit.verbose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.Backend;
import io.github.convbook.Utils;
import io.github.convbook.layers.BatchNormalization;
import io.github.convbook.layers.Conv2D;
import io.github.convbook.layers.Conv2DTranspose;
import io.github.convbook.layers.Dense;
import io.github.convbook.layers.Dropout;
import io.github.convbook.layers.Flatten;
import io.github.convbook.layers.Input;
import io.github.convbook.layers.Layer;
import io.github.convbook.layers.MaxPooling2D;
import io.github.convbook.layers.UpSampling2D;
import io.github.convbook.optimizers.Adam;
import io.github.convbook.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** model.save / Model.load and saveWeights / loadWeights in Keras's .keras and .weights.h5 formats. */
class SaveLoadTest {
    @TempDir
    Path dir;

    static Model convnet() {
        Tensor inputs = Input.shape(12, 12, 1);
        Tensor x = new Conv2D(4, 3).activation("relu").apply(inputs);
        x = new MaxPooling2D(2).apply(x);
        x = new Flatten().apply(x);
        Tensor outputs = new Dense(3).activation("softmax").apply(x);
        return new Model(inputs, outputs).name("convnet");
    }

    static Model autoencoder() {
        Tensor inputs = Input.shape(8, 8, 1);
        Tensor x = new Conv2D(4, 3).padding("same").activation("relu").apply(inputs);
        x = new MaxPooling2D(2).apply(x);
        x = new UpSampling2D(2).apply(x);
        Tensor outputs = new Conv2DTranspose(1, 3).padding("same").activation("sigmoid").apply(x);
        return new Model(inputs, outputs);
    }

    static Sequential mlp() {
        Sequential model = new Sequential(new Dense(16).activation("relu").inputShape(10), new BatchNormalization(),
                new Dropout(0.5), new Dense(3).activation("softmax").name("classes"));
        return model;
    }

    static String summary(Model model) {
        List<String> lines = new ArrayList<>();
        model.summary(lines::add);
        return String.join("\n", lines);
    }

    static List<String> names(Model model) {
        return model.layers().stream().map(Layer::name).toList();
    }

    static void assertSameWeights(Model expected, Model actual) {
        List<Tensor> a = expected.getWeights();
        List<Tensor> b = actual.getWeights();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).shape(), b.get(i).shape());
            assertArrayEquals(a.get(i).data().dup().data().asFloat(), b.get(i).data().dup().data().asFloat());
        }
    }

    static void assertSamePredictions(Model expected, Model actual, Tensor x) {
        assertArrayEquals(expected.predict(x).data().dup().data().asFloat(),
                actual.predict(x).data().dup().data().asFloat());
    }

    private Model roundTrip(Model model, Tensor x) {
        Path file = dir.resolve("model.keras");
        model.save(file);
        Model loaded = Model.load(file);
        assertEquals(summary(model), summary(loaded));
        assertEquals(names(model), names(loaded));
        assertEquals(model.name(), loaded.name());
        assertSameWeights(model, loaded);
        assertSamePredictions(model, loaded, x);
        return loaded;
    }

    @Test
    void convnetRoundTripKeepsPredictionsSummaryNamesAndCompilation() {
        Backend.clearSession();
        Utils.setRandomSeed(7);
        Model model = convnet();
        model.compile(new Adam(0.002), "sparse_categorical_crossentropy", "accuracy");
        Tensor x = Tensor.random(20, 12, 12, 1);
        Tensor y = Tensor.wrap(Nd4j.createFromArray(new float[] {0, 1, 2, 0, 1, 2, 0, 1, 2, 0,
                1, 2, 0, 1, 2, 0, 1, 2, 0, 1}));
        model.fit(x, y, epochs(1), batchSize(10), verbose(0));
        Model loaded = roundTrip(model, x);
        assertFalse(loaded instanceof Sequential);
        Trainer trainer = loaded.compiled();
        assertNotNull(trainer, "compiled again from compile_config");
        assertInstanceOf(Adam.class, trainer.optimizer());
        assertEquals(0.002, trainer.optimizer().learningRate(), 1e-12);
        assertEquals("sparse_categorical_crossentropy", trainer.loss().name());
        assertEquals(List.of("accuracy"), trainer.metricNames());
        assertEquals(model.evaluate(x, y, verbose(0)).toString(), loaded.evaluate(x, y, verbose(0)).toString());
    }

    @Test
    void autoencoderRoundTrip() {
        Backend.clearSession();
        Utils.setRandomSeed(8);
        roundTrip(autoencoder(), Tensor.random(5, 8, 8, 1));
    }

    @Test
    void sequentialMlpRoundTripRestoresBatchNormalizationMovingStatistics() {
        Backend.clearSession();
        Utils.setRandomSeed(9);
        Sequential model = mlp();
        model.compile("rmsprop", "sparse_categorical_crossentropy", "accuracy");
        Tensor x = Tensor.random(40, 10);
        Tensor y = Tensor.wrap(Nd4j.createFromArray(new float[40]));
        model.fit(x, y, epochs(2), batchSize(8), verbose(0));
        BatchNormalization bn = (BatchNormalization) model.layers.get(1);
        float[] movingMean = bn.getWeights().get(2).data().data().asFloat();
        assertTrue(Math.abs(movingMean[0]) + Math.abs(movingMean[1]) + Math.abs(movingMean[5]) > 0,
                "training moved the statistics");
        Model loaded = roundTrip(model, x);
        assertInstanceOf(Sequential.class, loaded);
        assertArrayEquals(movingMean, loaded.layers.get(1).getWeights().get(2).data().data().asFloat());
        assertEquals("classes", loaded.layers.get(3).name());
    }

    @Test
    void weightsOnlyRoundTrip() {
        Backend.clearSession();
        Utils.setRandomSeed(10);
        Model trained = convnet();
        Model fresh = convnet();
        Path file = dir.resolve("convnet.weights.h5");
        trained.saveWeights(file);
        fresh.loadWeights(file);
        assertSameWeights(trained, fresh);
        Tensor x = Tensor.random(3, 12, 12, 1);
        assertSamePredictions(trained, fresh, x);
        Model other = convnet();
        trained.save(dir.resolve("whole.keras"));
        other.loadWeights(dir.resolve("whole.keras"));   // the weights of an archive too, as Keras's load_weights
        assertSameWeights(trained, other);
    }

    private static List<float[]> snapshot(Model model) {
        return model.getWeights().stream().map(t -> t.data().dup().data().asFloat()).toList();
    }

    private static void assertUnchanged(List<float[]> before, Model model) {
        List<float[]> after = snapshot(model);
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i));
        }
    }

    @Test
    void truncatedFilesFailClearlyAndLeaveTheModelUnchanged() throws IOException {
        Backend.clearSession();
        Model model = convnet();
        Path good = dir.resolve("good.weights.h5");
        convnet().saveWeights(good);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.weights.h5");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        List<float[]> before = snapshot(model);
        ModelFileException e = assertThrows(ModelFileException.class, () -> model.loadWeights(truncated));
        assertTrue(e.getMessage().contains("truncated.weights.h5"), e.getMessage());
        assertUnchanged(before, model);

        Path archive = dir.resolve("good.keras");
        convnet().save(archive);
        byte[] zip = Files.readAllBytes(archive);
        Path cut = dir.resolve("cut.keras");
        Files.write(cut, Arrays.copyOf(zip, zip.length - 300));
        e = assertThrows(ModelFileException.class, () -> Model.load(cut));
        assertTrue(e.getMessage().contains("cut.keras"), e.getMessage());
        e = assertThrows(ModelFileException.class, () -> model.loadWeights(cut));
        assertUnchanged(before, model);

        Path text = dir.resolve("notes.keras");
        Files.writeString(text, "not a zip");
        e = assertThrows(ModelFileException.class, () -> Model.load(text));
        assertTrue(e.getMessage().contains("not a zip"), e.getMessage());
        Path notHdf = dir.resolve("notes.weights.h5");
        Files.writeString(notHdf, "not HDF5 either");
        e = assertThrows(ModelFileException.class, () -> model.loadWeights(notHdf));
        assertTrue(e.getMessage().contains("HDF5"), e.getMessage());
        assertUnchanged(before, model);
    }

    @Test
    void wrongShapesAndLayerCountsNameTheLayerAndLeaveTheModelUnchanged() {
        Backend.clearSession();
        Tensor inputs = Input.shape(12, 12, 1);
        Tensor x = new Conv2D(4, 3).activation("relu").apply(inputs);
        x = new MaxPooling2D(2).apply(x);
        x = new Flatten().apply(x);
        Model wider = new Model(inputs, new Dense(5).activation("softmax").apply(x));
        Path file = dir.resolve("wider.weights.h5");
        wider.saveWeights(file);
        Model model = convnet();
        List<float[]> before = snapshot(model);
        ModelFileException e = assertThrows(ModelFileException.class, () -> model.loadWeights(file));
        assertTrue(e.getMessage().contains("layer 'dense"), e.getMessage());
        assertTrue(e.getMessage().contains("kernel") && e.getMessage().contains("(100, 3)")
                && e.getMessage().contains("(100, 5)"), e.getMessage());
        assertUnchanged(before, model);

        Path mlp = dir.resolve("mlp.weights.h5");
        mlp().saveWeights(mlp);
        e = assertThrows(ModelFileException.class, () -> model.loadWeights(mlp));
        assertTrue(e.getMessage().contains("layers"), e.getMessage());
        assertUnchanged(before, model);
    }

    @Test
    void unknownLayerClassIsRefusedWithTheSupportedList() throws IOException {
        Backend.clearSession();
        Path file = dir.resolve("custom.keras");
        convnet().save(file);
        Path edited = dir.resolve("edited.keras");
        rewriteConfig(file, edited, c -> c.replace("\"class_name\":\"Flatten\"", "\"class_name\":\"LSTM\""));
        ModelFileException e = assertThrows(ModelFileException.class, () -> Model.load(edited));
        assertTrue(e.getMessage().contains("'LSTM'") && e.getMessage().contains("Conv2DTranspose"), e.getMessage());
    }

    static void rewriteConfig(Path from, Path to, UnaryOperator<String> edit) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipFile zip = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(buffer)) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                byte[] bytes = zip.getInputStream(e).readAllBytes();
                if (e.getName().equals("config.json")) {
                    bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.write(to, buffer.toByteArray());
    }

    @Test
    void clearErrorsForMissingFilesAndUnknownExtensions() {
        Backend.clearSession();
        Model model = convnet();
        ModelFileException e = assertThrows(ModelFileException.class, () -> Model.load(dir.resolve("nothing.keras")));
        assertTrue(e.getMessage().startsWith("No such file"), e.getMessage());
        e = assertThrows(ModelFileException.class, () -> model.save(dir.resolve("model.h5")));
        assertTrue(e.getMessage().contains(".keras") && e.getMessage().contains(".weights.h5"), e.getMessage());
        e = assertThrows(ModelFileException.class, () -> model.saveWeights(dir.resolve("model.npz")));
        assertTrue(e.getMessage().contains(".weights.h5"), e.getMessage());
        e = assertThrows(ModelFileException.class, () -> model.loadWeights(dir.resolve("legacy.h5")));
        assertTrue(e.getMessage().contains("legacy"), e.getMessage());
    }

    @Test
    void savedFilesFollowTheUmaskAndReplaceOldOnesAtomically() throws IOException {
        Backend.clearSession();
        Model model = convnet();
        Path file = dir.resolve("model.keras");
        Path weights = dir.resolve("model.weights.h5");
        model.save(file);
        model.saveWeights(weights);
        String expected = expectedPermissions();
        assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(weights)));

        Files.writeString(file, "old content");
        Files.writeString(weights, "old content");
        model.save(file);
        model.saveWeights(weights);
        assertNotNull(Model.load(file));
        model.loadWeights(weights);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("model.keras", "model.weights.h5"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left behind");
        }
        assertThrows(ModelFileException.class, () -> model.save(dir.resolve("missing-dir/model.keras")));
    }

    /** What a plain new file gets here: 0666 less the umask (rw-r--r-- under umask 022). */
    private String expectedPermissions() throws IOException {
        Path probe = dir.resolve("probe");
        Files.newOutputStream(probe).close();
        String permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(probe));
        Files.delete(probe);
        return permissions;
    }
}
