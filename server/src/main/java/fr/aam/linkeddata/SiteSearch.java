package fr.aam.linkeddata;

import fr.aam.Iris;
import fr.aam.queries.CannedQueryService;
import fr.aam.queries.PreparedRequest;
import fr.aam.sparql.NodeText;
import fr.aam.sparql.QueryResult;
import fr.aam.sparql.SparqlRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * The search box of every page and its autocompletion: the {@code search} canned query (French full-text search over
 * names, descriptions and quotes, exact names first) run through the canned-query service, its hits grouped by type —
 * the groups in the order of their best hit, the types named in the page's language.
 */
public final class SiteSearch {

    public static final String QUERY_ID = "search";
    public static final int MAX_LIMIT = 200;

    public record Hit(String iri, String href, String label, String match, boolean exact) {}

    public record Group(String type, String typeLabel, List<Hit> hits) {}

    public record Results(String query, int total, List<Group> groups) {}

    private final CannedQueryService queries;
    private final SparqlRunner runner;
    private final Iris iris;
    private final PageQueries pageQueries;

    public SiteSearch(CannedQueryService queries, SparqlRunner runner, Iris iris, PageQueries pageQueries) {
        this.queries = queries;
        this.runner = runner;
        this.iris = iris;
        this.pageQueries = pageQueries;
    }

    /** At most {@code limit} hits for the words {@code q}; no words, no hits. */
    public Results search(String q, int limit, String lang) {
        if (q == null || q.isBlank()) return new Results(q == null ? "" : q, 0, List.of());
        PreparedRequest request = queries.prepare(QUERY_ID, Map.of("text", List.of(q),
            "limit", List.of(Integer.toString(Math.max(1, Math.min(limit, MAX_LIMIT))))));
        QueryResult result = queries.page(request);
        List<Binding> rows = new ArrayList<>();
        result.rows().forEachRemaining(rows::add);

        Set<Node> types = new LinkedHashSet<>();
        rows.forEach(r -> { if (r.get(Var.alloc("type")) != null) types.add(r.get(Var.alloc("type"))); });
        Labels labels = Labels.fetch(runner, pageQueries.labels(), types, pageQueries.terms(), lang);

        Map<String, Group> groups = new LinkedHashMap<>();
        for (Binding r : rows) {
            Node resource = r.get(Var.alloc("resource"));
            Node type = r.get(Var.alloc("type"));
            String typeIri = type == null ? "" : type.getURI();
            String typeLabel = type == null ? NodeText.of(r.get(Var.alloc("typeLabel"))) : labels.name(type);
            String label = NodeText.of(r.get(Var.alloc("label")));
            String match = NodeText.of(r.get(Var.alloc("match")));
            Node exact = r.get(Var.alloc("exact"));
            groups.computeIfAbsent(typeIri, k -> new Group(typeIri, typeLabel, new ArrayList<>())).hits().add(new Hit(
                resource.getURI(), iris.href(resource.getURI()), label == null ? Labels.localName(resource.getURI()) : label,
                match != null && !match.equals(label) ? match : null,
                exact != null && "1".equals(exact.getLiteralLexicalForm())));
        }
        return new Results(q, rows.size(), List.copyOf(groups.values()));
    }
}
