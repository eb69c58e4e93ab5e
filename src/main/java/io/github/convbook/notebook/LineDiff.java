package io.github.convbook.notebook;

import java.util.ArrayList;
import java.util.List;

/** A unified-style diff of two lists of lines (longest common subsequence, 2 lines of context). */
final class LineDiff {
    private static final int CONTEXT = 2;

    private LineDiff() {
    }

    /** Empty when the lists are equal; otherwise "--- before", "+++ after" and hunks of ' ', '-', '+' lines. */
    public static String unified(String beforeName, List<String> before, String afterName, List<String> after) {
        List<String> edits = edits(before, after);
        if (edits.stream().allMatch(e -> e.startsWith(" "))) {
            return "";
        }
        StringBuilder out = new StringBuilder("--- " + beforeName + "\n+++ " + afterName + "\n");
        int lastPrinted = -1;
        for (int i = 0; i < edits.size(); i++) {
            if (isNearChange(edits, i)) {
                if (i > lastPrinted + 1) {
                    out.append("@@\n");
                }
                out.append(edits.get(i)).append('\n');
                lastPrinted = i;
            }
        }
        return out.toString();
    }

    private static boolean isNearChange(List<String> edits, int index) {
        for (int j = Math.max(0, index - CONTEXT); j <= Math.min(edits.size() - 1, index + CONTEXT); j++) {
            if (!edits.get(j).startsWith(" ")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> edits(List<String> a, List<String> b) {
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                edits.add(" " + a.get(i++));
                j++;
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                edits.add("-" + a.get(i++)); // removals first, as diff -u prints them
            } else {
                edits.add("+" + b.get(j++));
            }
        }
        return edits;
    }
}
