package io.github.convbook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each notebook of a run gets a JVM of its own, started with this JVM's java, options and class path. */
class KernelProcessTest {

    @Test
    void childCommandRunsOneNotebookWithAnAbsoluteClassPath() {
        Path notebook = Path.of("notebooks", "02-convolution.ipynb");
        List<String> command = KernelProcess.command(notebook, List.of("--check"));
        assertTrue(command.get(0).endsWith(File.separator + "java"), command.get(0));
        String classPath = command.get(command.indexOf("-cp") + 1);
        for (String entry : classPath.split(File.pathSeparator)) {
            assertTrue(Path.of(entry).isAbsolute(), "relative class path entry " + entry);
        }
        assertEquals(List.of(RunNotebooks.class.getName(), "--check", notebook.toAbsolutePath().normalize().toString()),
                command.subList(command.size() - 3, command.size()));
    }
}
