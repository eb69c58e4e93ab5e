package io.github.convbook.data;

import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where datasets are looked for, in order, and where they are downloaded from.
 *
 * <ol>
 *   <li>{@code dataDirs}: folders holding {@code mnist/}, {@code fashion-mnist/} (IDX files, as {@code data/fetch.sh}
 *       builds them). By default {@code data/} in the working directory and in the project root (the nearest folder
 *       above the working directory with a {@code pom.xml} and a {@code data/} folder, since notebooks run in
 *       {@code notebooks/}), and {@code data/} beside the folder of ConvBook's jar ({@code kernel-lib/../data}).
 *       The setting {@code CONVBOOK_DATA} replaces them with one folder of your choice.</li>
 *   <li>{@code kerasDatasets}: Keras's download cache, {@code ~/.keras/datasets} (or
 *       {@code $KERAS_HOME/datasets}).</li>
 *   <li>{@code baseUrl}: the mirror Keras downloads from, overridable with {@code CONVBOOK_DATASETS_URL}.</li>
 * </ol>
 *
 * <p>Each setting is read as a Java system property ({@code -DCONVBOOK_DATA=/data}) or else an environment variable.
 */
record DataLocations(List<Path> dataDirs, Path kerasDatasets, String baseUrl) {
    static final String DEFAULT_BASE_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/";

    DataLocations {
        dataDirs = List.copyOf(dataDirs);
        baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    /** The locations given by the settings and the working directory. */
    static DataLocations fromEnvironment() {
        List<Path> dirs = new ArrayList<>();
        String override = setting("CONVBOOK_DATA");
        if (override != null) {
            dirs.add(Path.of(override).toAbsolutePath().normalize());
        } else {
            Path workingDir = Path.of("").toAbsolutePath().normalize();
            dirs.add(workingDir.resolve("data"));
            projectRoot(workingDir).map(root -> root.resolve("data")).filter(d -> !dirs.contains(d))
                    .ifPresent(dirs::add);
            libraryLocation().flatMap(DataLocations::besideLibrary).filter(d -> !dirs.contains(d))
                    .ifPresent(dirs::add);
        }
        String kerasHome = setting("KERAS_HOME");
        Path keras = kerasHome != null ? Path.of(kerasHome) : Path.of(System.getProperty("user.home"), ".keras");
        String baseUrl = setting("CONVBOOK_DATASETS_URL");
        return new DataLocations(dirs, keras.resolve("datasets"), baseUrl != null ? baseUrl : DEFAULT_BASE_URL);
    }

    /** The first {@code <dataDir>/<folder>} that holds IDX files. */
    Optional<Path> idxFolder(String folder) {
        return dataDirs.stream().map(d -> d.resolve(folder)).filter(IdxFiles::isPresent).findFirst();
    }

    /**
     * The {@code data/} folder next to the folder the library was loaded from: {@code kernel-lib/convbook.jar} gives
     * {@code kernel-lib/../data}, {@code target/classes} gives {@code target/../data}. So a notebook folder copied
     * without the project's {@code pom.xml} still finds the data shipped beside its kernel's jars.
     */
    static Optional<Path> besideLibrary(Path codeLocation) {
        Path folder = codeLocation.toAbsolutePath().getParent();   // kernel-lib/ or target/
        if (folder == null || folder.getParent() == null) {
            return Optional.empty();
        }
        Path data = folder.resolveSibling("data").normalize();
        return Files.isDirectory(data) ? Optional.of(data) : Optional.empty();
    }

    /** Where this class was loaded from (a jar or a classes folder), when the JVM says. */
    private static Optional<Path> libraryLocation() {
        try {
            CodeSource source = DataLocations.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty()
                    : Optional.of(Path.of(source.getLocation().toURI()).toAbsolutePath().normalize());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException
                | FileSystemNotFoundException e) {
            return Optional.empty();   // an unusual class loader: the other locations still apply
        }
    }

    /** The nearest folder at or above {@code start} with a pom.xml and a data/ folder. */
    static Optional<Path> projectRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("data"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
