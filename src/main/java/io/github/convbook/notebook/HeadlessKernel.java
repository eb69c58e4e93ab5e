package io.github.convbook.notebook;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * A real jupyter-jvm-basekernel kernel with no Jupyter connection: its Renderer is configured by
 * BaseKernel exactly as in IJava (images, URLs, text), and what would be published to Jupyter is
 * recorded into the notebook instead. {@link #current()} is how notebook functions and
 * {@link Kernel} find it; the executor installs it for the duration of a run.
 */
public final class HeadlessKernel extends BaseKernel {
    private static volatile HeadlessKernel current;

    private final OutputRecorder recorder;

    HeadlessKernel(OutputRecorder recorder) {
        this.recorder = recorder;
    }

    /** The kernel of the notebook being executed headless in this JVM, or null. */
    public static HeadlessKernel current() {
        return current;
    }

    static void install(HeadlessKernel kernel) {
        current = kernel;
    }

    static void uninstall(HeadlessKernel kernel) {
        if (current == kernel) {
            current = null;
        }
    }

    @Override
    public void display(DisplayData data) {
        recorder.display(data);
    }

    /** What IJava does with {@code getIO().display.updateDisplay(id, data)}. */
    public void updateDisplay(String id, DisplayData data) {
        recorder.updateDisplay(id, data);
    }

    @Override
    public DisplayData eval(String code) {
        throw new UnsupportedOperationException("the headless kernel runs cells through NotebookExecutor, not eval");
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return JavaLanguageInfo.create();
    }
}
