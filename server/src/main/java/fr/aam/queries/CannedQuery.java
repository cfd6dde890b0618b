package fr.aam.queries;

import java.util.List;
import org.apache.jena.query.Query;

/**
 * A named query of queries/: its metadata header, its text as written, and its parsed form.
 *
 * @param theme   the group of the page's gallery it belongs to (its heading is a page text, {@code theme.<id>})
 * @param columns one per projected variable of a SELECT, in order; empty for the other forms
 */
public record CannedQuery(String id, Text title, Text description, String theme, List<String> tags, View view,
                          List<QueryParam> params, List<Column> columns, String file, String text, Query query) {

    public QueryParam param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
