package fr.aam.linkeddata;

import fr.aam.Iris;
import fr.aam.linkeddata.ResourceView.Link;
import fr.aam.sparql.SparqlRunner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The ontology as a page people read ({@code /def}): its header, then every class, property and datatype it declares
 * with its name, definition, domain, range, parents and how often the data uses it, each with its anchor so that the
 * term's IRI ({@code <base>def#Actor}) lands on it. In RDF, the ontology's graph itself.
 */
public final class OntologyDocs {

    /**
     * @param definition the definition in the page's language, cut into text and links: a term it cites by prefixed
     *                   name ({@code aam:quote}) is shown by its name, linked to it ({@code label} null: plain text)
     */
    public record Term(String anchor, String iri, String label, String kind, List<Link> definition, List<Link> domain,
                       List<Link> range, List<Link> parents, List<Link> inverse, Long uses) {}

    public record OntologyView(String iri, String title, String description, String version, String namespace,
                               Link licence, List<Term> classes, List<Term> properties, List<Term> datatypes) {}

    private static final Map<String, String> KINDS = Map.of(
        OWL.Class.getURI(), "class", RDFS.Class.getURI(), "class", OWL.ObjectProperty.getURI(), "objectProperty",
        OWL.DatatypeProperty.getURI(), "datatypeProperty", OWL.AnnotationProperty.getURI(), "annotationProperty",
        RDF.Property.getURI(), "property", RDFS.Datatype.getURI(), "datatype");

    private final SparqlRunner runner;
    private final Iris iris;
    private final PageQueries queries;

    public OntologyDocs(SparqlRunner runner, Iris iris, PageQueries queries) {
        this.runner = runner;
        this.iris = iris;
        this.queries = queries;
    }

    /** The ontology's graph, for Turtle, JSON-LD… */
    public Graph rdf() {
        Graph g = runner.run(queries.graphContent(),
            BindingFactory.binding(Var.alloc("graph"), NodeFactory.createURI(iris.ontologyGraph()))).graph();
        g.getPrefixMapping().setNsPrefixes(runner.prefixes());
        return g;
    }

    public OntologyView view(String lang) {
        Node ontology = NodeFactory.createURI(iris.ontology());
        Graph header = runner.run(queries.describe(), BindingFactory.binding(Var.alloc("resource"), ontology)).graph();
        List<Binding> rows = ResourceViews.rows(runner.run(queries.ontologyTerms(),
            BindingFactory.binding(Var.alloc("graph"), NodeFactory.createURI(iris.ontologyGraph()))));
        Map<Node, Long> uses = new HashMap<>();
        runner.run(queries.useCounts(), BindingFactory.binding(Var.alloc("dataset"), NodeFactory.createURI(iris.dataset())))
            .rows().forEachRemaining(b -> uses.merge(b.get(Var.alloc("term")),
                ((Number) b.get(Var.alloc("n")).getLiteralValue()).longValue(), Long::sum));

        Set<Node> named = new LinkedHashSet<>();
        Map<Node, List<Binding>> byTerm = new LinkedHashMap<>();
        for (Binding r : rows) {
            byTerm.computeIfAbsent(r.get(Var.alloc("term")), k -> new ArrayList<>()).add(r);
            r.forEach((v, n) -> { if (n.isURI()) named.add(n); });
        }
        header.find().forEach(t -> { if (t.getObject().isURI()) named.add(t.getObject()); });
        TermMentions mentions = new TermMentions(runner.prefixes());
        for (Binding r : rows) {
            Node d = r.get(Var.alloc("definition"));
            if (d != null && d.isLiteral()) mentions.parts(d.getLiteralLexicalForm()).stream().filter(p -> p.iri() != null)
                .forEach(p -> named.add(NodeFactory.createURI(p.iri())));
        }
        Labels labels = Labels.fetch(runner, queries.labels(), named, queries.terms(), lang);

        List<Term> classes = new ArrayList<>();
        List<Term> properties = new ArrayList<>();
        List<Term> datatypes = new ArrayList<>();
        byTerm.forEach((term, rs) -> {
            if (!term.getURI().startsWith(iris.termNamespace())) return;
            String kind = rs.stream().map(r -> KINDS.get(r.get(Var.alloc("kind")).getURI())).sorted(Comparator.comparing(OntologyDocs::kindRank))
                .findFirst().orElse("property");
            Term t = new Term(term.getURI().substring(iris.termNamespace().length()), term.getURI(), labels.name(term), kind,
                definition(mentions.parts(labels.pick(distinct(rs, "definition"))), labels), links(distinct(rs, "domain"), labels), links(distinct(rs, "range"), labels),
                links(distinct(rs, "parent"), labels), links(distinct(rs, "inverse"), labels), uses.get(term));
            switch (kind) {
                case "class" -> classes.add(t);
                case "datatype" -> datatypes.add(t);
                default -> properties.add(t);
            }
        });
        Comparator<Term> byLabel = Comparator.comparing(Term::label, String.CASE_INSENSITIVE_ORDER);
        classes.sort(byLabel);
        properties.sort(byLabel);
        datatypes.sort(byLabel);

        List<Node> titles = header.find(ontology, DCTerms.title.asNode(), Node.ANY).mapWith(Triple::getObject).toList();
        List<Node> descriptions = header.find(ontology, DCTerms.description.asNode(), Node.ANY).mapWith(Triple::getObject).toList();
        var version = header.find(ontology, OWL.versionInfo.asNode(), Node.ANY);
        var licence = header.find(ontology, DCTerms.license.asNode(), Node.ANY);
        Node licenceNode = licence.hasNext() ? licence.next().getObject() : null;
        return new OntologyView(iris.ontology(), labels.pick(titles), labels.pick(descriptions),
            version.hasNext() ? version.next().getObject().getLiteralLexicalForm() : null, iris.termNamespace(),
            licenceNode == null ? null : new Link(labels.find(licenceNode) != null ? labels.find(licenceNode) : licenceNode.getURI(),
                licenceNode.getURI()),
            classes, properties, datatypes);
    }

    private static int kindRank(String kind) {
        return List.of("class", "datatype", "objectProperty", "datatypeProperty", "annotationProperty", "property").indexOf(kind);
    }

    private static List<Node> distinct(List<Binding> rows, String var) {
        return rows.stream().map(r -> r.get(Var.alloc(var))).filter(n -> n != null).distinct().toList();
    }

    /** Text parts stay text ({@code href} null); a cited term becomes its name, linked (its prefixed name if unnamed). */
    private List<Link> definition(List<TermMentions.Part> parts, Labels labels) {
        return parts.stream().map(p -> {
            if (p.iri() == null) return new Link(p.text(), null);
            Node term = NodeFactory.createURI(p.iri());
            String name = labels.find(term);
            return new Link(name != null ? name : p.text(), iris.href(p.iri()));
        }).toList();
    }

    private List<Link> links(List<Node> nodes, Labels labels) {
        return nodes.stream().map(n -> new Link(labels.name(n), iris.href(n.getURI())))
            .sorted(Comparator.comparing(Link::label, String.CASE_INSENSITIVE_ORDER)).toList();
    }
}
