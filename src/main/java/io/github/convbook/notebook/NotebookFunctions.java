package io.github.convbook.notebook;

import io.github.convbook.display.Kernel;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * The functions IJava 1.3 puts into every notebook (its ijava-jshell-init and ijava-display-init
 * scripts), with the same signatures and return values. The headless executor imports them
 * statically into the JShell session; they are all a notebook may call besides plain Java.
 */
public final class NotebookFunctions {
    private NotebookFunctions() {
    }

    /**
     * IJava's {@code render(o)}: the object's display bundle (PNG, HTML, text) without showing it.
     *
     * @param o any object; charts, images, tables and tensors have rich forms
     * @return its display data
     */
    public static DisplayData render(Object o) {
        return Kernel.render(o);
    }

    /**
     * IJava's {@code render(o, "text/html", ...)}: the bundle restricted to the given MIME types.
     *
     * @param o any object
     * @param as the MIME types wanted
     * @return its display data in those types
     */
    public static DisplayData render(Object o, String... as) {
        return Kernel.render(o, as);
    }

    /**
     * IJava's {@code display(o)}: shows the object in the cell's output now.
     *
     * @param o any object
     * @return the display's id, for {@link #updateDisplay(String, Object)}
     */
    public static String display(Object o) {
        return Kernel.display(o);
    }

    /**
     * IJava's {@code display(o, "image/png", ...)}: shows the object in the given MIME types.
     *
     * @param o any object
     * @param as the MIME types wanted
     * @return the display's id
     */
    public static String display(Object o, String... as) {
        return Kernel.display(o, as);
    }

    /**
     * IJava's {@code updateDisplay(id, o)}: replaces an earlier display in place.
     *
     * @param id what {@code display} returned
     * @param o the new content
     */
    public static void updateDisplay(String id, Object o) {
        Kernel.updateDisplay(id, o);
    }

    /**
     * IJava's {@code updateDisplay(id, o, "text/html", ...)}: replaces an earlier display, in the given MIME types.
     *
     * @param id what {@code display} returned
     * @param o the new content
     * @param as the MIME types wanted
     */
    public static void updateDisplay(String id, Object o, String... as) {
        Kernel.updateDisplay(id, o, as);
    }

    /**
     * IJava's {@code getKernelInstance()}.
     *
     * @return IJava's JavaKernel; headless, the runner's {@link HeadlessKernel}, also a BaseKernel
     * @throws RuntimeException when no kernel runs (IJava's message)
     */
    public static BaseKernel getKernelInstance() {
        // IJava's exception and message
        return Kernel.running().orElseThrow(() -> new RuntimeException("No IJava kernel running"));
    }
}
