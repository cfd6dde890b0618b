package fr.aam.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The real terms synthetic documents point to, read from the working copy (never restated in Java): the régions,
 * départements and communes of data/territories.ttl, the specific reference levers, the professions, the shared
 * actors of data/actors.ttl, and the controlled vocabularies of ontology/vocabularies.ttl (actor kinds, roles,
 * statuses, units, qualifiers, innovation sides).
 */
final class ReferenceTerms {

    static final String AAM = "https://w3id.org/attractivite-autonomie/def#";
    static final String IGEO = "http://rdf.insee.fr/def/geo#";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";

    /** A territory of data/territories.ttl with its label and the territory it is a subdivision of (null for France). */
    record Territory(Node iri, String label, Node parent) {}

    final List<Territory> regions = new ArrayList<>();
    final List<Territory> departements = new ArrayList<>();
    final Map<Node, List<Territory>> communesOf = new LinkedHashMap<>();
    final Node france;
    final List<Node> specificLevers;
    final List<Node> professions;
    final List<Node> sharedActors;
    final List<Node> actorKinds;
    final List<Node> roles;
    final List<Node> statuses;
    final List<Node> units;
    final List<Node> qualifiers;
    final List<Node> innovationSides;

    private final Graph g;

    ReferenceTerms(Path home) {
        g = GraphFactory.createDefaultGraph();
        for (String f : List.of("ontology/vocabularies.ttl", "data/territories.ttl", "data/levers.ttl",
                "data/professions.ttl", "data/actors.ttl")) {
            RDFDataMgr.read(g, home.resolve(f).toString());
        }
        france = instances(IGEO + "Pays").get(0);
        for (Node r : instances(IGEO + "Region")) regions.add(territory(r));
        for (Node d : instances(IGEO + "Departement")) departements.add(territory(d));
        for (Node c : instances(IGEO + "Commune")) {
            Territory t = territory(c);
            communesOf.computeIfAbsent(t.parent(), k -> new ArrayList<>()).add(t);
        }
        specificLevers = instances(AAM + "Lever").stream().filter(l -> g.contains(l, uri(SKOS + "broader"), Node.ANY)).toList();
        professions = instances(AAM + "Profession");
        sharedActors = instances(AAM + "Actor");
        actorKinds = instances(AAM + "ActorKind");
        roles = instances(AAM + "Role");
        statuses = instances(AAM + "Status");
        units = instances(AAM + "Unit");
        qualifiers = instances(AAM + "Qualifier");
        innovationSides = instances(AAM + "InnovationSide");
        if (departements.isEmpty() || specificLevers.isEmpty() || roles.isEmpty()) {
            throw new IllegalStateException("reference terms not found under " + home);
        }
    }

    Node role(String localName) {
        return roles.stream().filter(r -> r.getURI().endsWith("/" + localName)).findFirst()
            .orElseThrow(() -> new IllegalStateException("no role " + localName + " in ontology/vocabularies.ttl"));
    }

    List<Territory> departementsOf(Territory region) {
        return departements.stream().filter(d -> region.iri().equals(d.parent())).toList();
    }

    /** Instances of a class, in IRI order, so that the generator is deterministic. */
    private List<Node> instances(String cls) {
        return g.find(Node.ANY, RDF.type.asNode(), uri(cls)).mapWith(t -> t.getSubject())
            .filterKeep(Node::isURI).toList().stream().distinct()
            .sorted(Comparator.comparing(Node::getURI)).toList();
    }

    private Territory territory(Node t) {
        var label = g.find(t, RDFS.label.asNode(), Node.ANY);
        var parent = g.find(t, uri(IGEO + "subdivisionDe"), Node.ANY);
        return new Territory(t, label.hasNext() ? label.next().getObject().getLiteralLexicalForm() : t.getLocalName(),
            parent.hasNext() ? parent.next().getObject() : null);
    }

    static Node uri(String iri) { return NodeFactory.createURI(iri); }
}
