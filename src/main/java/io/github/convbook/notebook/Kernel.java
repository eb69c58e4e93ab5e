package io.github.convbook.notebook;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.lang.reflect.Method;
import java.util.UUID;

/**
 * Lets library code (a progress bar, a plot) show things wherever it runs:
 * <ul>
 *   <li>inside IJava 1.3: through the kernel from {@code io.github.spencerpark.ijava.IJava.getKernelInstance()},
 *       found by reflection so the library needs no IJava jar;</li>
 *   <li>inside the headless {@link NotebookExecutor}: recorded into the notebook;</li>
 *   <li>in a plain JVM or a unit test: {@code display} prints the text/plain form to stdout, and
 *       {@code updateDisplay} prints the new text again (a console has no place to replace, and
 *       printing keeps the latest state visible).</li>
 * </ul>
 * Rendering always goes through jupyter-jvm-basekernel's Renderer, so a type shows the same everywhere.
 */
public final class Kernel {
    private static final String IJAVA_CLASS = "io.github.spencerpark.ijava.IJava";
    /** Used only for its Renderer when no kernel runs: BaseKernel configures it as IJava's. */
    private static final BaseKernel PLAIN_RENDERING = new HeadlessKernel(new OutputRecorder());

    private Kernel() {
    }

    /** True inside IJava or the headless executor, where displays become notebook outputs. */
    public static boolean isInteractive() {
        return activeKernel() != null;
    }

    public static DisplayData render(Object value) {
        return rendererKernel().getRenderer().render(value);
    }

    public static DisplayData render(Object value, String... mimeTypes) {
        return rendererKernel().getRenderer().renderAs(value, mimeTypes);
    }

    /** Shows the value as a new output and returns its display id, for {@link #updateDisplay}. */
    public static String display(Object value) {
        return show(render(value));
    }

    public static String display(Object value, String... mimeTypes) {
        return show(render(value, mimeTypes));
    }

    /** Replaces the output shown under this id with the new value. */
    public static void updateDisplay(String id, Object value) {
        update(id, render(value));
    }

    public static void updateDisplay(String id, Object value, String... mimeTypes) {
        update(id, render(value, mimeTypes));
    }

    private static String show(DisplayData data) {
        if (!data.hasDisplayId()) {
            data.setDisplayId(UUID.randomUUID().toString()); // as IJava's display(...) does
        }
        BaseKernel kernel = activeKernel();
        if (kernel == null) {
            System.out.println(data.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
        } else {
            kernel.display(data);
        }
        return data.getDisplayId();
    }

    private static void update(String id, DisplayData data) {
        BaseKernel kernel = activeKernel();
        if (kernel == null) {
            System.out.println(data.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
        } else if (kernel instanceof HeadlessKernel headless) {
            headless.updateDisplay(id, data);
        } else {
            kernel.getIO().display.updateDisplay(id, data); // what IJava's updateDisplay does
        }
    }

    private static BaseKernel rendererKernel() {
        BaseKernel kernel = activeKernel();
        return kernel != null ? kernel : PLAIN_RENDERING;
    }

    /** The headless kernel if one runs, else IJava's, else null. */
    static BaseKernel activeKernel() {
        HeadlessKernel headless = HeadlessKernel.current();
        return headless != null ? headless : ijavaKernel();
    }

    private static BaseKernel ijavaKernel() {
        for (ClassLoader loader : new ClassLoader[]{Thread.currentThread().getContextClassLoader(), Kernel.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                Method getKernel = Class.forName(IJAVA_CLASS, true, loader).getMethod("getKernelInstance");
                Object kernel = getKernel.invoke(null);
                if (kernel instanceof BaseKernel baseKernel) {
                    return baseKernel;
                }
            } catch (ClassNotFoundException e) {
                // not running inside IJava through this loader
            } catch (ReflectiveOperationException | LinkageError e) {
                return null;
            }
        }
        return null;
    }
}
