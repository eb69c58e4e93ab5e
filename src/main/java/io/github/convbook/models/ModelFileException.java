package io.github.convbook.models;

/**
 * A model or weights file that cannot be written or read: missing, not a {@code .keras} zip or not HDF5, truncated,
 * or holding layers or weights that do not fit. The message says which file and what is wrong.
 */
public class ModelFileException extends RuntimeException {
    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
