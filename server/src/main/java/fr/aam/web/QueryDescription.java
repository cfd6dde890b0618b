package fr.aam.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.aam.queries.CannedQuery;
import fr.aam.queries.Column;
import fr.aam.queries.QueryParam;
import fr.aam.queries.Text;
import fr.aam.queries.View;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A canned query as the catalogue serves it: its metadata in French and English, its parameters, its columns, its
 * view and an example call. No list of allowed values: the page searches them through
 * {@code /api/queries/{id}/parameters/{name}/values}, so the catalogue stays small whatever the size of the graph.
 *
 * @param form   SELECT, ASK, CONSTRUCT or DESCRIBE
 * @param sparql the query's text as written in its file (only when one query is described)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueryDescription(String id, Text title, Text description, String theme, List<String> tags, View view,
                               String form, List<QueryParam> parameters, List<Column> columns, String example,
                               String sparql) {

    static QueryDescription of(CannedQuery q, boolean withText) {
        UriComponentsBuilder example = UriComponentsBuilder.fromPath("/api/queries/{id}");
        for (QueryParam p : q.params()) {
            if (p.example() != null) example.queryParam(p.name(), p.example());
        }
        return new QueryDescription(q.id(), q.title(), q.description(), q.theme(), q.tags(), q.view(),
            q.query().queryType().name(), q.params(), q.columns(), example.encode().buildAndExpand(q.id()).toUriString(),
            withText ? q.text() : null);
    }
}
