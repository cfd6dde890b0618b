package fr.aam.queries;

import fr.aam.sparql.InternalQueries;
import fr.aam.sparql.SparqlRunner;
import java.text.Collator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;

/**
 * The allowed values of class-restricted parameters, asked of the store when needed — never held as a list, so
 * that a national graph with tens of thousands of actors costs nothing at start nor in the catalogue:
 * a text search for the page's combobox, and a membership check for each request.
 */
public final class ParameterValues {

    /** Most values one search answers; the page asks the person to type more beyond. */
    public static final int MAX_RESULTS = 100;

    private final SparqlRunner runner;
    private static final Var VALUE = Var.alloc("value");
    private static final Var CLASS = Var.alloc("class");
    private static final Var LANG = Var.alloc("lang");

    private final Query search = InternalQueries.load("parameter-values.rq");
    private final Map<ValueGrouping, Query> groupQueries = new EnumMap<>(ValueGrouping.class);
    private final Query isInstance = InternalQueries.load("is-instance.rq");

    public ParameterValues(SparqlRunner runner) {
        this.runner = runner;
        for (ValueGrouping g : ValueGrouping.values()) {
            if (g != ValueGrouping.NONE) groupQueries.put(g, InternalQueries.load(g.queryFile()));
        }
    }

    /** One value a person may choose, with its label in the reader's language (French as fallback). */
    public record Choice(String value, String label) {}

    /** Values sharing a group (a class, a document, a broader concept); {@code group} null for ungrouped values. */
    public record Group(String group, String label, List<Choice> values) {}

    /** @param more true when more values match than were answered: the person should type more */
    public record Choices(List<Group> groups, boolean more) {}

    /**
     * Values of {@code p} whose labels (preferred or alternative) contain {@code text}, ignoring case and accents.
     *
     * @param value when given, only this value (to show the label of a value taken from a permalink)
     */
    public Choices search(QueryParam p, String text, String value, String language, int limit) {
        if (p.valuesOf() == null) throw new BadParameterException("name", "parameter '" + p.name() + "' has no list of values");
        if (limit < 1 || limit > MAX_RESULTS) throw new BadParameterException("limit", "expected an integer from 1 to " + MAX_RESULTS);
        if (text != null && text.length() > ParameterBinder.MAX_STRING) throw new BadParameterException("q", "longer than " + ParameterBinder.MAX_STRING + " characters");
        Node lang = NodeFactory.createLiteralString("en".equals(language) ? "en" : "fr");
        Node cls = NodeFactory.createURI(p.valuesOf());
        BindingBuilder b = BindingBuilder.create().add(CLASS, cls).add(LANG, lang)
            .add(Var.alloc("text"), NodeFactory.createLiteralString(fold(text == null ? "" : text)));
        if (value != null && !value.isBlank()) b.add(VALUE, NodeFactory.createURI(value.trim()));
        Query q = search.cloneQuery();
        q.setLimit(limit + 1L);
        List<Choice> found = new ArrayList<>();
        runner.run(q, b.build()).rows().forEachRemaining(row -> found.add(new Choice(iri(row, VALUE), literal(row, "label"))));
        boolean more = found.size() > limit;
        List<Choice> choices = more ? found.subList(0, limit) : found;
        return new Choices(groups(p, choices, cls, lang), more);
    }

    /** The choices in their groups: groups in French alphabetical order, ungrouped values first. */
    private List<Group> groups(QueryParam p, List<Choice> choices, Node cls, Node lang) {
        if (p.groupBy() == ValueGrouping.NONE || choices.isEmpty()) return List.of(new Group(null, null, List.copyOf(choices)));
        Query q = groupQueries.get(p.groupBy()).cloneQuery();
        ValuesBlock.prepend(q, VALUE, choices.stream().map(c -> NodeFactory.createURI(c.value())).toList());
        Map<String, List<String[]>> groupsOf = new HashMap<>();   // value -> [group, label]
        runner.run(q, BindingBuilder.create().add(CLASS, cls).add(LANG, lang).build()).rows().forEachRemaining(row ->
            groupsOf.computeIfAbsent(iri(row, VALUE), k -> new ArrayList<>()).add(new String[] {iri(row, "group"), literal(row, "groupLabel")}));
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Choice c : choices) {
            for (String[] g : groupsOf.getOrDefault(c.value(), List.<String[]>of(new String[] {null, null}))) {
                groups.computeIfAbsent(g[0], k -> new Group(g[0], g[1], new ArrayList<>())).values().add(c);
            }
        }
        Collator french = Collator.getInstance(Locale.FRENCH);
        return groups.values().stream()
            .sorted(Comparator.comparing((Group g) -> g.group() != null).thenComparing(g -> g.label() == null ? "" : g.label(), french))
            .toList();
    }

    /** Whether {@code iri} is an instance of the parameter's class (or of a subclass), asked of the store. */
    public boolean allows(QueryParam p, String iri) {
        Binding b = BindingBuilder.create()
            .add(VALUE, NodeFactory.createURI(iri))
            .add(CLASS, NodeFactory.createURI(p.valuesOf())).build();
        return runner.run(isInstance, b).ask();
    }

    /** Lower case without accents, as the search query folds labels ("Aide à domicile" → "aide a domicile"). */
    static String fold(String text) {
        String noAccents = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return noAccents.toLowerCase(Locale.ROOT).replace("œ", "oe").replace('’', '\'').replace('‘', '\'');
    }

    private static String iri(Binding row, String var) { return iri(row, Var.alloc(var)); }

    private static String iri(Binding row, Var var) {
        Node n = row.get(var);
        return n == null ? null : n.isURI() ? n.getURI() : n.toString();
    }

    private static String literal(Binding row, String var) {
        Node n = row.get(Var.alloc(var));
        return n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }
}
