package fr.aam.queries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a {@code .rq} file: a metadata header of {@code #+ } comment lines holding YAML (the grlc convention), then
 * plain SPARQL that runs as-is in any editor. Every problem is reported with the file name.
 */
public final class QueryFileParser {

    static final Set<String> VIEWS = Set.of("table", "bar", "scatter", "heatmap", "graph");
    /** Names the API uses for paging and formats; a parameter may not take them. */
    static final Set<String> RESERVED = Set.of("limit", "offset", "format");

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
        String expectedFile = id + ".rq";
        if (!file.endsWith(expectedFile)) throw new IllegalStateException(file + ": id '" + id + "' must match the file name");
        Map<String, String> title = titles(meta.get("title"), file);
        String view = string(meta, "view", file, false);
        if (view == null) view = "table";
        if (!VIEWS.contains(view)) throw new IllegalStateException(file + ": view must be one of " + VIEWS);
        List<QueryParam> params = params(meta.get("params"), file, query);
        return new CannedQuery(id, title, string(meta, "description", file, true), params, strings(meta.get("tags")),
            view, file, text, query);
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

    private static String string(Map<String, Object> m, String key, String file, boolean required) {
        Object v = m.get(key);
        if (v == null) {
            if (required) throw new IllegalStateException(file + ": metadata '" + key + "' is required");
            return null;
        }
        return v.toString().trim();
    }

    private static Map<String, String> titles(Object t, String file) {
        Map<String, String> out = new LinkedHashMap<>();
        if (t instanceof Map<?, ?> m) m.forEach((k, v) -> out.put(k.toString(), v.toString()));
        else if (t != null) out.put("fr", t.toString());
        if (!out.containsKey("fr") || !out.containsKey("en")) throw new IllegalStateException(file + ": title needs fr and en");
        return out;
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
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> p)) throw new IllegalStateException(file + ": each param is a map");
            String name = req(p, "name", file);
            if (RESERVED.contains(name)) throw new IllegalStateException(file + ": param name '" + name + "' is reserved");
            boolean usedInQuery = query.getQueryPattern() != null && query.toString().contains("?" + name);
            if (!usedInQuery) throw new IllegalStateException(file + ": param '" + name + "' is not a variable of the query");
            ParamType type;
            try {
                type = ParamType.valueOf(req(p, "type", file).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(file + ": param '" + name + "': unknown type");
            }
            String valuesOf = p.get("valuesOf") == null ? null : expand(p.get("valuesOf").toString(), query, file);
            if (valuesOf != null && type != ParamType.IRI) throw new IllegalStateException(file + ": valuesOf needs type iri");
            out.add(new QueryParam(name, type, Boolean.TRUE.equals(p.get("required")),
                p.get("default") == null ? null : p.get("default").toString(), Boolean.TRUE.equals(p.get("multi")),
                valuesOf, p.get("description") == null ? "" : p.get("description").toString().trim(),
                p.get("example") == null ? null : p.get("example").toString()));
        }
        return out;
    }

    private static String req(Map<?, ?> p, String key, String file) {
        Object v = p.get(key);
        if (v == null) throw new IllegalStateException(file + ": param is missing '" + key + "'");
        return v.toString();
    }

    static String expand(String iriOrPrefixed, Query query, String file) {
        if (iriOrPrefixed.startsWith("http://") || iriOrPrefixed.startsWith("https://")) return iriOrPrefixed;
        String expanded = query.getPrefixMapping().expandPrefix(iriOrPrefixed);
        if (expanded.equals(iriOrPrefixed)) throw new IllegalStateException(file + ": unknown prefix in " + iriOrPrefixed);
        return expanded;
    }
}
