package io.github.convbook.notebook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Reads and writes .ipynb files; writing goes through a temporary file so a crash never leaves half a notebook. */
final class NotebookFile {
    private NotebookFile() {
    }

    public static Notebook read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("expected a notebook file, but " + path.toAbsolutePath()
                    + " does not exist or is not a file");
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        try {
            return Notebook.fromJson(path, JupyterJson.parse(text));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage().startsWith(path.toString()) ? e.getMessage() : path + ": " + e.getMessage();
            throw new IllegalArgumentException(message, e);
        }
    }

    public static void write(Notebook notebook, Path path) {
        writeAtomically(path, toText(notebook));
    }

    /** The exact text Jupyter would save for this notebook. */
    public static String toText(Notebook notebook) {
        JsonObject json = notebook.json().deepCopy();
        splitLines(json);
        return JupyterJson.write(json);
    }

    /** nbformat's split_lines: multi-line strings become lists of lines; images stay one string. */
    private static void splitLines(JsonObject notebook) {
        for (JsonElement element : notebook.getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            splitIfString(cell, "source");
            if (!cell.has("outputs")) {
                continue;
            }
            for (JsonElement outputElement : cell.getAsJsonArray("outputs")) {
                JsonObject output = outputElement.getAsJsonObject();
                splitIfString(output, "text");
                if (output.has("data")) {
                    JsonObject data = output.getAsJsonObject("data");
                    for (String mime : data.keySet()) {
                        if (mime.startsWith("text/") || mime.equals("application/javascript")
                                || mime.equals("image/svg+xml")) {
                            splitIfString(data, mime);
                        }
                    }
                }
            }
        }
    }

    private static void splitIfString(JsonObject object, String key) {
        JsonElement value = object.get(key);
        if (value != null && value.isJsonPrimitive()) {
            object.add(key, MultilineText.split(value.getAsString()));
        }
    }

    /** Writes beside the target, then renames over it: readers see the old file or the new one, never a mix. */
    public static void writeAtomically(Path path, String text) {
        Path target = path.toAbsolutePath();
        Path temp = null;
        try {
            // not Files.createTempFile: its owner-only 0600 would stay on the notebook; a new file gets the umask's
            temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException ignored) {
                // the rename already happened or the write failed and was reported
            }
        }
    }
}
