package io.github.convbook.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** data/ is found beside the library's own folder, so a notebook folder without pom.xml still finds it. */
class DataLocationsLibraryTest {
    @TempDir
    Path tmp;

    @Test
    void aJarInKernelLibFindsTheDataFolderBesideIt() throws IOException {
        Path jar = Files.createDirectories(tmp.resolve("kernel-lib")).resolve("convbook.jar");
        Files.createDirectories(tmp.resolve("data"));
        assertEquals(Optional.of(tmp.resolve("data")), DataLocations.besideLibrary(jar));
    }

    @Test
    void aClassesFolderFindsTheProjectsDataFolder() throws IOException {
        Path classes = Files.createDirectories(tmp.resolve("target/classes"));
        assertEquals(Optional.empty(), DataLocations.besideLibrary(classes));   // no data/ yet
        Files.createDirectories(tmp.resolve("data"));
        assertEquals(Optional.of(tmp.resolve("data")), DataLocations.besideLibrary(classes));
    }

    @Test
    void theLocationsFromTheEnvironmentIncludeThisBuildsDataFolder() {
        if (System.getProperty("CONVBOOK_DATA") != null || System.getenv("CONVBOOK_DATA") != null) {
            return;   // the setting replaces every other folder
        }
        // the tests run from target/test-classes; ConvBook's classes are in target/classes, so ../data is the project's
        Path projectData = Path.of("data").toAbsolutePath().normalize();
        if (Files.isDirectory(projectData)) {
            assertTrue(DataLocations.fromEnvironment().dataDirs().contains(projectData));
        }
    }
}
