package io.github.convbook.notebook;

import io.github.spencerpark.jupyter.kernel.util.GlobFinder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * IJava 1.3's line magics %jars, %classpath and %load, with paths taken relative to the notebook's
 * folder (IJava's working directory is the notebook's folder). Globs use the kernel library's
 * GlobFinder, as IJava does, so a pattern matches the same files in both.
 */
final class LineMagics {
    /** IJava's %load tries these endings when the file is named without one. */
    private static final List<String> LOAD_EXTENSIONS = List.of("", ".jsh", ".jshell", ".java", ".ijava");

    /** How %load runs a file's text: as cell code, magics included. */
    interface CodeRunner {
        void run(String code) throws CellError.Failure;
    }

    private final Path notebookFolder;
    private final JShellSession session;

    LineMagics(Path notebookFolder, JShellSession session) {
        this.notebookFolder = notebookFolder.toAbsolutePath().normalize();
        this.session = session;
    }

    void apply(MagicLine magic, int cellNumber, CodeRunner runner) throws CellError.Failure {
        String where = "cell " + cellNumber + ", line " + magic.lineNumber() + ": %" + magic.name();
        if (!magic.isSupported()) {
            throw new CellError.Failure(CellError.of("UndefinedMagicException", magic.unsupportedMessage(cellNumber)));
        }
        switch (magic.name()) {
            case "jars" -> matching(magic.args(), true, where).forEach(session::addToClasspath);
            case "classpath" -> matching(magic.args(), false, where).forEach(session::addToClasspath);
            case "load" -> load(magic.args(), where, runner);
            default -> throw new IllegalStateException("unhandled magic " + magic.name());
        }
    }

    private List<String> matching(List<String> globs, boolean filesOnly, String where) throws CellError.Failure {
        if (globs.isEmpty()) {
            throw new CellError.Failure(CellError.of("IllegalArgumentException",
                    where + " expects at least one path or glob, got none"));
        }
        List<String> paths = new ArrayList<>();
        for (String glob : globs) {
            String absolute = Path.of(glob.replace("*", "_").replace("?", "_")).isAbsolute()
                    ? glob
                    : notebookFolder + "/" + glob;
            int before = paths.size();
            try {
                GlobFinder finder = new GlobFinder(absolute);
                for (Path path : filesOnly ? finder.computeMatchingFiles() : finder.computeMatchingPaths()) {
                    paths.add(path.toAbsolutePath().toString());
                }
            } catch (NoSuchFileException e) {
                // a missing folder simply matches nothing; reported below
            } catch (IOException e) {
                throw new CellError.Failure(CellError.of("IOException",
                        where + " cannot read " + absolute + ": " + e.getMessage()));
            }
            if (paths.size() == before) {
                // IJava silently adds nothing; failing here names the real problem instead of a later
                // "cannot find symbol".
                throw new CellError.Failure(CellError.of("IllegalArgumentException",
                        where + " " + glob + " matched nothing (looked for " + absolute + ")"));
            }
        }
        return paths;
    }

    private void load(List<String> args, String where, CodeRunner runner) throws CellError.Failure {
        if (args.size() != 1) {
            throw new CellError.Failure(CellError.of("IllegalArgumentException",
                    where + " expects one file, got " + args));
        }
        for (String extension : LOAD_EXTENSIONS) {
            Path file = notebookFolder.resolve(args.get(0) + extension);
            if (Files.isRegularFile(file)) {
                String code;
                try {
                    code = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new CellError.Failure(CellError.of("IOException",
                            where + " cannot read " + file + ": " + e.getMessage()));
                }
                runner.run(code);
                return;
            }
        }
        throw new CellError.Failure(CellError.of("IllegalArgumentException",
                where + " expected a file " + notebookFolder.resolve(args.get(0)) + " but it does not exist"));
    }
}
