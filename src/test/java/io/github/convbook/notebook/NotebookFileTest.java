package io.github.convbook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookFileTest {
    @TempDir
    Path folder;

    @Test
    void unexecutedNotebookWrittenByJupyterRoundTripsByteForByte() throws Exception {
        Path path = TestNotebooks.copyAll(folder).resolve("unexecuted.ipynb");
        byte[] original = Files.readAllBytes(path);
        NotebookFile.write(NotebookFile.read(path), path);
        assertEquals(new String(original, StandardCharsets.UTF_8), Files.readString(path, StandardCharsets.UTF_8));
        assertTrue(Files.readString(path).contains("\"# 합성곱 신경망\\n\","), "non-ASCII stays literal");
    }

    @Test
    void executedNotebookIsValidNbformat4AndStableOnRewrite() throws Exception {
        Path path = TestNotebooks.copyAll(folder).resolve("all-outputs.ipynb");
        NotebookFile.write(TestNotebooks.execute(path), path);
        String written = Files.readString(path, StandardCharsets.UTF_8);

        JsonObject schema = JupyterJson.parse(Files.readString(
                Path.of(getClass().getResource("/nbformat.v4.schema.json").toURI()))).getAsJsonObject();
        List<String> errors = new SchemaValidator(schema).validate(JupyterJson.parse(written));
        assertEquals(List.of(), errors);

        NotebookFile.write(NotebookFile.read(path), path);
        assertEquals(written, Files.readString(path, StandardCharsets.UTF_8));
        assertTrue(written.endsWith("}\n"));
        assertTrue(written.contains("\"language\": \"java\""));
        assertTrue(written.contains("\"file_extension\": \".jshell\""));
    }

    @Test
    void validatorRejectsABrokenNotebook() throws Exception {
        JsonObject schema = JupyterJson.parse(Files.readString(
                Path.of(getClass().getResource("/nbformat.v4.schema.json").toURI()))).getAsJsonObject();
        JsonObject broken = NotebookTexts.notebook(folder, "1").json();
        broken.getAsJsonArray("cells").get(0).getAsJsonObject().addProperty("execution_count", "one");
        assertTrue(new SchemaValidator(schema).validate(broken).size() > 0);
    }

    @Test
    void malformedNotebookNamesTheFileAndTheProblem() throws Exception {
        Path bad = folder.resolve("bad.ipynb");
        Files.writeString(bad, "{\"cells\": [], \"nbformat\": 3}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NotebookFile.read(bad));
        assertTrue(e.getMessage().contains("bad.ipynb: expected \"nbformat\": 4, got 3"), e.getMessage());

        Files.writeString(bad, "{\"cells\": [");
        e = assertThrows(IllegalArgumentException.class, () -> NotebookFile.read(bad));
        assertTrue(e.getMessage().contains("bad.ipynb: not valid JSON"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> NotebookFile.read(folder.resolve("missing.ipynb")));
        assertTrue(e.getMessage().contains("missing.ipynb does not exist"), e.getMessage());
    }

    @Test
    void aWrittenNotebookGetsTheUsualPermissionsAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path usual = dir.resolve("usual.txt");
        Files.writeString(usual, "any new file");
        Path notebook = dir.resolve("chapter.ipynb");
        NotebookFile.writeAtomically(notebook, "{}\n");
        NotebookFile.writeAtomically(notebook, "{\"cells\": []}\n");
        assertEquals("{\"cells\": []}\n", Files.readString(notebook));
        // the umask's permissions (rw-r--r-- usually), as the notebook had before; not createTempFile's rw-------
        assertEquals(Files.getPosixFilePermissions(usual), Files.getPosixFilePermissions(notebook));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("chapter.ipynb", "usual.txt"), files.map(f -> f.getFileName().toString()).sorted()
                    .toList());
        }
    }

    @Test
    void linesSplitAsPythonSplitlines() {
        assertEquals("[\"a\\r\\n\",\"b\\n\",\"c\"]", MultilineText.split("a\r\nb\nc").toString());
        assertEquals("[]", MultilineText.split("").toString());
    }
}
