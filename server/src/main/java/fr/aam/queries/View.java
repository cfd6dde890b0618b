package fr.aam.queries;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Set;

/**
 * How the web page draws a query's rows, from the {@code view:} metadata. Every chart also has its table. Fields
 * name result columns; which ones a type uses:
 * <ul>
 * <li>{@code table}: none.</li>
 * <li>{@code bar}: one bar per value of the first column of {@code x} that has more than one value; its length is
 *     the number of distinct values of {@code count}, or one bar per column of {@code values} (numbers).</li>
 * <li>{@code scatter}: {@code x} categories (e.g. the matrix), {@code y} a number (e.g. the rank, drawn top-down
 *     when {@code inverse}), {@code label} each point's name, {@code line} a column holding, for each category, the
 *     position of a reference line named {@code lineLabel}.</li>
 * <li>{@code heatmap}: a cell per row at ({@code x}, {@code y}), coloured by {@code value} (what each value means
 *     read in {@code label}) or by its mere presence (named by {@code label}'s column); {@code absent} names the
 *     cells without a row.</li>
 * <li>{@code graph}: a network, an edge per row from {@code x} to {@code y} weighted by {@code value}.</li>
 * <li>{@code rdf}: a CONSTRUCT or DESCRIBE result, shown as Turtle.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record View(String type, List<String> x, String y, String label, String value, String count,
                   List<String> values, String line, Text lineLabel, boolean inverse, Text absent) {

    public static final Set<String> TYPES = Set.of("table", "bar", "scatter", "heatmap", "graph", "rdf");

    /** A view of a type without columns (table, rdf). */
    public static View of(String type) { return new View(type, List.of(), null, null, null, null, List.of(), null, null, false, null); }

    /** The columns this view reads, for the header check. */
    List<String> columns() {
        List<String> out = new java.util.ArrayList<>(x);
        for (String c : new String[] {y, label, value, count, line}) if (c != null) out.add(c);
        out.addAll(values);
        return out;
    }
}
