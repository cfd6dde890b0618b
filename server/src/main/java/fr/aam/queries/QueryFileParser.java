package fr.aam.queries;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVars;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a {@code .rq} file: a metadata header of {@code #+ } comment lines holding YAML (the grlc convention), then
 * plain SPARQL that runs as-is in any editor. Every problem is reported with the file name. queries/README.md
 * documents the header.
 */
public final class QueryFileParser {

    /**
     * Names a parameter may not take: the API's paging, format and sort, and the web page's own permalink state
     * (the page's URL holds the query's parameters next to them).
     */
    static final Set<String> RESERVED = Set.of("limit", "offset", "format", "sort", "query", "lang", "page", "view");

    public CannedQuery parse(String file, String text) {
        StringBuilder yaml = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (line.startsWith("#+")) yaml.append(line.length() > 2 ? line.substring(line.startsWith("#+ ") ? 3 : 2) : "").append('\n');
        }
        Map<String, Object> meta = readYaml(file, yaml.toString());
        Query query;
        try {
            query = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            throw new IllegalStateException(file + ": SPARQL syntax error: " + e.getMessage(), e);
        }
        String id = string(meta, "id", file, true);
        if (!file.endsWith("/" + id + ".rq") && !file.equals(id + ".rq")) {
            throw new IllegalStateException(file + ": id '" + id + "' must match the file name");
        }
        List<QueryParam> params = params(meta.get("params"), file, query);
        List<Column> columns = columns(meta.get("columns"), file, query);
        View view = view(meta.get("view"), file, columns, query);
        return new CannedQuery(id, Text.read(meta.get("title"), file, "title"),
            Text.read(meta.get("description"), file, "description"), string(meta, "theme", file, true),
            strings(meta.get("tags")), view, params, columns, file, text, query);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readYaml(String file, String yaml) {
        try {
            Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            if (!(o instanceof Map)) throw new IllegalStateException(file + ": missing '#+' metadata header");
            return (Map<String, Object>) o;
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new IllegalStateException(file + ": metadata header is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static String string(Map<?, ?> m, String key, String file, boolean required) {
        Object v = m.get(key);
        if (v == null) {
            if (required) throw new IllegalStateException(file + ": metadata '" + key + "' is required");
            return null;
        }
        return v.toString().trim();
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) l.forEach(x -> out.add(x.toString()));
        else if (o != null) out.add(o.toString());
        return out;
    }

    private static List<QueryParam> params(Object o, String file, Query query) {
        List<QueryParam> out = new ArrayList<>();
        if (o == null) return out;
        if (!(o instanceof List<?> list)) throw new IllegalStateException(file + ": params must be a list");
        // every variable the query mentions, in patterns and in filters (an optional filter reads !BOUND(?param))
        java.util.Collection<Var> variables = OpVars.mentionedVars(Algebra.compile(query));
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> p)) throw new IllegalStateException(file + ": each param is a map");
            String name = string(p, "name", file, true);
            String where = file + ": param '" + name + "'";
            if (RESERVED.contains(name)) throw new IllegalStateException(where + ": the name is reserved " + RESERVED);
            if (!variables.contains(Var.alloc(name))) throw new IllegalStateException(where + " is not a variable of the query");
            ParamType type;
            try {
                type = ParamType.valueOf(string(p, "type", file, true).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": unknown type");
            }
            String valuesOf = p.get("valuesOf") == null ? null : expand(p.get("valuesOf").toString(), query, file);
            if (valuesOf != null && type != ParamType.IRI) throw new IllegalStateException(where + ": valuesOf needs type iri");
            ValueGrouping groupBy = ValueGrouping.of(p.get("groupBy"), file);
            if (groupBy != ValueGrouping.NONE && valuesOf == null) throw new IllegalStateException(where + ": groupBy needs valuesOf");
            boolean required = Boolean.TRUE.equals(p.get("required"));
            String example = string(p, "example", file, false);
            if (required && example == null) throw new IllegalStateException(where + ": a required parameter needs an example");
            out.add(new QueryParam(name, type, required, string(p, "default", file, false),
                Boolean.TRUE.equals(p.get("multi")), valuesOf, valuesOf == null ? null : groupBy,
                Text.read(p.get("label"), file, "param '" + name + "' label"),
                Text.read(p.get("help"), file, "param '" + name + "' help"), example));
        }
        return out;
    }

    /** One entry per projected variable of a SELECT, in the same order; links name another column. */
    private static List<Column> columns(Object o, String file, Query query) {
        List<Column> out = new ArrayList<>();
        if (!query.isSelectType()) {
            if (o != null) throw new IllegalStateException(file + ": columns apply to SELECT queries only");
            return out;
        }
        if (!(o instanceof List<?> list)) throw new IllegalStateException(file + ": columns (a label for each result column) are required");
        List<String> projected = query.getResultVars();
        Set<String> linked = new LinkedHashSet<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> c)) throw new IllegalStateException(file + ": each column is a map");
            String name = string(c, "name", file, true);
            String link = string(c, "link", file, false);
            if (link != null) linked.add(link);
            out.add(new Column(name, Text.read(c.get("label"), file, "column '" + name + "' label"), link,
                Boolean.TRUE.equals(c.get("hidden"))));
        }
        List<String> named = out.stream().map(Column::name).toList();
        if (!named.equals(projected)) {
            throw new IllegalStateException(file + ": columns must label each projected variable, in order: " + projected + ", got " + named);
        }
        for (String l : linked) {
            if (!projected.contains(l)) throw new IllegalStateException(file + ": link to unknown column '" + l + "'");
        }
        // a column other columns link to is an IRI column: it stays in the data and the downloads, not in tables
        return out.stream().map(c -> linked.contains(c.name()) ? new Column(c.name(), c.label(), c.link(), true) : c).toList();
    }

    private static View view(Object o, String file, List<Column> columns, Query query) {
        if (o == null || "table".equals(o) || "rdf".equals(o)) {
            return View.of(o != null ? o.toString() : query.isSelectType() ? "table" : "rdf");
        }
        if (!(o instanceof Map<?, ?> m)) throw new IllegalStateException(file + ": view must be table, rdf, or a map with a type and its columns");
        String type = string(m, "type", file, true);
        if (!View.TYPES.contains(type)) throw new IllegalStateException(file + ": view type must be one of " + View.TYPES);
        View view = new View(type, strings(m.get("x")), string(m, "y", file, false), string(m, "label", file, false),
            string(m, "value", file, false), string(m, "count", file, false), strings(m.get("values")),
            string(m, "line", file, false), m.get("lineLabel") == null ? null : Text.read(m.get("lineLabel"), file, "view lineLabel"),
            Boolean.TRUE.equals(m.get("inverse")), m.get("absent") == null ? null : Text.read(m.get("absent"), file, "view absent"));
        boolean complete = switch (type) {
            case "bar" -> !view.x().isEmpty() && (view.count() != null || !view.values().isEmpty());
            case "scatter", "heatmap", "graph" -> !view.x().isEmpty() && view.y() != null;
            default -> true;
        };
        if (!complete) throw new IllegalStateException(file + ": a " + type + " view needs x and " + (type.equals("bar") ? "count or values" : "y"));
        List<String> known = columns.stream().map(Column::name).toList();
        for (String c : view.columns()) {
            if (!known.contains(c)) throw new IllegalStateException(file + ": view names unknown column '" + c + "'");
        }
        return view;
    }

    static String expand(String iriOrPrefixed, Query query, String file) {
        String expanded = ParameterBinder.expand(iriOrPrefixed, query.getPrefixMapping());
        if (!expanded.startsWith("http://") && !expanded.startsWith("https://")) {
            throw new IllegalStateException(file + ": unknown prefix in " + iriOrPrefixed);
        }
        return expanded;
    }
}
