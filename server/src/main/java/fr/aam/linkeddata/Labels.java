package fr.aam.linkeddata;

import fr.aam.sparql.QueryResult;
import fr.aam.sparql.SparqlRunner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;

/**
 * The names of the nodes one page shows, fetched in one query, in the page's language: the page's language first,
 * then French (the data's language), then a name without language, then any. Terms the ontology does not name
 * (standard vocabularies) are named from {@link TermLabels}; a term named nowhere is shown by its local name in words
 * ("contentHash" → "content hash"), never by its IRI.
 */
final class Labels {

    private static final Var NODE = Var.alloc("node");
    private static final Var LABEL = Var.alloc("label");

    private final Map<Node, List<Node>> byNode;
    private final TermLabels terms;
    private final String lang;

    private Labels(Map<Node, List<Node>> byNode, TermLabels terms, String lang) {
        this.byNode = byNode;
        this.terms = terms;
        this.lang = lang;
    }

    static Labels fetch(SparqlRunner runner, Query labelsQuery, Collection<Node> nodes, TermLabels terms, String lang) {
        Map<Node, List<Node>> byNode = new HashMap<>();
        List<Node> wanted = nodes.stream().filter(n -> n != null && n.isURI()).distinct().toList();
        int chunk = 500;
        for (int i = 0; i < wanted.size(); i += chunk) {
            Query q = labelsQuery.cloneQuery();
            List<Binding> values = new ArrayList<>();
            for (Node n : wanted.subList(i, Math.min(wanted.size(), i + chunk))) values.add(BindingFactory.binding(NODE, n));
            q.setValuesDataBlock(List.of(NODE), values);
            QueryResult r = runner.run(q, BindingFactory.empty());
            r.rows().forEachRemaining(b -> byNode.computeIfAbsent(b.get(NODE), k -> new ArrayList<>()).add(b.get(LABEL)));
        }
        return new Labels(byNode, terms, lang);
    }

    String lang() { return lang; }

    /** The node's name in the page's language (or the best other), or null when the graph names it nowhere. */
    String find(Node n) {
        String s = pick(byNode.get(n));
        return s != null ? s : pick(terms.of(n));
    }

    /** The node's name, or its local name in words. */
    String name(Node n) {
        String s = find(n);
        return s != null ? s : words(localName(n.isURI() ? n.getURI() : n.toString()));
    }

    /** The literal among {@code literals} that suits the page's language best. */
    String pick(List<Node> literals) {
        if (literals == null || literals.isEmpty()) return null;
        Node best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Node l : literals) {
            if (!l.isLiteral()) continue;
            int rank = rank(l.getLiteralLanguage());
            if (rank < bestRank || (rank == bestRank && best != null
                    && l.getLiteralLexicalForm().compareTo(best.getLiteralLexicalForm()) < 0)) {
                best = l;
                bestRank = rank;
            }
        }
        return best == null ? null : best.getLiteralLexicalForm();
    }

    /**
     * Every literal among {@code literals} in the language that suits the page best (a resource may carry several
     * notes), sorted: French ones on an English page when no English one exists.
     */
    List<Node> pickAll(List<Node> literals) {
        int best = literals.stream().filter(Node::isLiteral).mapToInt(l -> rank(l.getLiteralLanguage())).min().orElse(-1);
        return literals.stream().filter(l -> l.isLiteral() && rank(l.getLiteralLanguage()) == best)
            .sorted(Comparator.comparing(Node::getLiteralLexicalForm)).toList();
    }

    private int rank(String l) {
        String language = l.toLowerCase(Locale.ROOT);
        if (language.equals(lang)) return 0;
        if (language.equals("fr")) return 1;
        if (language.isEmpty()) return 2;
        return 3;
    }

    static String localName(String iri) {
        String s = iri.endsWith("/") ? iri.substring(0, iri.length() - 1) : iri;
        int cut = Math.max(s.lastIndexOf('#'), s.lastIndexOf('/'));
        return cut >= 0 && cut < s.length() - 1 ? s.substring(cut + 1) : s;
    }

    /** "qualifiedAssociation" → "qualified association". */
    static String words(String localName) {
        return localName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
