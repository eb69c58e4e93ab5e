package io.github.convbook.display;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.UUID;

/**
 * Lets library code (a progress bar, a plot) show things wherever it runs:
 * <ul>
 *   <li>inside IJava 1.3: through the kernel from {@code io.github.spencerpark.ijava.IJava.getKernelInstance()},
 *       found by reflection so the library needs no IJava jar;</li>
 *   <li>inside an {@link InProcessKernel} attached in this JVM (the headless notebook runner's): through it;</li>
 *   <li>in a plain JVM or a unit test: {@code display} prints the text/plain form to stdout, and
 *       {@code updateDisplay} prints the new text again (a console has no place to replace, and
 *       printing keeps the latest state visible).</li>
 * </ul>
 * Rendering always goes through jupyter-jvm-basekernel's Renderer, so a type shows the same everywhere.
 */
public final class Kernel {
    private static final String IJAVA_CLASS = "io.github.spencerpark.ijava.IJava";
    /** Where outputs go when no kernel runs; a BaseKernel, so its Renderer is configured as IJava's. */
    private static final InProcessKernel CONSOLE = new ConsoleKernel();

    private Kernel() {
    }

    /**
     * Whether a kernel runs, so that displays become notebook outputs.
     *
     * @return true inside IJava or an attached {@link InProcessKernel}, false in a plain JVM
     */
    public static boolean isInteractive() {
        return running().isPresent();
    }

    /**
     * The kernel displays go to, as IJava's {@code getKernelInstance()}.
     *
     * @return the attached {@link InProcessKernel} if there is one, else IJava's kernel, else empty
     */
    public static Optional<BaseKernel> running() {
        InProcessKernel local = InProcessKernel.attached();
        return local != null ? Optional.of(local) : Optional.ofNullable(ijavaKernel());
    }

    /**
     * Renders a value in every MIME type its renderer offers, as IJava's {@code render(Object)}.
     *
     * @param value what to render; its {@code toString()} is always the text/plain form
     * @return the rendered data, not shown anywhere yet
     */
    public static DisplayData render(Object value) {
        return target().getRenderer().render(value);
    }

    /**
     * Renders a value in the given MIME types only, as IJava's {@code render(Object, String...)}.
     *
     * @param value     what to render
     * @param mimeTypes e.g. {@code "text/html"}, {@code "image/png"}
     * @return the rendered data, not shown anywhere yet
     */
    public static DisplayData render(Object value, String... mimeTypes) {
        return target().getRenderer().renderAs(value, mimeTypes);
    }

    /**
     * Shows the value as a new output.
     *
     * @param value what to show
     * @return its display id, for {@link #updateDisplay(String, Object)}
     */
    public static String display(Object value) {
        return show(render(value));
    }

    /**
     * Shows the value, rendered in the given MIME types only, as a new output.
     *
     * @param value     what to show
     * @param mimeTypes e.g. {@code "text/html"}, {@code "image/png"}
     * @return its display id, for {@link #updateDisplay(String, Object, String...)}
     */
    public static String display(Object value, String... mimeTypes) {
        return show(render(value, mimeTypes));
    }

    /**
     * Replaces the output shown under this id with the new value.
     *
     * @param id    what {@link #display(Object)} returned
     * @param value the new value
     */
    public static void updateDisplay(String id, Object value) {
        update(id, render(value));
    }

    /**
     * Replaces the output shown under this id with the new value, rendered in the given MIME types only.
     *
     * @param id        what {@link #display(Object, String...)} returned
     * @param value     the new value
     * @param mimeTypes e.g. {@code "text/html"}, {@code "image/png"}
     */
    public static void updateDisplay(String id, Object value, String... mimeTypes) {
        update(id, render(value, mimeTypes));
    }

    private static String show(DisplayData data) {
        if (!data.hasDisplayId()) {
            data.setDisplayId(UUID.randomUUID().toString()); // as IJava's display(...) does
        }
        target().display(data);
        return data.getDisplayId();
    }

    private static void update(String id, DisplayData data) {
        BaseKernel kernel = target();
        if (kernel instanceof InProcessKernel local) {
            local.updateDisplay(id, data);
        } else {
            kernel.getIO().display.updateDisplay(id, data); // what IJava's updateDisplay does
        }
    }

    private static BaseKernel target() {
        return running().orElse(CONSOLE);
    }

    private static BaseKernel ijavaKernel() {
        ClassLoader[] loaders = {Thread.currentThread().getContextClassLoader(), Kernel.class.getClassLoader()};
        for (ClassLoader loader : loaders) {
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
