package io.github.convbook.display;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * A jupyter-jvm-basekernel kernel living in this JVM with no Jupyter connection, as Jupyter's in-process kernels:
 * its Renderer is configured by BaseKernel exactly as in IJava, and what it would publish goes wherever the subclass
 * puts it. While one is {@linkplain #attach() attached}, {@link Kernel} shows everything through it; this is how a
 * notebook runner in the same JVM collects the displays of library code without the library knowing the runner.
 */
public abstract class InProcessKernel extends BaseKernel {
    private static volatile InProcessKernel attached;

    /** For subclasses. */
    protected InProcessKernel() {
    }

    /** The kernel {@link Kernel} shows through, or null. */
    static InProcessKernel attached() {
        return attached;
    }

    /** Makes this the kernel that {@link Kernel} shows through, until {@link #detach()}; replaces any other. */
    public void attach() {
        attached = this;
    }

    /** Stops showing through this kernel; changes nothing if another one was attached since. */
    public void detach() {
        if (attached == this) {
            attached = null;
        }
    }

    /**
     * Shows a new output.
     *
     * @param data the rendered value, with its display id if it has one
     */
    @Override
    public abstract void display(DisplayData data);

    /**
     * Replaces every output shown under this id, as IJava's {@code getIO().display.updateDisplay(id, data)}.
     *
     * @param id   the display id the output was shown with
     * @param data the new rendered value
     */
    public abstract void updateDisplay(String id, DisplayData data);

    /**
     * Not supported: an in-process kernel runs no code, whoever attached it runs the cells.
     *
     * @param code ignored
     * @return never
     * @throws UnsupportedOperationException always
     */
    @Override
    public DisplayData eval(String code) {
        throw new UnsupportedOperationException("an in-process kernel runs no code; whoever attached it runs"
                + " the cells");
    }
}
