package dev.coalmine.cli.canary;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rows printed as kubectl prints them: each column as wide as its widest cell, three spaces between columns. */
final class Columns {
    private static final String GAP = "   ";
    private final List<List<String>> rows = new ArrayList<>();

    Columns(String... headers) {
        rows.add(List.of(headers));
    }

    void add(Object... cells) {
        rows.add(Arrays.stream(cells).map(String::valueOf).toList());
    }

    void print(PrintWriter out) {
        int[] widths = new int[rows.get(0).size()];
        rows.forEach(row -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        rows.forEach(row -> {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length - 1; i++) {
                line.append(row.get(i)).append(" ".repeat(widths[i] - row.get(i).length())).append(GAP);
            }
            out.println(line.append(row.get(widths.length - 1)));
        });
    }
}
