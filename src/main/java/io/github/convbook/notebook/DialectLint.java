package io.github.convbook.notebook;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a notebook uses only what IJava 1.3 offers and ConvBook allows: the line magics in
 * {@link MagicLine#SUPPORTED} and plain Java. IPython habits (%%time, %sh, %matplotlib, !ls) fail
 * here with the cell and line, before anything runs.
 */
final class DialectLint {
    private DialectLint() {
    }

    /** One message per problem, e.g. "cell 4, line 1: cell magic %%time is not in the ConvBook dialect; ...". */
    public static List<String> problems(Notebook notebook) {
        List<String> problems = new ArrayList<>();
        List<JsonObject> cells = notebook.cells();
        for (int c = 0; c < cells.size(); c++) {
            if (!Notebook.isCode(cells.get(c))) {
                continue;
            }
            String source = Notebook.source(cells.get(c));
            for (MagicLine magic : CellSource.magics(source)) {
                if (!magic.isSupported()) {
                    problems.add(notebook.name() + ": " + magic.unsupportedMessage(c + 1));
                }
            }
            String[] lines = source.split("\n", -1);
            for (int l = 0; l < lines.length; l++) {
                if (lines[l].strip().startsWith("!")) {
                    problems.add(notebook.name() + ": cell " + (c + 1) + ", line " + (l + 1)
                            + ": shell escape \"" + lines[l].strip() + "\" is IPython, not Java;"
                            + " IJava 1.3 has no shell escape");
                }
            }
        }
        return problems;
    }
}
