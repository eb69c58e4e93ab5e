package io.github.convbook.data;

/**
 * A dataset could not be loaded: it is missing, or a file of it is truncated or corrupt. The message names the
 * file, what was expected and what was found, and how to get the data.
 */
public class DatasetException extends RuntimeException {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
