package io.github.convbook.data;

/**
 * A dataset could not be loaded: it is missing, or a file of it is truncated or corrupt. The message names the
 * file, what was expected and what was found, and how to get the data.
 */
public class DatasetException extends RuntimeException {
    /**
     * An error with its explanation and no underlying cause (a bad header, a checksum that differs).
     *
     * @param message what was expected, what was found, and how to get the data
     */
    public DatasetException(String message) {
        super(message);
    }

    /**
     * An error caused by another, e.g. the {@link java.io.IOException} of a file that could not be read.
     *
     * @param message what was expected, what was found, and how to get the data
     * @param cause the underlying error
     */
    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
