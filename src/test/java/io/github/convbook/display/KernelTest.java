package io.github.convbook.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class KernelTest {
    /** Keeps what it is asked to show, as a runner's kernel would. */
    private static final class RecordingKernel extends InProcessKernel {
        final List<String> shown = new ArrayList<>();

        @Override
        public void display(DisplayData data) {
            shown.add("display " + data.getDisplayId() + ": " + data.getData(MIMEType.TEXT_PLAIN));
        }

        @Override
        public void updateDisplay(String id, DisplayData data) {
            shown.add("update " + id + ": " + data.getData(MIMEType.TEXT_PLAIN));
        }

        @Override
        public LanguageInfo getLanguageInfo() {
            return new LanguageInfo.Builder("Java").build();
        }
    }

    @Test
    void withoutAKernelDisplayPrintsTheTextAndUpdatesPrintAgain() {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertFalse(Kernel.isInteractive());
            assertEquals(Optional.empty(), Kernel.running());
            String id = Kernel.display("epoch 1/3");
            assertNotNull(id);
            Kernel.updateDisplay(id, "epoch 2/3");
        } finally {
            System.setOut(original);
        }
        assertEquals("epoch 1/3\nepoch 2/3\n", printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anAttachedInProcessKernelGetsTheDisplaysAndUpdatesUntilDetached() {
        RecordingKernel kernel = new RecordingKernel();
        kernel.attach();
        try {
            assertTrue(Kernel.isInteractive());
            assertSame(kernel, Kernel.running().orElseThrow());
            String id = Kernel.display("epoch 1/3");
            Kernel.updateDisplay(id, "epoch 2/3");
            assertEquals(List.of("display " + id + ": epoch 1/3", "update " + id + ": epoch 2/3"), kernel.shown);
        } finally {
            kernel.detach();
        }
        assertFalse(Kernel.isInteractive());
    }

    @Test
    void detachingAKernelThatWasReplacedLeavesTheNewOneAttached() {
        RecordingKernel first = new RecordingKernel();
        RecordingKernel second = new RecordingKernel();
        first.attach();
        second.attach();
        try {
            first.detach();
            assertSame(second, Kernel.running().orElseThrow());
        } finally {
            second.detach();
        }
    }

    @Test
    void renderersInstallIntoTheRunningKernelSoTablesShowAsHtml() {
        RecordingKernel kernel = new RecordingKernel();
        Table table = Table.create("t", IntColumn.create("n", 1));
        assertFalse(kernel.getRenderer().render(table).hasDataForType(MIMEType.TEXT_HTML));
        kernel.attach();
        try {
            Renderers.install();
            Renderers.install();   // once per kernel: a second call registers nothing more
            assertTrue(Kernel.render(table).hasDataForType(MIMEType.TEXT_HTML));
        } finally {
            kernel.detach();
        }
    }
}
