package io.github.convbook.data;

import io.github.convbook.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads arrays from a NumPy {@code .npz} file: a zip archive with one {@code NAME.npy} entry per array. */
final class NpzReader {
    private NpzReader() {
    }

    /** The named arrays, in the order asked for: {@code read(file, "x_train", "y_train")}. */
    static Map<String, Tensor> read(Path file, String... names) {
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (String name : names) {
                ZipEntry entry = zip.getEntry(name + ".npy");
                if (entry == null) {
                    throw new DatasetException(file + " has no array '" + name + "': expected entries "
                            + List.of(names) + ", found " + entryNames(zip));
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    arrays.put(name, NpyReader.read(in, file + ":" + entry.getName()));
                }
            }
        } catch (IOException e) {
            throw new DatasetException(file + " is not a complete .npz (zip) file (" + e.getMessage()
                    + "). Delete it and fetch it again.", e);
        }
        return arrays;
    }

    private static List<String> entryNames(ZipFile zip) {
        List<String> names = new ArrayList<>();
        zip.stream().forEach(e -> names.add(e.getName()));
        return names;
    }
}
