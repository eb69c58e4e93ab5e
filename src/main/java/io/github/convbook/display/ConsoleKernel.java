package io.github.convbook.display;

import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

/**
 * Where {@link Kernel} shows things when no kernel runs: the text/plain form on stdout. An update prints the new
 * text again, since a console has no place to replace and printing keeps the latest state visible. Never attached:
 * it only stands in, so {@link Kernel#isInteractive()} stays false.
 */
final class ConsoleKernel extends InProcessKernel {
    @Override
    public void display(DisplayData data) {
        System.out.println(data.getData(MIMEType.TEXT_PLAIN));
    }

    @Override
    public void updateDisplay(String id, DisplayData data) {
        display(data);
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        throw new UnsupportedOperationException("the console kernel only renders and prints; no front end asks it");
    }
}
