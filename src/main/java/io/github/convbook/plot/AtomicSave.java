package io.github.convbook.plot;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Saving a picture or an animation so that the file appears complete or not at all: written beside the target under
 * a temporary name, then renamed. The file gets the permissions any new file gets (the umask's), not the owner-only
 * ones of {@code Files.createTempFile}.
 */
final class AtomicSave {
    /** Writes the encoded picture in ImageIO's format name ({@code "png"}, {@code "jpeg"}, ...). */
    interface Encoder {
        void write(String format, OutputStream out) throws IOException;
    }

    private AtomicSave() {
    }

    /** A path from a notebook's string, or the error a learner can act on. */
    static Path path(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("save expects a file name such as \"loss.png\", got "
                    + (path == null ? "null" : "\"" + path + "\""));
        }
        try {
            return Path.of(path);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("save: \"" + path + "\" is not a valid file name: " + e.getReason(), e);
        }
    }

    /** Writes {@code what} to {@code path} in the format its extension names. */
    static void write(Path path, Object what, Encoder encoder) {
        if (path == null || path.getFileName() == null) {
            throw new IllegalArgumentException("save expects a file name such as \"loss.png\", got " + path);
        }
        Path target = path.toAbsolutePath();
        String format = ImageFormat.forFile(target);
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            // newOutputStream creates the file with the umask's permissions; createTempFile would make it 0600
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                encoder.write(format, out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save " + what + " to " + target + ": " + e, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the rename already happened or the folder is gone: nothing left to clean
            }
        }
    }
}
