package io.github.convbook.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes a file whole or not at all: the content goes to a hidden temporary file in the same directory, which then
 * replaces the target in one atomic rename. The temporary file is created as any new file is (mode 0666 less the
 * umask, e.g. {@code rw-r--r--}), not with {@code Files.createTempFile}'s 0600.
 */
final class AtomicFile {
    interface Writer {
        void write(Path temporary) throws IOException;
    }

    private AtomicFile() {
    }

    static void write(Path target, Writer writer) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ModelFileException("Cannot write " + target + ": the directory " + dir + " does not exist");
        }
        Path temporary = dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            writer.write(temporary);
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the original error matters more
            }
            if (e instanceof ModelFileException m) {
                throw m;
            }
            throw new ModelFileException("Cannot write " + target + ": " + e, e);
        }
    }
}
