package io.github.convbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package graph of the compiled library (target/classes), as the JDK's jdeps reads it from the class files:
 * no import cycles, and the headless notebook runner ({@code notebook}) is a leaf nobody depends on, so the library
 * and its display bridge ({@code display}) never pull the runner in. Generic on purpose: new packages are checked
 * without being listed here.
 */
class PackageGraphTest {
    private static final String ROOT = "io.github.convbook";
    private static final String RUNNER = ROOT + ".notebook";
    private static final String DISPLAY = ROOT + ".display";

    /** Package to the packages it uses, each with one class-level example ("A -> B") for the messages. */
    private static Map<String, Map<String, String>> graph;

    @BeforeAll
    static void readTheGraph() throws Exception {
        Path testClasses = Path.of(PackageGraphTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path classes = testClasses.resolveSibling("classes");
        assertTrue(Files.isDirectory(classes.resolve(ROOT.replace('.', '/'))), "no compiled library at " + classes);
        graph = packageGraph(classes);
        assertTrue(graph.containsKey(ROOT + ".models"), "jdeps found no library dependencies: " + graph.keySet());
    }

    @Test
    void noPackagesDependOnEachOtherInACycle() {
        List<Set<String>> cycles = cycles(graph);
        StringBuilder message = new StringBuilder();
        for (Set<String> cycle : cycles) {
            message.append("\ncycle among ").append(cycle).append(':');
            for (String from : cycle) {
                graph.get(from).forEach((to, example) -> {
                    if (cycle.contains(to)) {
                        message.append("\n  ").append(example);
                    }
                });
            }
        }
        assertEquals(List.of(), cycles, message.toString());
    }

    @Test
    void onlyTheRunnerItselfUsesTheRunner() {
        List<String> users = new ArrayList<>();
        graph.forEach((from, uses) -> {
            if (!from.equals(RUNNER) && uses.containsKey(RUNNER)) {
                users.add(uses.get(RUNNER));
            }
        });
        assertEquals(List.of(), users, "only " + RUNNER + " may use " + RUNNER);
    }

    @Test
    void theDisplayBridgeDoesNotUseTheRunner() {
        assertTrue(graph.containsKey(DISPLAY), "no package " + DISPLAY + " among " + graph.keySet());
        assertFalse(graph.get(DISPLAY).containsKey(RUNNER), () -> graph.get(DISPLAY).get(RUNNER));
    }

    /** Every library package (also those using no other) to the library packages it uses. */
    private static Map<String, Map<String, String>> packageGraph(Path classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new AssertionError("this JDK has no jdeps"));
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:class", "-filter:none",
                classes.toString());
        assertEquals(0, status, out.toString());
        Map<String, Map<String, String>> packages = new TreeMap<>();
        for (String line : out.toString().lines().toList()) {
            // "   io.github.convbook.models.History   -> io.github.convbook.table.Tables   classes"
            String[] fields = line.strip().split("\\s+");
            if (fields.length < 3 || !fields[1].equals("->") || !isLibrary(fields[0])) {
                continue;
            }
            String from = packageOf(fields[0]);
            Map<String, String> uses = packages.computeIfAbsent(from, p -> new TreeMap<>());
            if (isLibrary(fields[2]) && !packageOf(fields[2]).equals(from)) {
                uses.putIfAbsent(packageOf(fields[2]), fields[0] + " -> " + fields[2]);
            }
        }
        return packages;
    }

    private static boolean isLibrary(String className) {
        return className.startsWith(ROOT + ".");
    }

    private static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('.'));
    }

    /** The strongly connected components with more than one package (Tarjan's algorithm), each sorted. */
    private static List<Set<String>> cycles(Map<String, Map<String, String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> lowLink = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> cycles = new ArrayList<>();
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, lowLink, stack, cycles);
            }
        }
        return cycles;
    }

    private static void connect(String node, Map<String, Map<String, String>> graph, Map<String, Integer> index,
                                Map<String, Integer> lowLink, Deque<String> stack, List<Set<String>> cycles) {
        index.put(node, index.size());
        lowLink.put(node, index.get(node));
        stack.push(node);
        for (String next : graph.getOrDefault(node, Map.of()).keySet()) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, lowLink, stack, cycles);
                lowLink.put(node, Math.min(lowLink.get(node), lowLink.get(next)));
            } else if (stack.contains(next)) {
                lowLink.put(node, Math.min(lowLink.get(node), index.get(next)));
            }
        }
        if (lowLink.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
    }
}
