package fr.aam.bench;

import fr.aam.bench.ReferenceTerms.Territory;
import fr.aam.bench.SyntheticDocument.Kind;
import fr.aam.bench.SyntheticDocument.SharedActor;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;

/**
 * Writes a synthetic graph of the real graph's shape, deterministic from a seed: source documents (département
 * roadmaps and benchmarks, régional toolboxes, national plans), one Turtle file each — so each is its own named graph
 * and validates with the shared files alone — until the target number of triples is reached. Documents are spread
 * over the real départements and régions of data/territories.ttl with a Zipf skew (a few territories have many
 * documents), and the same seed always writes the same first documents: a larger size extends a smaller one.
 */
public final class SyntheticGraph {

    /** Files are named synthetic-00001.ttl…; the server names each one's graph after it. */
    public static final String FILE_PREFIX = "synthetic-";
    private static final int SHARED_ACTORS_PER_TERRITORY = 12;

    public record Result(List<Path> files, long triples) {}

    private final ReferenceTerms ref;
    private final String baseIri;
    private final long seed;
    private final Map<Node, List<SharedActor>> sharedActors = new HashMap<>();

    /** @param home the working copy whose ontology/ and data/ give the real terms */
    public SyntheticGraph(Path home, String baseIri, long seed) {
        this.ref = new ReferenceTerms(home);
        this.baseIri = baseIri;
        this.seed = seed;
    }

    public Result write(Path dir, long targetTriples) throws IOException {
        Files.createDirectories(dir);
        Random master = new Random(seed);
        Zipf departements = new Zipf(ref.departements.size(), 1.0);
        Zipf regions = new Zipf(ref.regions.size(), 1.0);
        List<Path> files = new ArrayList<>();
        long triples = 0;
        for (int n = 1; triples < targetTriples; n++) {
            String slug = String.format("synthetic-%05d", n);
            Random rnd = new Random(seed * 1_000_003L + n);
            int draw = master.nextInt(100);
            Kind kind = draw < 45 ? Kind.ROADMAP : draw < 75 ? Kind.BENCHMARK : draw < 92 ? Kind.TOOLBOX : Kind.PLAN;
            Territory scope = switch (kind) {
                case ROADMAP, BENCHMARK -> departements.pick(ref.departements, master);
                case TOOLBOX -> regions.pick(ref.regions, master);
                case PLAN -> new Territory(ref.france, "France", null);
            };
            int actions = switch (kind) {
                case ROADMAP -> 30 + rnd.nextInt(120);
                case BENCHMARK -> 20 + rnd.nextInt(60);
                case TOOLBOX -> 15 + rnd.nextInt(20);
                case PLAN -> 40 + rnd.nextInt(80);
            };
            // about 45 triples per action: the last document stays near the target
            actions = (int) Math.max(5, Math.min(actions, (targetTriples - triples) / 45 + 5));
            Path file = dir.resolve(slug + ".ttl");
            SyntheticDocument doc = new SyntheticDocument(ref, baseIri, slug, kind, scope, places(kind, scope),
                sharedActors(scope), rnd, actions);
            triples += writeFile(file, doc);
            files.add(file);
        }
        return new Result(files, triples);
    }

    private long writeFile(Path file, SyntheticDocument doc) throws IOException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            StreamRDF stream = StreamRDFWriter.getWriterStream(os, RDFFormat.TURTLE_BLOCKS);
            stream.start();
            prefixes(stream);
            TripleSink sink = new TripleSink(stream);
            doc.write(sink);
            stream.finish();
            return sink.count();
        }
    }

    private void prefixes(StreamRDF s) {
        s.prefix("aam", ReferenceTerms.AAM);
        s.prefix("rdfs", SyntheticDocument.RDFS);
        s.prefix("skos", ReferenceTerms.SKOS);
        s.prefix("prov", SyntheticDocument.PROV);
        s.prefix("dcterms", SyntheticDocument.DCT);
        s.prefix("xsd", "http://www.w3.org/2001/XMLSchema#");
        for (String kind : List.of("actor", "initiative", "action-sheet", "measure", "partnership", "profession", "lever",
                "axis", "territory", "indicator", "figure", "matrix", "placement", "finding", "source", "section", "scheme",
                "actor-kind", "role", "status", "unit", "qualifier", "innovation-side")) {
            s.prefix(kind.equals("action-sheet") ? "sheet" : kind.equals("actor-kind") ? "kind" : kind.equals("innovation-side") ? "side" : kind,
                baseIri + "id/" + kind + "/");
        }
    }

    /** Where a document's actions take place: its territory first, then the real territories within it. */
    private List<Territory> places(Kind kind, Territory scope) {
        List<Territory> out = new ArrayList<>(List.of(scope));
        switch (kind) {
            case ROADMAP, BENCHMARK -> out.addAll(ref.communesOf.getOrDefault(scope.iri(), List.of()));
            case TOOLBOX -> out.addAll(ref.departementsOf(scope));
            case PLAN -> { out.addAll(ref.regions); out.addAll(ref.departements); }
        }
        return out;
    }

    /** The actors every document of a territory shares (its local authority first: it issues the documents). */
    private List<SharedActor> sharedActors(Territory t) {
        return sharedActors.computeIfAbsent(t.iri(), k -> {
            String slug = t.iri().getURI().substring(t.iri().getURI().lastIndexOf('/') + 1);
            List<SharedActor> out = new ArrayList<>();
            for (int i = 0; i < SHARED_ACTORS_PER_TERRITORY; i++) {
                Node kind = i == 0 ? kindNamed("local-authority") : ref.actorKinds.get((i * 7) % ref.actorKinds.size());
                String label = (i == 0 ? "Collectivité" : "Acteur territorial " + i) + " — " + t.label() + " (synthétique)";
                out.add(new SharedActor(NodeFactory.createURI(baseIri + "id/actor/synthetic-" + slug + "-" + i), label, kind, t.iri()));
            }
            return List.copyOf(out);
        });
    }

    private Node kindNamed(String local) {
        return ref.actorKinds.stream().filter(k -> k.getURI().endsWith("/" + local)).findFirst().orElse(ref.actorKinds.get(0));
    }
}
