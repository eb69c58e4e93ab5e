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

    public static DisplayData render(Object o) {
        return Kernel.render(o);
    }

    public static DisplayData render(Object o, String... as) {
        return Kernel.render(o, as);
    }

    public static String display(Object o) {
        return Kernel.display(o);
    }

    public static String display(Object o, String... as) {
        return Kernel.display(o, as);
    }

    public static void updateDisplay(String id, Object o) {
        Kernel.updateDisplay(id, o);
    }

    public static void updateDisplay(String id, Object o, String... as) {
        Kernel.updateDisplay(id, o, as);
    }

    /** IJava returns its JavaKernel; headless this is the {@link HeadlessKernel}, also a BaseKernel. */
    public static BaseKernel getKernelInstance() {
        // IJava's exception and message
        return Kernel.running().orElseThrow(() -> new RuntimeException("No IJava kernel running"));
    }
}
