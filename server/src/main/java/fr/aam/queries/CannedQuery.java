package fr.aam.queries;

import java.util.List;
import java.util.Map;
import org.apache.jena.query.Query;

/** A named query of queries/: its metadata header, its text as written, and its parsed form. */
public record CannedQuery(String id, Map<String, String> title, String description, List<QueryParam> params,
                          List<String> tags, String view, String file, String text, Query query) {

    public QueryParam param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
