package io.cloudshop.devstack;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Where the devstack reports progress: plain lines, a step that finishes on the same line, and tables. */
public class Console {

    private final PrintStream out;

    public Console(PrintStream out) {
        this.out = out;
    }

    public void line(String text) {
        out.println(text);
        out.flush();
    }

    void begin(String text) {
        out.print(text);
        out.flush();
    }

    void end(String text) {
        out.println(text);
        out.flush();
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%d MB", Math.round(bytes / (1024.0 * 1024.0)));
    }

    /** Prints rows under a header, each column as wide as its widest cell. */
    void table(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] widths = new int[header.size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format("%-" + widths[i] + "s", row.get(i)));
                if (i < row.size() - 1) {
                    line.append("  ");
                }
            }
            line(line.toString().stripTrailing());
        }
    }
}
