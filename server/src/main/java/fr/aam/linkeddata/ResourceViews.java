package fr.aam.linkeddata;

import fr.aam.Iris;
import fr.aam.linkeddata.ResourceView.Alternate;
import fr.aam.linkeddata.ResourceView.ExternalLink;
import fr.aam.linkeddata.ResourceView.InboundGroup;
import fr.aam.linkeddata.ResourceView.InboundItem;
import fr.aam.linkeddata.ResourceView.Link;
import fr.aam.linkeddata.ResourceView.Note;
import fr.aam.linkeddata.ResourceView.Participation;
import fr.aam.linkeddata.ResourceView.Participations;
import fr.aam.linkeddata.ResourceView.QueryLink;
import fr.aam.linkeddata.ResourceView.Row;
import fr.aam.linkeddata.ResourceView.Section;
import fr.aam.linkeddata.ResourceView.Source;
import fr.aam.linkeddata.ResourceView.Value;
import fr.aam.queries.CannedQuery;
import fr.aam.queries.QueryCatalog;
import fr.aam.queries.QueryParam;
import fr.aam.sparql.NodeText;
import fr.aam.sparql.QueryResult;
import fr.aam.sparql.SparqlRunner;
import fr.aam.web.conneg.Format;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Builds the description of one resource — as a page ({@link ResourceView}) or as RDF — from a few queries of
 * resources/sparql/pages/, all run through {@link SparqlRunner}. Generic: any class or property the ontology gains is
 * shown, named from the ontology's labels in the page's language.
 */
public final class ResourceViews {

    /** Resources pointing here shown per property on the page; the rest are one click away, paged. */
    static final int INBOUND_PREVIEW = 10;
    static final int INBOUND_PAGE = 100;
    /** Up to this many resources pointing here, one query fetches them all (instead of one query per property). */
    static final long INBOUND_AT_ONCE = 300;
    private static final int MAX_DEPTH = 4;

    private final SparqlRunner runner;
    private final Iris iris;
    private final QueryCatalog catalog;
    private final PageQueries queries;
    private final TermLabels terms;
    private final Node quote;

    public ResourceViews(SparqlRunner runner, Iris iris, QueryCatalog catalog, PageQueries queries) {
        this.runner = runner;
        this.iris = iris;
        this.catalog = catalog;
        this.queries = queries;
        this.terms = queries.terms();
        this.quote = NodeFactory.createURI(iris.term("quote"));
    }

    /**
     * The RDF description of a resource: its triples (with their blank nodes), the triples pointing to it, and the
     * names of the resources it is linked with. Empty when the graph says nothing about it.
     */
    public Optional<Graph> rdf(String iri) {
        Binding b = resource(iri);
        Graph g = GraphFactory.createDefaultGraph();
        ownTriples(b).find().forEach(g::add);
        runner.run(queries.neighbours(), b).graph().find().forEach(g::add);
        if (g.isEmpty() && !isGraphName(iri)) return Optional.empty();
        g.getPrefixMapping().setNsPrefixes(runner.prefixes());
        return Optional.of(g);
    }

    /**
     * The resource's own triples (outgoing.rq); when one of its values is a blank node (SHACL shapes, lists), with
     * their closure, which DESCRIBE follows. Not DESCRIBE always: what it answers is left to the engine by SPARQL 1.1,
     * and Virtuoso 7.2's left out the dataset's void:triples (in the metadata graph).
     */
    private Graph ownTriples(Binding b) {
        Graph own = runner.run(queries.outgoing(), b).graph();
        if (own.find().filterKeep(t -> t.getObject().isBlank()).hasNext()) own = runner.run(queries.describe(), b).graph();
        return own;
    }

    /**
     * The page of a resource. {@code focus}, when given, is a property whose pointing resources are listed alone,
     * paged from {@code offset}; otherwise each group of pointing resources is previewed.
     */
    public Optional<ResourceView> page(String iri, String lang, Texts texts, String focus, long offset) {
        Node subject = NodeFactory.createURI(iri);
        Binding b = resource(iri);
        Graph own = ownTriples(b);
        List<Binding> groups = rows(runner.run(queries.inboundGroups(), b));
        boolean graphName = isGraphName(iri);
        if (own.isEmpty() && groups.isEmpty() && !graphName) return Optional.empty();

        Graph all = GraphFactory.createDefaultGraph();
        own.find().forEach(all::add);
        runner.run(queries.context(), b).graph().find().forEach(all::add);
        List<Binding> participations = rows(runner.run(queries.participations(), b));
        boolean isAgent = participations.stream().anyMatch(r -> subject.equals(r.get(Var.alloc("agent"))));
        LinkTargets targets = LinkTargets.read(runner, queries.linkTargets());

        // the resources pointing here, per property (an actor's partnerships are shown with their roles instead)
        Map<Node, Long> counts = new LinkedHashMap<>();
        Map<Node, List<Binding>> items = new LinkedHashMap<>();
        long pointing = 0;
        for (Binding g : groups) {
            Node property = g.get(Var.alloc("property"));
            if (isAgent && property.equals(Vocab.AGENT)) continue;
            if (focus != null && !property.getURI().equals(focus)) continue;
            long n = ((Number) g.get(Var.alloc("n")).getLiteralValue()).longValue();
            counts.put(property, n);
            pointing += n;
        }
        if (focus == null && pointing <= INBOUND_AT_ONCE) {
            // few: all at once, the first of each property kept
            for (Binding r : rows(runner.run(queries.inboundAll(), b))) {
                List<Binding> list = items.computeIfAbsent(r.get(Var.alloc("property")), k -> new ArrayList<>());
                if (list.size() < INBOUND_PREVIEW) list.add(r);
            }
            counts.keySet().forEach(p -> items.putIfAbsent(p, List.of()));
        } else {
            for (Node property : counts.keySet()) {
                Query q = queries.inbound().cloneQuery();
                q.setLimit(focus != null ? INBOUND_PAGE : INBOUND_PREVIEW);
                q.setOffset(focus != null ? Math.max(0, offset) : 0);
                items.put(property, rows(runner.run(q, BindingFactory.builder(b).add(Var.alloc("property"), property).build())));
            }
        }

        Set<Node> named = new LinkedHashSet<>();
        collectNodes(subject, all, named, 0);
        named.addAll(counts.keySet());
        items.values().forEach(list -> list.forEach(r -> {
            named.add(r.get(Var.alloc("s")));
            named.addAll(typesOf(r));
        }));
        participations.forEach(r -> r.forEach((v, n) -> named.add(n)));
        all.find(Node.ANY, Vocab.IS_PART_OF, Node.ANY).forEach(t -> named.add(t.getObject()));
        catalogClasses().forEach(named::add);
        Labels labels = Labels.fetch(runner, queries.labels(), named, terms, lang);

        return Optional.of(new Builder(subject, all, labels, texts, targets).build(counts, items, participations,
            graphName, focus, offset));
    }

    /**
     * The resources of one named graph described in full, one after the other, for the documents whose resources are
     * fragments of one IRI ({@code /def/shapes} holds {@code <base>def/shapes#…}, the graph of ontology/shapes.ttl).
     */
    public Optional<List<ResourceView>> document(String graphIri, String lang, Texts texts) {
        Graph content = runner.run(queries.graphContent(),
            BindingFactory.binding(Var.alloc("graph"), NodeFactory.createURI(graphIri))).graph();
        if (content.isEmpty()) return Optional.empty();
        List<Node> subjects = content.find().mapWith(Triple::getSubject).filterKeep(Node::isURI).toSet().stream()
            .sorted(Comparator.comparing(Node::getURI)).toList();
        Set<Node> named = new LinkedHashSet<>();
        subjects.forEach(s -> collectNodes(s, content, named, 0));
        Labels labels = Labels.fetch(runner, queries.labels(), named, terms, lang);
        LinkTargets targets = LinkTargets.read(runner, queries.linkTargets());
        return Optional.of(subjects.stream().map(s -> new Builder(s, content, labels, texts, targets)
            .build(Map.of(), Map.of(), List.of(), false, null, 0)).toList());
    }

    /** Whether the IRI names one of the store's graphs (which then has a page even when nothing describes it). */
    private boolean isGraphName(String iri) {
        if (!iri.startsWith(iris.graphBase())) return false;
        return runner.run(queries.graphExists(), BindingFactory.binding(Var.alloc("graph"), NodeFactory.createURI(iri))).ask();
    }

    private static Binding resource(String iri) {
        return BindingFactory.binding(Var.alloc("resource"), NodeFactory.createURI(iri));
    }

    static List<Binding> rows(QueryResult r) {
        List<Binding> out = new ArrayList<>();
        r.rows().forEachRemaining(out::add);
        return out;
    }

    private static List<Node> typesOf(Binding r) {
        Node types = r.get(Var.alloc("types"));
        if (types == null || types.getLiteralLexicalForm().isBlank()) return List.of();
        return java.util.Arrays.stream(types.getLiteralLexicalForm().split(" ")).map(NodeFactory::createURI).toList();
    }

    /** Every node a page of {@code subject} may name: its properties, values, their types, nested nodes. */
    private static void collectNodes(Node subject, Graph g, Set<Node> out, int depth) {
        if (depth > MAX_DEPTH) return;
        out.add(subject);
        g.find(subject, Node.ANY, Node.ANY).forEach(t -> {
            out.add(t.getPredicate());
            Node o = t.getObject();
            if (o.isLiteral()) {
                if (o.getLiteralDatatypeURI() != null) out.add(NodeFactory.createURI(o.getLiteralDatatypeURI()));
            } else {
                out.add(o);
                g.find(o, Vocab.TYPE, Node.ANY).forEach(x -> out.add(x.getObject()));
                if (o.isBlank() || isFragmentOf(o, subject)) collectNodes(o, g, out, depth + 1);
            }
        });
    }

    private static boolean isFragmentOf(Node o, Node subject) {
        return o.isURI() && subject.isURI() && o.getURI().startsWith(subject.getURI() + "#");
    }

    private Set<Node> catalogClasses() {
        Set<Node> out = new HashSet<>();
        for (CannedQuery q : catalog.all().values()) {
            for (QueryParam p : q.params()) if (p.valuesOf() != null) out.add(NodeFactory.createURI(p.valuesOf()));
        }
        return out;
    }

    /** Turns the graph around one subject into the page's records. */
    private final class Builder {
        private final Node subject;
        private final Graph g;
        private final Labels labels;
        private final Texts texts;
        private final LinkTargets targets;

        Builder(Node subject, Graph g, Labels labels, Texts texts, LinkTargets targets) {
            this.subject = subject;
            this.g = g;
            this.labels = labels;
            this.texts = texts;
            this.targets = targets;
        }

        ResourceView build(Map<Node, Long> counts, Map<Node, List<Binding>> inboundItems, List<Binding> participationRows,
                           boolean graphName, String focus, long offset) {
            String iri = subject.getURI();
            String path = iris.href(iri);
            List<Node> typeNodes = mostSpecificTypes();
            List<Link> types = typeNodes.stream().map(this::termLink).toList();
            Participations participations = participations(participationRows);

            List<Row> identity = new ArrayList<>();
            List<Row> relations = new ArrayList<>();
            List<Row> values = new ArrayList<>();
            List<Source> sources = new ArrayList<>();
            List<String> quotes = new ArrayList<>();
            List<ExternalLink> external = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            List<Note> extractionNotes = new ArrayList<>();
            String title = labels.find(subject);
            String description = null;

            for (Map.Entry<Node, List<Node>> e : objectsByPredicate(subject).entrySet()) {
                Node p = e.getKey();
                List<Node> objects = e.getValue();
                if (p.equals(Vocab.TYPE) || Vocab.HIDDEN.contains(p)) continue;
                if (p.equals(Vocab.QUALIFIED_ASSOCIATION) && !participations.rows().isEmpty()) continue;
                if (Vocab.DESCRIPTIONS.contains(p)) {
                    if (description == null) description = labels.pick(objects);
                    continue;
                }
                if (p.equals(Vocab.EXTRACTION_NOTE)) {
                    labels.pickAll(objects).forEach(n -> extractionNotes.add(new Note(n.getLiteralLexicalForm(),
                        n.getLiteralLanguage().isEmpty() ? null : n.getLiteralLanguage())));
                    continue;
                }
                if (Vocab.NOTES.contains(p)) {
                    String note = labels.pick(objects);
                    if (note != null) notes.add(note);
                    continue;
                }
                if (p.equals(Vocab.WAS_DERIVED_FROM)) {
                    sources.addAll(sources(objects));
                    continue;
                }
                if (p.equals(quote)) {
                    objects.stream().filter(Node::isLiteral).map(Node::getLiteralLexicalForm).forEach(quotes::add);
                    continue;
                }
                List<Node> internal = new ArrayList<>();
                for (Node o : objects) {
                    Optional<LinkTargets.Target> t = targets.of(p, o);
                    if (t.isPresent()) external.add(new ExternalLink(t.get().title(), t.get().code(o), t.get().href(o),
                        labels.name(p)));
                    else internal.add(o);
                }
                if (internal.isEmpty()) continue;
                if (Vocab.NAMES.contains(p) && title != null) {
                    String shown = title;
                    internal = internal.stream().filter(o -> !(o.isLiteral() && o.getLiteralLexicalForm().equals(shown))).toList();
                    if (internal.isEmpty()) continue;
                }
                Row row = new Row(labels.name(p), p.getURI(), values(internal, 0));
                if (Vocab.IDENTITY.contains(p)) identity.add(row);
                else if (internal.stream().anyMatch(o -> !o.isLiteral())) relations.add(row);
                else values.add(row);
            }
            if (title == null) title = fallbackTitle(graphName, typeNodes);

            List<Section> sections = new ArrayList<>();
            for (var s : List.of(Map.entry("identity", identity), Map.entry("relations", relations), Map.entry("values", values))) {
                if (s.getValue().isEmpty()) continue;
                s.getValue().sort(Comparator.comparing(Row::property, String.CASE_INSENSITIVE_ORDER));
                sections.add(new Section(s.getKey(), s.getValue()));
            }
            external.sort(Comparator.comparing(ExternalLink::target).thenComparing(ExternalLink::code));

            return new ResourceView(iri, path, title, types, description, collection(iri, types), sections,
                participations, inbound(counts, inboundItems, path, focus, offset), focus != null,
                sources, quotes, external, notes, extractionNotes, cannedQueries(iri), formats(path),
                graphName ? new Link(texts.get("resource.graphContent"), graphDownload(iri)) : null);
        }

        private Map<Node, List<Node>> objectsByPredicate(Node s) {
            Map<Node, List<Node>> out = new LinkedHashMap<>();
            g.find(s, Node.ANY, Node.ANY).forEach(t -> out.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject()));
            return out;
        }

        /** The resource's types, without those that are superclasses of another of its types. */
        private List<Node> mostSpecificTypes() {
            List<Node> types = g.find(subject, Vocab.TYPE, Node.ANY).mapWith(Triple::getObject).toList();
            Set<Node> supers = new HashSet<>();
            for (Node t : types) g.find(t, Vocab.SUBCLASS_OF, Node.ANY).forEach(x -> supers.add(x.getObject()));
            return types.stream().filter(t -> !supers.contains(t))
                .sorted(Comparator.comparing((Node t) -> !t.getURI().startsWith(iris.termNamespace())).thenComparing(labels::name))
                .toList();
        }

        private List<Value> values(List<Node> objects, int depth) {
            List<Value> out = new ArrayList<>();
            Set<String> lexicals = new HashSet<>();
            Set<String> collisions = new HashSet<>();
            for (Node o : objects) if (o.isLiteral() && !lexicals.add(o.getLiteralLexicalForm())) collisions.add(o.getLiteralLexicalForm());
            for (Node o : objects) {
                if (o.isBlank() && g.contains(o, Vocab.FIRST, Node.ANY)) {
                    out.addAll(values(listItems(o), depth));
                } else if (o.isLiteral()) {
                    String note = collisions.contains(o.getLiteralLexicalForm()) && o.getLiteralDatatypeURI() != null
                        ? labels.name(NodeFactory.createURI(o.getLiteralDatatypeURI())) : null;
                    String lang = o.getLiteralLanguage().isEmpty() || o.getLiteralLanguage().equals(labels.lang()) ? null : o.getLiteralLanguage();
                    out.add(new Value(literalText(o), null, lang, note, List.of()));
                } else if ((o.isBlank() || isFragmentOf(o, subject)) && depth < MAX_DEPTH) {
                    out.add(new Value(o.isBlank() ? null : labels.find(o), o.isBlank() ? null : iris.href(o.getURI()), null, null,
                        nestedRows(o, depth + 1)));
                } else if (o.isURI()) {
                    out.add(new Value(labels.name(o), iris.href(o.getURI()), null, null, List.of()));
                } else {
                    out.add(new Value(NodeText.of(o), null, null, null, List.of()));
                }
            }
            out.sort(Comparator.comparing((Value v) -> v.text() == null ? "" : v.text(), String.CASE_INSENSITIVE_ORDER));
            return out;
        }

        private List<Row> nestedRows(Node node, int depth) {
            List<Row> rows = new ArrayList<>();
            objectsByPredicate(node).forEach((p, objects) -> rows.add(new Row(labels.name(p), p.getURI(), values(objects, depth))));
            rows.sort(Comparator.comparing(Row::property, String.CASE_INSENSITIVE_ORDER));
            return rows;
        }

        private List<Node> listItems(Node list) {
            List<Node> items = new ArrayList<>();
            Node cell = list;
            while (cell != null && !cell.equals(Vocab.NIL) && items.size() < 1000) {
                Node c = cell;
                g.find(c, Vocab.FIRST, Node.ANY).forEach(t -> items.add(t.getObject()));
                var rest = g.find(c, Vocab.REST, Node.ANY);
                cell = rest.hasNext() ? rest.next().getObject() : null;
            }
            return items;
        }

        private String literalText(Node o) {
            String dt = o.getLiteralDatatypeURI();
            if (org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean.getURI().equals(dt)) {
                return texts.get("true".equals(o.getLiteralLexicalForm()) || "1".equals(o.getLiteralLexicalForm()) ? "value.yes" : "value.no");
            }
            return o.getLiteralLexicalForm();
        }

        private Link termLink(Node term) { return new Link(labels.name(term), iris.href(term.getURI())); }

        private Link link(Node n) { return n == null ? null : new Link(labels.name(n), n.isURI() ? iris.href(n.getURI()) : null); }

        /** The sections, grouped by the document they are part of (per the page's context graph). */
        private List<Source> sources(List<Node> sections) {
            Map<Node, Node> documents = new LinkedHashMap<>();
            for (Node s : sections) {
                var doc = g.find(s, Vocab.IS_PART_OF, Node.ANY);
                documents.put(s, doc.hasNext() ? doc.next().getObject() : null);
            }
            return grouped(documents);
        }

        /** Section → document pairs as one source per document, documents and sections sorted by name. */
        private List<Source> grouped(Map<Node, Node> documentOfSection) {
            Map<String, List<Link>> byDocument = new TreeMap<>();
            Map<String, Link> documentLinks = new LinkedHashMap<>();
            documentOfSection.forEach((section, document) -> {
                Link d = link(document);
                String key = d == null ? "" : d.label();
                documentLinks.put(key, d);
                List<Link> list = byDocument.computeIfAbsent(key, k -> new ArrayList<>());
                Link l = link(section);
                if (!list.contains(l)) list.add(l);
            });
            List<Source> out = new ArrayList<>();
            byDocument.forEach((key, list) -> {
                list.sort(Comparator.comparing(Link::label, String.CASE_INSENSITIVE_ORDER));
                out.add(new Source(documentLinks.get(key), List.copyOf(list)));
            });
            return out;
        }

        private String fallbackTitle(boolean graphName, List<Node> types) {
            String segment = Labels.localName(subject.getURI());
            if (graphName) return texts.get("resource.graphTitle", segment);
            if (!types.isEmpty()) return labels.name(types.get(0)) + " « " + segment + " »";
            return "« " + segment + " »";
        }

        private Link collection(String iri, List<Link> types) {
            if (!iri.startsWith(iris.id())) return null;
            String rest = iri.substring(iris.id().length());
            int slash = rest.indexOf('/');
            if (slash <= 0) return null;
            String label = types.isEmpty() ? rest.substring(0, slash) : types.get(0).label();
            return new Link(label, "/id/" + rest.substring(0, slash + 1));
        }

        private Participations participations(List<Binding> rows) {
            boolean ofAction = rows.stream().anyMatch(r -> subject.equals(r.get(Var.alloc("action"))));
            Map<Node, List<Binding>> byPartnership = new LinkedHashMap<>();
            for (Binding r : rows) byPartnership.computeIfAbsent(r.get(Var.alloc("partnership")), k -> new ArrayList<>()).add(r);
            List<Participation> out = new ArrayList<>();
            for (List<Binding> rs : byPartnership.values()) {
                Node other = rs.get(0).get(Var.alloc(ofAction ? "agent" : "action"));
                Set<Node> types = new LinkedHashSet<>();
                Set<Node> roles = new LinkedHashSet<>();
                Map<Node, Node> sections = new LinkedHashMap<>();
                Set<String> quotes = new LinkedHashSet<>();
                for (Binding r : rs) {
                    if (!ofAction && r.get(Var.alloc("actionType")) != null) types.add(r.get(Var.alloc("actionType")));
                    if (r.get(Var.alloc("role")) != null) roles.add(r.get(Var.alloc("role")));
                    if (r.get(Var.alloc("section")) != null) sections.put(r.get(Var.alloc("section")), r.get(Var.alloc("document")));
                    if (r.get(Var.alloc("quote")) != null) quotes.add(r.get(Var.alloc("quote")).getLiteralLexicalForm());
                }
                List<Source> sources = grouped(sections);
                out.add(new Participation(link(other), types.stream().filter(t -> labels.find(t) != null).map(this::termLink).toList(),
                    roles.stream().map(this::link).toList(), sources, List.copyOf(quotes)));
            }
            out.sort(Comparator.comparing((Participation p) -> p.other().label(), String.CASE_INSENSITIVE_ORDER));
            return new Participations(ofAction, out);
        }

        private List<InboundGroup> inbound(Map<Node, Long> counts, Map<Node, List<Binding>> items, String path,
                                           String focus, long offset) {
            List<InboundGroup> out = new ArrayList<>();
            counts.forEach((property, n) -> {
                List<InboundItem> list = new ArrayList<>();
                for (Binding r : items.get(property)) {
                    Node s = r.get(Var.alloc("s"));
                    String label = labels.find(s);
                    Node sort = r.get(Var.alloc("sortLabel"));
                    if (label == null && sort != null) label = sort.getLiteralLexicalForm();
                    if (label == null) label = s.isURI() ? "« " + Labels.localName(s.getURI()) + " »" : NodeText.of(s);
                    list.add(new InboundItem(new Link(label, s.isURI() ? iris.href(s.getURI()) : null), typeLabel(typesOf(r))));
                }
                String groupHref = UriComponentsBuilder.fromPath(path).queryParam("inbound", property.getURI())
                    .encode().build().toUriString();
                if (focus == null) {
                    out.add(new InboundGroup(labels.name(property), property.getURI(), n, list,
                        n > list.size() ? groupHref : null, null, null, 1, list.size()));
                } else {
                    long from = Math.max(0, offset);
                    String previous = from > 0 ? page(path, property, Math.max(0, from - INBOUND_PAGE)) : null;
                    String next = from + INBOUND_PAGE < n ? page(path, property, from + INBOUND_PAGE) : null;
                    out.add(new InboundGroup(labels.name(property), property.getURI(), n, list, null, previous, next,
                        from + 1, from + list.size()));
                }
            });
            return out;
        }

        private String page(String path, Node property, long offset) {
            return UriComponentsBuilder.fromPath(path).queryParam("inbound", property.getURI())
                .queryParam("offset", offset).encode().build().toUriString();
        }

        /** The name of the most specific named type among {@code types}, preferring the ontology's own classes. */
        private String typeLabel(List<Node> types) {
            return types.stream().filter(t -> labels.find(t) != null)
                .sorted(Comparator.comparing((Node t) -> !t.getURI().startsWith(iris.termNamespace())))
                .map(labels::name).findFirst().orElse(null);
        }

        /** The canned queries with a parameter taking this resource (an instance of the parameter's class). */
        private List<QueryLink> cannedQueries(String iri) {
            Set<String> classes = new HashSet<>();
            g.find(subject, Vocab.TYPE, Node.ANY).forEach(t -> {
                classes.add(t.getObject().getURI());
                g.find(t.getObject(), Vocab.SUBCLASS_OF, Node.ANY).forEach(s -> { if (s.getObject().isURI()) classes.add(s.getObject().getURI()); });
            });
            Map<String, QueryLink> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (CannedQuery q : catalog.all().values()) {
                for (QueryParam p : q.params()) {
                    if (p.valuesOf() == null || !classes.contains(p.valuesOf())) continue;
                    String title = q.title().in(labels.lang());
                    Format data = q.query().isConstructType() || q.query().isDescribeType() ? Format.TURTLE : Format.CSV;
                    out.put(title, new QueryLink(title,
                        UriComponentsBuilder.fromPath("/").queryParam("query", q.id()).queryParam(p.name(), iri).encode().build().toUriString(),
                        UriComponentsBuilder.fromPath("/api/queries/" + q.id()).queryParam(p.name(), iri)
                            .queryParam("format", data.token()).encode().build().toUriString(),
                        data.lang().getLabel()));
                    break;
                }
            }
            return List.copyOf(out.values());
        }

        private List<Alternate> formats(String path) {
            return Format.GRAPH.stream().map(f -> new Alternate(f.lang().getLabel(), path + "." + f.extension(), f.mediaType())).toList();
        }

        private String graphDownload(String iri) {
            return UriComponentsBuilder.fromPath("/sparql").queryParam("graph", iri).encode().build().toUriString();
        }
    }
}
