package io.github.convbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a learner sees after {@code %load startup.jsh}: the public types of the packages it imports. The list is kept
 * in {@code src/test/resources/public-surface.txt}, so a new public type is a decision, not an accident; internals
 * (speed code, the engine's handles, naming and random state) must never be among them.
 */
class PublicSurfaceTest {
    private static final Path STARTUP = Path.of("kernel-lib/startup.jsh");
    private static final Path CLASSES = Path.of("target/classes");
    private static final Path EXPECTED = Path.of("src/test/resources/public-surface.txt");
    private static final Set<String> INTERNALS = Set.of("NativeOps", "Values", "Checks", "Scratch", "Naming", "Node",
            "RandomState", "LectureModels", "Memory", "LayerKernel", "OutputActivation", "ExclusiveUse", "LossHead",
            "Trainer", "SoftmaxRows", "HeadlessKernel", "NotebookExecutor", "JShellSession");

    /** The packages and types {@code startup.jsh} imports, as the public types a learner can name. */
    static Set<String> reachableTypes() throws IOException {
        Set<String> types = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?;")
                .matcher(Files.readString(STARTUP));
        while (m.find()) {
            String name = m.group(2);
            if (m.group(3) != null && m.group(1) == null) {
                types.addAll(publicTypesOf(name));
            } else {
                types.add(m.group(1) != null && m.group(3) == null ? name.substring(0, name.lastIndexOf('.')) : name);
            }
        }
        return types;
    }

    private static List<String> publicTypesOf(String packageName) throws IOException {
        Path dir = CLASSES.resolve(packageName.replace('.', '/'));
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String file = f.getFileName().toString();
                if (file.endsWith(".class") && !file.contains("$")) {
                    String name = packageName + "." + file.substring(0, file.length() - ".class".length());
                    if (Modifier.isPublic(load(name).getModifiers())) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PublicSurfaceTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name + " is imported by startup.jsh but does not exist", e);
        }
    }

    @Test
    void startupImportsExposeExactlyTheDocumentedTypesAndNoInternal() throws IOException {
        Set<String> reachable = reachableTypes();
        List<String> internal = reachable.stream()
                .filter(t -> INTERNALS.contains(t.substring(t.lastIndexOf('.') + 1))
                        || t.startsWith("io.github.convbook.backend.") || t.startsWith("io.github.convbook.notebook."))
                .toList();
        assertEquals(List.of(), internal, "internals reachable from startup.jsh's imports");
        Set<String> documented = new TreeSet<>(Files.readAllLines(EXPECTED).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        assertEquals(String.join("\n", documented), String.join("\n", reachable),
                "the public types reachable from startup.jsh changed: update " + EXPECTED + " if that was meant");
    }

    /**
     * No public method or field of a learner's type hands out an ND4J array or a backend object, except the
     * documented bridges: {@code Tensor.data()}/{@code Tensor.wrap} and {@code DType}'s ND4J type (ND4J interop,
     * sharing memory as NumPy's {@code asarray}) and {@code Layer.kernel()} (the engine's handle). Losses and metrics
     * keep their batch-level methods for the trainer; they return fresh arrays or numbers.
     */
    @Test
    void learnerTypesHandOutNoBuffers() throws IOException {
        Set<String> allowed = Set.of("Tensor.data", "Tensor.wrap", "DType.nd4j", "DType.of", "Layer.kernel");
        List<String> leaks = new ArrayList<>();
        for (String name : reachableTypes()) {
            Class<?> type = load(name);
            List<Member> members = new ArrayList<>();
            members.addAll(Arrays.asList(type.getMethods()));
            members.addAll(Arrays.asList(type.getConstructors()));
            members.addAll(Arrays.asList(type.getFields()));
            for (Member member : members) {
                if (member.getDeclaringClass().getName().startsWith("io.github.convbook")
                        && !allowed.contains(member.getDeclaringClass().getSimpleName() + "." + member.getName())
                        && !isTrainerSide(member) && mentionsInternals(member)) {
                    leaks.add(member.getDeclaringClass().getSimpleName() + "." + member.getName());
                }
            }
        }
        assertEquals(List.of(), leaks.stream().distinct().sorted().toList());
    }

    /** Losses' {@code value}/{@code gradient} and metrics' {@code batch}: what the trainer calls, fresh results. */
    private static boolean isTrainerSide(Member member) {
        String owner = member.getDeclaringClass().getPackageName();
        return owner.endsWith(".losses") || owner.endsWith(".metrics");
    }

    private static boolean mentionsInternals(Member member) {
        List<Type> types = new ArrayList<>();
        if (member instanceof Method method) {
            types.add(method.getGenericReturnType());
        }
        if (member instanceof Executable executable) {
            types.addAll(Arrays.asList(executable.getGenericParameterTypes()));
        }
        if (member instanceof Field field) {
            types.add(field.getGenericType());
        }
        return types.stream().map(Type::getTypeName)
                .anyMatch(t -> t.contains("org.nd4j.") || t.contains("io.github.convbook.backend."));
    }

    @Test
    void everyDocumentedTypeExistsAndIsPublic() throws IOException {
        for (String line : Files.readAllLines(EXPECTED)) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                assertTrue(Modifier.isPublic(load(name).getModifiers()), name);
            }
        }
    }
}
