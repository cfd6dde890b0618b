package fr.aam.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's results, written twice: Markdown for people (headings, tables, notes) and CSV for tools, one line
 * per figure ({@code section,row,metric,value}).
 */
final class Report {

    private final StringBuilder md = new StringBuilder();
    private final List<String> csv = new ArrayList<>(List.of("section,row,metric,value"));

    void heading(String text) { md.append("\n## ").append(text).append("\n\n"); }

    void text(String text) { md.append(text).append("\n"); }

    Table table(String section, String... columns) { return new Table(section, columns); }

    final class Table {
        private final String section;
        private final String[] columns;

        Table(String section, String[] columns) {
            this.section = section;
            this.columns = columns;
            md.append("\n| ").append(String.join(" | ", columns)).append(" |\n|");
            for (int i = 0; i < columns.length; i++) md.append(i == 0 ? "---|" : "---:|");
            md.append('\n');
        }

        /** The first value names the row; the others are its figures, one CSV line each. */
        void row(Object... values) {
            md.append("| ");
            for (int i = 0; i < values.length; i++) md.append(i == 0 ? "" : " | ").append(format(values[i]));
            md.append(" |\n");
            for (int i = 1; i < values.length; i++) {
                csv.add(String.join(",", quote(section), quote(String.valueOf(values[0])), quote(columns[i]), quote(format(values[i]).replace(",", ""))));
            }
        }
    }

    void write(Path markdown, Path csvFile, String title) throws IOException {
        Files.createDirectories(markdown.getParent());
        Files.writeString(markdown, "# " + title + "\n" + md, StandardCharsets.UTF_8);
        Files.write(csvFile, csv, StandardCharsets.UTF_8);
    }

    static String format(Object v) {
        if (v instanceof Double d) return d.isNaN() ? "–" : String.format(Locale.ROOT, d >= 100 ? "%,.0f" : d >= 10 ? "%.1f" : "%.2f", d);
        if (v instanceof Long || v instanceof Integer) return String.format(Locale.ROOT, "%,d", ((Number) v).longValue());
        return String.valueOf(v);
    }

    private static String quote(String s) { return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s; }
}
