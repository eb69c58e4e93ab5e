package io.github.convbook.notebook;

import java.util.ArrayList;
import java.util.List;

/**
 * A cell's source cut into the pieces that run one after another: runs of Java code and single
 * magic lines. IJava turns each magic line into a statement in place, so the order is the same.
 */
final class CellSource {
    /** Either Java code or a magic line. */
    public record Piece(String code, MagicLine magic) {
        public boolean isMagic() {
            return magic != null;
        }
    }

    private CellSource() {
    }

    public static List<Piece> pieces(String source) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (MagicLine.isMagic(lines[i])) {
                addCode(pieces, code);
                pieces.add(new Piece(null, MagicLine.parse(lines[i], i + 1)));
            } else {
                code.append(lines[i]).append('\n');
            }
        }
        addCode(pieces, code);
        return pieces;
    }

    /** Every magic line of the source, for the dialect lint. */
    public static List<MagicLine> magics(String source) {
        return pieces(source).stream().filter(Piece::isMagic).map(Piece::magic).toList();
    }

    private static void addCode(List<Piece> pieces, StringBuilder code) {
        if (!code.toString().isBlank()) {
            pieces.add(new Piece(code.toString(), null));
        }
        code.setLength(0);
    }
}
