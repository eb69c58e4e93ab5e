package io.github.convbook.models;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.jhdf.HdfFile;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The {@code .keras} archive of tf.keras 2.15's {@code saving_lib.save_model}: a zip (entries stored, not deflated,
 * as Python's {@code zipfile} writes them by default) holding {@code metadata.json}
 * ({@code {"keras_version": "2.15.0", "date_saved": "2024-01-31@12:00:00"}}), {@code config.json} (see
 * {@link ModelConfig}) and {@code model.weights.h5} (see {@link WeightsFile}). Keras 3 writes the same three entries.
 */
final class KerasArchive {
    static final String KERAS_VERSION = "2.15.0";
    static final String CONFIG = "config.json";
    static final String METADATA = "metadata.json";
    static final String WEIGHTS = "model.weights.h5";

    private KerasArchive() {
    }

    static void save(Model model, Path path) {
        requireKerasExtension(path, "save");
        String config = new GsonBuilder().serializeNulls().create().toJson(ModelConfig.toJson(model));
        JsonObject metadata = new JsonObject();
        metadata.addProperty("keras_version", KERAS_VERSION);
        metadata.addProperty("date_saved",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss")));
        byte[] weights = weightsBytes(model);
        AtomicFile.write(path, temporary -> {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
                 ZipOutputStream zip = new ZipOutputStream(out)) {
                stored(zip, METADATA, metadata.toString().getBytes(StandardCharsets.UTF_8));
                stored(zip, CONFIG, config.getBytes(StandardCharsets.UTF_8));
                stored(zip, WEIGHTS, weights);
            }
        });
    }

    /** jHDF writes to a file: the weights go through a private temporary file, then into the zip. */
    private static byte[] weightsBytes(Model model) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("convbook-save");
            Path h5 = dir.resolve(WEIGHTS);
            WeightsFile.write(model, h5);
            return Files.readAllBytes(h5);
        } catch (IOException e) {
            throw new ModelFileException("Cannot write the weights of model '" + model.name() + "': " + e, e);
        } finally {
            if (dir != null) {
                try {
                    Files.deleteIfExists(dir.resolve(WEIGHTS));
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // a leftover in the system's temporary directory
                }
            }
        }
    }

    private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    static Model load(Path path) {
        requireKerasExtension(path, "load");
        Map<String, byte[]> entries = entries(path);
        JsonObject root = json(entries, path);
        Model model = ModelConfig.build(root, path.toString());
        try (HdfFile file = hdf(entries, path)) {
            WeightsFile.assign(WeightsFile.read(model, file, path + " (" + WEIGHTS + ")"));
        }
        if (root.has("compile_config") && root.get("compile_config").isJsonObject()) {
            ModelConfig.compile(model, root.getAsJsonObject("compile_config"), path.toString());
        }
        return model;
    }

    /** {@code model.load_weights}: from a {@code .weights.h5} file or a {@code .keras} archive's weights. */
    static void loadWeights(Model model, Path path) {
        String name = path.getFileName().toString();
        model.requireBuilt();
        HdfFile file;
        String source;
        if (name.endsWith(".keras")) {
            file = hdf(entries(path), path);
            source = path + " (" + WEIGHTS + ")";
        } else if (name.endsWith(".weights.h5")) {
            file = hdf(bytes(path, "an HDF5 weights file"), path);
            source = path.toString();
        } else {
            throw new ModelFileException("loadWeights: expected a .weights.h5 or .keras file, got " + path
                    + (name.endsWith(".h5")
                    ? ". The legacy Keras .h5 format is not read: in Keras, save the weights with"
                    + " model.save_weights(\"model.weights.h5\")" : ""));
        }
        try (HdfFile opened = file) {
            WeightsFile.assign(WeightsFile.read(model, opened, source));
        }
    }

    private static void requireKerasExtension(Path path, String call) {
        String name = path.getFileName().toString();
        if (name.endsWith(".keras")) {
            return;
        }
        String hint = name.endsWith(".h5") || name.endsWith(".hdf5")
                ? ": the legacy Keras .h5 full-model format is not supported; use \"....keras\" for the model, or"
                + " saveWeights(\"....weights.h5\") for the weights alone"
                : ": use a file name ending in .keras (Keras's model format), or saveWeights(\"....weights.h5\")";
        throw new ModelFileException(call + ": unknown extension for " + path + hint);
    }

    private static byte[] bytes(Path path, String what) {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ModelFileException("No such file: " + path + " (expected " + what + ")", e);
        } catch (IOException e) {
            throw new ModelFileException("Cannot read " + path + ": " + e, e);
        }
    }

    private static Map<String, byte[]> entries(Path path) {
        byte[] archive = bytes(path, "a .keras archive");
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (ZipException | EOFException e) {
            throw new ModelFileException(path + " is not a valid .keras archive (a corrupt or truncated zip): "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new ModelFileException("Cannot read " + path + ": " + e, e);
        }
        if (entries.isEmpty()) {
            throw new ModelFileException(path + " is not a .keras archive: it is not a zip file (or an empty one)");
        }
        for (String required : List.of(CONFIG, WEIGHTS)) {
            if (!entries.containsKey(required)) {
                throw new ModelFileException(path + " is not a complete .keras archive: it has no " + required
                        + " (entries: " + entries.keySet() + ")");
            }
        }
        return entries;
    }

    private static JsonObject json(Map<String, byte[]> entries, Path path) {
        try {
            JsonElement root = new JsonParser().parse(new String(entries.get(CONFIG), StandardCharsets.UTF_8));
            if (!root.isJsonObject()) {
                throw new ModelFileException(path + ": config.json is not a JSON object");
            }
            return root.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new ModelFileException(path + ": config.json is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static HdfFile hdf(Map<String, byte[]> entries, Path path) {
        return hdf(entries.get(WEIGHTS), path);
    }

    private static HdfFile hdf(byte[] bytes, Path path) {
        try {
            return HdfFile.fromBytes(bytes);
        } catch (RuntimeException e) {
            throw new ModelFileException(path + ": the weights are not a readable HDF5 file (corrupt or truncated?): "
                    + e.getMessage(), e);
        }
    }
}
