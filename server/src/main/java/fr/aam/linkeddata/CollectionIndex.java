package fr.aam.linkeddata;

import fr.aam.Iris;
import fr.aam.linkeddata.ResourceView.Link;
import fr.aam.sparql.SparqlRunner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.expr.E_StrLowerCase;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The class indexes: {@code /id/} lists the collections of the dataset, {@code /id/<segment>/} pages through one —
 * every resource whose IRI is {@code <base>id/<segment>/…} (actors, initiatives, measures, professions…), sortable by
 * name, type or source document. Sizes come from the load's statistics, never from a count at request time.
 *
 * <p>In RDF, a collection is a {@code hydra:Collection} with {@code hydra:totalItems} and its members
 * ({@code hydra:member}) page by page, each page a {@code hydra:PartialCollectionView} with first/previous/next/last
 * links; the dataset description holds the same collections as VoID subsets with class partitions.
 */
public final class CollectionIndex {

    public static final int PAGE_SIZE = 50;
    private static final String HYDRA = Vocab.HYDRA;

    /** How a collection page may be sorted. */
    public enum Sort { label, type, document }

    public record ClassCount(Link type, String iri, long count) {}

    public record Collection(String segment, String iri, String href, String title, long count, List<ClassCount> classes) {}

    public record Member(Link resource, List<String> types, List<Link> documents) {}

    public record Page(Collection collection, List<Member> members, int page, int pages, Sort sort, boolean descending,
                       long from, long to, String first, String previous, String next, String last) {

        /** The link of a column's heading: sorts by it, or reverses the order when it already sorts by it. */
        public String sortHref(String column) {
            Sort s = Sort.valueOf(column);
            return href(collection, s, s == sort && !descending, 1);
        }
    }

    private final SparqlRunner runner;
    private final Iris iris;
    private final PageQueries queries;

    public CollectionIndex(SparqlRunner runner, Iris iris, PageQueries queries) {
        this.runner = runner;
        this.iris = iris;
        this.queries = queries;
    }

    /** Every collection of the dataset, by name. */
    public List<Collection> all(String lang) {
        Map<Node, List<Binding>> byCollection = new LinkedHashMap<>();
        runner.run(queries.collections(), BindingFactory.binding(Var.alloc("dataset"), NodeFactory.createURI(iris.dataset())))
            .rows().forEachRemaining(b -> byCollection.computeIfAbsent(b.get(Var.alloc("collection")), k -> new ArrayList<>()).add(b));
        Set<Node> classes = new LinkedHashSet<>();
        byCollection.values().forEach(rows -> rows.forEach(r -> classes.add(r.get(Var.alloc("class")))));
        Labels labels = Labels.fetch(runner, queries.labels(), classes, queries.terms(), lang);
        List<Collection> out = new ArrayList<>();
        byCollection.forEach((iri, rows) -> out.add(collection(iri, rows, labels)));
        out.sort(Comparator.comparing(Collection::title, String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    public Optional<Collection> find(String segment, String lang) {
        return all(lang).stream().filter(c -> c.segment().equals(segment)).findFirst();
    }

    /** One page (from 1) of a collection, or empty when there is no such collection or page. */
    public Optional<Page> page(String segment, Sort sort, boolean descending, int page, String lang) {
        Optional<Collection> found = find(segment, lang);
        if (found.isEmpty()) return Optional.empty();
        Collection c = found.get();
        int pages = (int) Math.max(1, (c.count() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page < 1 || page > pages) return Optional.empty();

        Query q = queries.collectionMembers().cloneQuery();
        String key = switch (sort) { case label -> "label"; case type -> "firstType"; case document -> "firstDocument"; };
        int direction = descending ? Query.ORDER_DESCENDING : Query.ORDER_ASCENDING;
        q.addOrderBy(new SortCondition(new E_StrLowerCase(new ExprVar(key)), direction));
        if (sort != Sort.label) q.addOrderBy(new SortCondition(new E_StrLowerCase(new ExprVar("label")), Query.ORDER_ASCENDING));
        q.addOrderBy(new SortCondition(new ExprVar("member"), Query.ORDER_ASCENDING));
        q.setLimit(PAGE_SIZE);
        q.setOffset((long) (page - 1) * PAGE_SIZE);
        List<Binding> rows = ResourceViews.rows(runner.run(q,
            BindingFactory.binding(Var.alloc("collection"), NodeFactory.createURI(c.iri()))));

        Set<Node> named = new LinkedHashSet<>();
        for (Binding r : rows) {
            named.add(r.get(Var.alloc("member")));
            named.addAll(split(r.get(Var.alloc("types"))));
            named.addAll(split(r.get(Var.alloc("documents"))));
        }
        Labels labels = Labels.fetch(runner, queries.labels(), named, queries.terms(), lang);
        List<Member> members = new ArrayList<>();
        for (Binding r : rows) {
            Node m = r.get(Var.alloc("member"));
            String name = labels.find(m);
            if (name == null) name = "« " + Labels.localName(m.getURI()) + " »";
            members.add(new Member(new Link(name, iris.href(m.getURI())),
                split(r.get(Var.alloc("types"))).stream().filter(t -> labels.find(t) != null).map(labels::name).sorted().toList(),
                split(r.get(Var.alloc("documents"))).stream().map(d -> new Link(labels.name(d), iris.href(d.getURI()))).toList()));
        }
        long from = (long) (page - 1) * PAGE_SIZE + 1;
        return Optional.of(new Page(c, members, page, pages, sort, descending, from, from + members.size() - 1,
            href(c, sort, descending, 1), page > 1 ? href(c, sort, descending, page - 1) : null,
            page < pages ? href(c, sort, descending, page + 1) : null, href(c, sort, descending, pages)));
    }

    /** The path of a page of a collection, with its sort when it is not the default. */
    public static String href(Collection c, Sort sort, boolean descending, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(c.href());
        if (sort != Sort.label) b.queryParam("sort", sort.name());
        if (descending) b.queryParam("order", "desc");
        if (page > 1) b.queryParam("page", page);
        return b.build().toUriString();
    }

    /** {@code /id/} in RDF: the collections, each with its size and name. */
    public Graph rdf(List<Collection> collections) {
        Graph g = GraphFactory.createDefaultGraph();
        Node index = NodeFactory.createURI(iris.id());
        g.add(Triple.create(index, RDF.type.asNode(), hydra("Collection")));
        g.add(Triple.create(index, hydra("totalItems"), integer(collections.size())));
        for (Collection c : collections) {
            Node n = NodeFactory.createURI(c.iri());
            g.add(Triple.create(index, hydra("member"), n));
            g.add(Triple.create(n, RDF.type.asNode(), hydra("Collection")));
            g.add(Triple.create(n, RDFS.label.asNode(), NodeFactory.createLiteralLang(c.title(), "fr")));
            g.add(Triple.create(n, hydra("totalItems"), integer(c.count())));
        }
        g.getPrefixMapping().setNsPrefix("hydra", HYDRA).setNsPrefix("rdfs", RDFS.getURI());
        return g;
    }

    /** One page of a collection in RDF: the collection, this page's members with their names, the paging links. */
    public Graph rdf(Page p) {
        Graph g = GraphFactory.createDefaultGraph();
        Node c = NodeFactory.createURI(p.collection().iri());
        Node view = NodeFactory.createURI(iris.iriOfPath(href(p.collection(), p.sort(), p.descending(), p.page())));
        g.add(Triple.create(c, RDF.type.asNode(), hydra("Collection")));
        g.add(Triple.create(c, RDFS.label.asNode(), NodeFactory.createLiteralLang(p.collection().title(), "fr")));
        g.add(Triple.create(c, hydra("totalItems"), integer(p.collection().count())));
        g.add(Triple.create(c, hydra("view"), view));
        g.add(Triple.create(view, RDF.type.asNode(), hydra("PartialCollectionView")));
        g.add(Triple.create(view, hydra("first"), NodeFactory.createURI(iris.iriOfPath(p.first()))));
        g.add(Triple.create(view, hydra("last"), NodeFactory.createURI(iris.iriOfPath(p.last()))));
        if (p.previous() != null) g.add(Triple.create(view, hydra("previous"), NodeFactory.createURI(iris.iriOfPath(p.previous()))));
        if (p.next() != null) g.add(Triple.create(view, hydra("next"), NodeFactory.createURI(iris.iriOfPath(p.next()))));
        for (Member m : p.members()) {
            Node n = NodeFactory.createURI(iris.iriOfPath(m.resource().href()));
            g.add(Triple.create(c, hydra("member"), n));
            g.add(Triple.create(n, RDFS.label.asNode(), NodeFactory.createLiteralLang(m.resource().label(), "fr")));
        }
        g.getPrefixMapping().setNsPrefix("hydra", HYDRA).setNsPrefix("rdfs", RDFS.getURI());
        return g;
    }

    private Collection collection(Node iri, List<Binding> rows, Labels labels) {
        long n = ((Number) rows.get(0).get(Var.alloc("n")).getLiteralValue()).longValue();
        List<ClassCount> classes = new ArrayList<>();
        for (Binding r : rows) {
            Node cls = r.get(Var.alloc("class"));
            classes.add(new ClassCount(new Link(labels.name(cls), iris.href(cls.getURI())), cls.getURI(),
                ((Number) r.get(Var.alloc("m")).getLiteralValue()).longValue()));
        }
        // named after the classes all its members share (the ontology's own first), else after all its classes
        List<String> covering = rows.stream().filter(r -> ((Number) r.get(Var.alloc("m")).getLiteralValue()).longValue() == n)
            .map(r -> r.get(Var.alloc("class"))).filter(cls -> labels.find(cls) != null)
            .sorted(Comparator.comparing((Node cls) -> !cls.getURI().startsWith(iris.termNamespace())))
            .map(labels::name).toList();
        String title = !covering.isEmpty() ? covering.get(0)
            : String.join(" · ", classes.stream().map(k -> k.type().label()).toList());
        String segment = iri.getURI().substring(iris.id().length(), iri.getURI().length() - 1);
        return new Collection(segment, iri.getURI(), iris.href(iri.getURI()), title, n, classes);
    }

    private static List<Node> split(Node list) {
        if (list == null || list.getLiteralLexicalForm().isBlank()) return List.of();
        return Arrays.stream(list.getLiteralLexicalForm().split(" ")).map(NodeFactory::createURI).toList();
    }

    private static Node hydra(String local) { return NodeFactory.createURI(HYDRA + local); }

    private static Node integer(long n) { return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger); }
}
