package io.github.convbook.notebook;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test notebooks from src/test/resources/notebooks, copied to a temporary folder so tests may write. */
final class TestNotebooks {
    private TestNotebooks() {
    }

    static Path copyAll(Path tempDir) {
        try {
            Path source =
                    Paths.get(TestNotebooks.class.getResource("/notebooks/all-outputs.ipynb").toURI()).getParent();
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.toList()) {
                    Files.copy(file, tempDir.resolve(file.getFileName()));
                }
            }
            return tempDir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Notebook execute(Path notebook) {
        Notebook nb = NotebookFile.read(notebook);
        new NotebookExecutor(Duration.ofSeconds(30), timing -> { }).execute(nb);
        return nb;
    }

    static List<JsonObject> outputs(JsonObject cell) {
        List<JsonObject> outputs = new ArrayList<>();
        cell.getAsJsonArray("outputs").forEach(output -> outputs.add(output.getAsJsonObject()));
        return outputs;
    }
}
