package io.github.convbook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DialectLintTest {
    @TempDir
    Path folder;

    @Test
    void testNotebooksUseOnlyIJava13Magics() {
        Path notebooks = TestNotebooks.copyAll(folder);
        for (String name : List.of("all-outputs", "compile-error", "runtime-error", "unexecuted")) {
            assertEquals(List.of(), DialectLint.problems(NotebookFile.read(notebooks.resolve(name + ".ipynb"))), name);
        }
    }

    @Test
    void ipythonHabitsAndMavenAreRejectedWithCellAndLine() {
        Notebook notebook = NotebookTexts.notebook(folder,
                "%%time\nint a = 1;", "%jars ../kernel-lib/*.jar\n%sh ls", "%maven org.nd4j:nd4j:1.0", "!ls data");
        assertEquals(List.of(
                "scratch: cell 1, line 1: cell magic %%time is not in the ConvBook dialect;"
                        + " expected one of %jars, %classpath, %load (IJava 1.3 line magics)",
                "scratch: cell 2, line 2: line magic %sh is not in the ConvBook dialect;"
                        + " expected one of %jars, %classpath, %load (IJava 1.3 line magics)",
                "scratch: cell 3, line 1: line magic %maven is not in the ConvBook dialect;"
                        + " expected one of %jars, %classpath, %load (IJava 1.3 line magics)",
                "scratch: cell 4, line 1: shell escape \"!ls data\" is IPython, not Java;"
                        + " IJava 1.3 has no shell escape"),
                DialectLint.problems(notebook));
    }
}
