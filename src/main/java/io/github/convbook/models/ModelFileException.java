package io.github.convbook.models;

/**
 * A model or weights file that cannot be written or read: missing, not a {@code .keras} zip or not HDF5, truncated,
 * or holding layers or weights that do not fit. The message says which file and what is wrong.
 */
public class ModelFileException extends RuntimeException {
    /**
     * A failure found by ConvBook's own checks.
     *
     * @param message which file and what is wrong with it
     */
    public ModelFileException(String message) {
        super(message);
    }

    /**
     * A failure reported by the file system, the zip reader or the HDF5 library.
     *
     * @param message which file and what is wrong with it
     * @param cause   the underlying error, e.g. an {@code IOException}
     */
    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
