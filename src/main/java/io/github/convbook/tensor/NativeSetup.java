package io.github.convbook.tensor;

/**
 * Settings that must reach ND4J's native library before it loads. OpenMP threads that finish early spin while they
 * wait for the others; when another process (a second notebook kernel, a build) holds a core, the spinning threads
 * steal its time and training slows down 10-25x (measured: the lecture convnet fell from ~2,000 to ~170 images/s
 * with the machine busy). Asking OpenMP to sleep while waiting ({@code OMP_WAIT_POLICY=PASSIVE}) keeps it near full
 * speed. A value the user set in the environment wins.
 */
final class NativeSetup {
    private NativeSetup() {
    }

    /** Called from {@link Tensor}'s static initializer, which runs before any ND4J array exists. */
    static void beforeNd4jLoads() {
        if (System.getenv("OMP_WAIT_POLICY") != null) {
            return;
        }
        try {
            // setenv(name, value, overwrite = 0) through JNA, which ND4J itself depends on
            Class<?> library = Class.forName("com.sun.jna.NativeLibrary");
            Object libc = library.getMethod("getInstance", String.class).invoke(null, "c");
            Object setenv = library.getMethod("getFunction", String.class).invoke(libc, "setenv");
            setenv.getClass().getMethod("invokeInt", Object[].class)
                    .invoke(setenv, (Object) new Object[] {"OMP_WAIT_POLICY", "PASSIVE", 0});
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // not on Linux/glibc or no JNA: ND4J runs with OpenMP's defaults
        }
    }
}
