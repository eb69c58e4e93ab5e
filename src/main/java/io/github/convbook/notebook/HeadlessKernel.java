package io.github.convbook.notebook;

import io.github.convbook.display.InProcessKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * The kernel of a notebook executed headless: what would be published to Jupyter is recorded into the notebook
 * instead. The executor attaches it for the duration of a run, so that library code and notebook functions show
 * through it.
 */
final class HeadlessKernel extends InProcessKernel {
    private final OutputRecorder recorder;

    HeadlessKernel(OutputRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void display(DisplayData data) {
        recorder.display(data);
    }

    @Override
    public void updateDisplay(String id, DisplayData data) {
        recorder.updateDisplay(id, data);
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return JavaLanguageInfo.create();
    }
}
