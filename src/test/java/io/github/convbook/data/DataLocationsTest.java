package io.github.convbook.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLocationsTest {
    private static final List<String> SETTINGS = List.of("CONVBOOK_DATA", "KERAS_HOME", "CONVBOOK_DATASETS_URL");

    @TempDir
    Path tmp;

    @AfterEach
    void clearSettings() {
        SETTINGS.forEach(System::clearProperty);
    }

    @Test
    void projectRootIsFoundFromTheNotebooksFolder() throws IOException {
        Path project = tmp.resolve("convbook");
        Files.createDirectories(project.resolve("data"));
        Files.createDirectories(project.resolve("notebooks/chapter1"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        assertEquals(Optional.of(project), DataLocations.projectRoot(project.resolve("notebooks/chapter1")));
        assertEquals(Optional.empty(), DataLocations.projectRoot(tmp));
    }

    @Test
    void defaultsAreTheWorkingDirectoryAndKerasHome() {
        // Maven runs the tests in the project root, so both candidates are the same data/ folder.
        DataLocations where = DataLocations.fromEnvironment();
        Path root = Path.of("").toAbsolutePath().normalize();
        assertEquals(List.of(root.resolve("data")), where.dataDirs());
        if (System.getenv("KERAS_HOME") == null) {
            assertEquals(Path.of(System.getProperty("user.home"), ".keras", "datasets"), where.kerasDatasets());
        }
        if (System.getenv("CONVBOOK_DATASETS_URL") == null) {
            assertEquals(DataLocations.DEFAULT_BASE_URL, where.baseUrl());
        }
    }

    @Test
    void settingsOverrideTheDefaults() {
        System.setProperty("CONVBOOK_DATA", tmp.resolve("mydata").toString());
        System.setProperty("KERAS_HOME", tmp.resolve("keras").toString());
        System.setProperty("CONVBOOK_DATASETS_URL", "http://127.0.0.1:1/mirror");
        DataLocations where = DataLocations.fromEnvironment();
        assertEquals(List.of(tmp.resolve("mydata")), where.dataDirs());
        assertEquals(tmp.resolve("keras/datasets"), where.kerasDatasets());
        assertEquals("http://127.0.0.1:1/mirror/", where.baseUrl());
    }

    @Test
    void idxFolderIsTheFirstDataDirHoldingTheDataset() {
        TestFiles.writeIdxFolder(tmp.resolve("b/mnist"), true);
        TestFiles.writeIdxFolder(tmp.resolve("c/mnist"), false);
        DataLocations where = new DataLocations(List.of(tmp.resolve("a"), tmp.resolve("b"), tmp.resolve("c")), tmp,
                "http://x/");
        assertEquals(Optional.of(tmp.resolve("b/mnist")), where.idxFolder("mnist"));
        assertEquals(Optional.empty(), where.idxFolder("fashion-mnist"));
    }
}
