package io.github.convbook.notebook;

/**
 * Hands the object of a cell's last expression from JShell to the executor. Local execution runs
 * snippets in this JVM, so a static field is shared; JShell itself only reports values as strings,
 * and an image must be rendered from the object.
 */
public final class LastValue {
    private static Object value;

    private LastValue() {
    }

    /**
     * Called by generated code: {@code io.github.convbook.notebook.LastValue.keep($3);}.
     *
     * @param v the value of the cell's last expression
     */
    public static synchronized void keep(Object v) {
        value = v;
    }

    static synchronized Object take() {
        Object v = value;
        value = null;
        return v;
    }
}
