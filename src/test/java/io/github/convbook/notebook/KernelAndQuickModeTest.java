package io.github.convbook.notebook;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class KernelAndQuickModeTest {
    @Test
    void withoutAKernelDisplayPrintsTheTextAndUpdatesPrintAgain() {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertFalse(Kernel.isInteractive());
            String id = Kernel.display("epoch 1/3");
            assertNotNull(id);
            Kernel.updateDisplay(id, "epoch 2/3");
        } finally {
            System.setOut(original);
        }
        assertEquals("epoch 1/3\nepoch 2/3\n", printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void quickModeCapsOnlyWhenAskedTo() {
        assertEquals(5, QuickMode.capped(5, null));
        assertEquals(1, QuickMode.capped(5, "1"));
        assertEquals(3, QuickMode.capped(3, "10"));
        assertEquals("quick mode: 1 epoch (full run: 5)", QuickMode.note("epoch", 5, 1));
        assertEquals("5 epochs", QuickMode.note("epochs", 5, 5));
        assertEquals("quick mode: 600 samples (full run: 60000)", QuickMode.note("samples", 60000, 600));
    }
}
