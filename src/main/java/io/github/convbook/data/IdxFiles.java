package io.github.convbook.data;

import io.github.convbook.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A folder with a dataset in the four standard IDX files of MNIST, each raw or gzip-compressed:
 * {@code train-images-idx3-ubyte(.gz)}, {@code train-labels-idx1-ubyte(.gz)}, {@code t10k-images-idx3-ubyte(.gz)}
 * and {@code t10k-labels-idx1-ubyte(.gz)}.
 */
final class IdxFiles {
    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    static final List<String> NAMES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    private IdxFiles() {
    }

    /**
     * Whether {@code dir} holds any of the four files (a folder with only some of them is reported by
     * {@link #load}).
     */
    static boolean isPresent(Path dir) {
        return NAMES.stream().anyMatch(name -> find(dir, name).isPresent());
    }

    /** Reads the four files in {@code dir}. */
    static Dataset load(Path dir) {
        List<String> missing = new ArrayList<>();
        for (String name : NAMES) {
            if (find(dir, name).isEmpty()) {
                missing.add(name + "(.gz)");
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetException(dir + " is incomplete: expected the four files " + NAMES
                    + " (each raw or .gz), missing " + missing
                    + ". Run `bash data/fetch.sh` again, or delete the folder.");
        }
        return new Dataset(split(dir, TRAIN_IMAGES, TRAIN_LABELS), split(dir, TEST_IMAGES, TEST_LABELS));
    }

    private static Split split(Path dir, String imagesName, String labelsName) {
        Path images = find(dir, imagesName).orElseThrow();
        Path labels = find(dir, labelsName).orElseThrow();
        Tensor x = IdxReader.read(images);
        Tensor y = IdxReader.read(labels);
        return Split.checked(x, images.toString(), y, labels.toString());
    }

    /** The file {@code name} or {@code name.gz} in {@code dir}. */
    private static Optional<Path> find(Path dir, String name) {
        for (Path candidate : List.of(dir.resolve(name), dir.resolve(name + ".gz"))) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
