package fr.aam.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutputs;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.solver.stats.Stats;
import org.apache.jena.tdb2.solver.stats.StatsCollector;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a new generation of the store in a fresh folder, beside the one being served, which it never touches:
 * <ol>
 * <li>each file is parsed as a stream into Jena's parallel bulk loader — or, when neither it nor the context changed
 *     since the previous generation, its quads are copied from the previous generation, not reparsed — and counted on
 *     the way (triples per graph, the loader's statistics file {@code stats.opt} as {@code tdb2.tdbstats} writes it);</li>
 * <li>on the loaded data, the SHACL validation (the context when it changed, then each new or changed data file with
 *     the context and what the dataset says about its resources) and the extensions (VoID statistics, text index) run
 *     at the same time, each on its own thread; {@code generation.tsv} is written last, once all are done.</li>
 * </ol>
 * Any failure deletes the folder: the served generation is unchanged.
 */
public final class GenerationBuilder {

    private static final Logger log = LoggerFactory.getLogger(GenerationBuilder.class);
    static final String VOID_TRIPLES = "http://rdfs.org/ns/void#triples";

    private final StoreLayout layout;
    private final GraphParser parser;
    private final List<GenerationExtension> extensions;
    private final List<DatasetSetup> setups;
    private final Node metaGraph;
    private final Node storeNode;
    private final Node datasetNode;
    /** The files' hash, named in the metadata graph's own document (not a term of the ontology). */
    private final String hashProperty;

    public GenerationBuilder(StoreLayout layout, String baseIri, List<GenerationExtension> extensions,
                             List<DatasetSetup> setups) {
        this.layout = layout;
        this.parser = new GraphParser();
        this.extensions = List.copyOf(extensions);
        this.setups = List.copyOf(setups);
        fr.aam.Iris iris = new fr.aam.Iris(baseIri);
        this.metaGraph = NodeFactory.createURI(iris.metaGraph());
        this.storeNode = NodeFactory.createURI(iris.metaStore());
        this.datasetNode = NodeFactory.createURI(iris.dataset());
        this.hashProperty = iris.contentHash();
    }

    /** A replacement for one source file's content (an upload), already saved to {@code content}. */
    public record Replacement(String fileName, Path content, Lang lang) {}

    /**
     * Builds from the source files.
     *
     * @param fingerprints the files' fingerprints now (hashes included)
     * @param previous     the generation served now, whose unchanged graphs are copied (may be null)
     * @param replacement  one file's new content, in place of the file (may be null)
     */
    public StoreGeneration fromFiles(SourceFiles sources, List<FileFingerprint> fingerprints, StoreGeneration previous,
                                     Replacement replacement) {
        return build(GenerationInfo.FROM_FILES, (loader, perFile) -> loadFiles(sources, fingerprints, previous, replacement, loader, perFile));
    }

    /** Builds from a backup (N-Quads, gzipped, as {@link CanonicalDump} writes them), blank nodes as they were. */
    public StoreGeneration fromBackup(Path backup) {
        return build("backup:" + backup.getFileName(), (loader, perFile) -> {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(backup))) {
                RDFParser.source(in).lang(Lang.NQUADS).labelToNode(LabelToNode.createUseLabelEncoded())
                    .parse(new StreamRDFWrapper(loader) {
                        @Override public void start() { }
                        @Override public void finish() { }
                        /** The metadata graph is made anew; the data hash it names is the backup's. */
                        @Override public void quad(Quad q) {
                            if (!q.getGraph().equals(metaGraph)) super.quad(q);
                            else if (q.getPredicate().getURI().equals(hashProperty)) loader.hash = q.getObject().getLiteralLexicalForm();
                        }
                    });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Opens a generation built earlier (at start). */
    public StoreGeneration open(Path dir, GenerationInfo info) {
        return StoreGeneration.open(dir, info, extensions, setups);
    }

    /** An empty generation, served when there is no data to serve yet and the files do not load. */
    public StoreGeneration empty() {
        return build("empty", (loader, perFile) -> { });
    }

    private interface Content { void send(Counting loader, List<FileFingerprint> perFile); }

    private StoreGeneration build(String origin, Content content) {
        Instant start = Instant.now();
        Path dir = layout.newGeneration();
        DatasetGraph tdb = null;
        try {
            tdb = DatabaseMgr.connectDatasetGraph(dir.resolve(StoreGeneration.TDB).toString());
            DataLoader loader = LoaderFactory.parallelLoader(tdb, MonitorOutputs.outputToLog(log));
            Counting counting = new Counting(loader.stream());
            List<FileFingerprint> perFile = new ArrayList<>();
            BuildPhases phases = new BuildPhases();
            loader.startBulk();
            try {
                content.send(counting, perFile);
                counting.meta();
                phases.done("parse and load");
                loader.finishBulk();
                phases.done("bulk loader's indexes");
            } catch (RuntimeException | Error e) {
                loader.finishException(e instanceof Exception ex ? ex : new RuntimeException(e));
                throw e;
            }
            Path storage = Path.of(TDBInternal.getDatasetGraphTDB(tdb).getLocation().getDirectoryPath());
            Stats.write(storage.resolve("stats.opt").toString(), counting.stats.results());
            // The validation and the extensions read the loaded data at the same time, each on its own thread
            ConcurrentTasks tasks = new ConcurrentTasks(phases);
            if (counting.validation != null) {
                FileValidation validation = counting.validation;
                DatasetGraph loaded = tdb;
                tasks.startReading("SHACL validation", reading -> validation.validate(loaded, reading));
            }
            for (GenerationExtension e : extensions) {
                DatasetGraph loaded = tdb;
                tasks.start(e.getClass().getSimpleName(), () -> e.build(loaded, dir));
            }
            tasks.awaitAll();
            phases.done("validation and extensions, at once");
            TDBInternal.expel(tdb, true);
            tdb = null;
            long millis = Duration.between(start, Instant.now()).toMillis();
            GenerationInfo info = new GenerationInfo(dir.getFileName().toString(), origin, start, millis,
                counting.total, counting.hash, perFile, counting.perGraph());
            info.write(dir);
            log.info("Built store generation {}: {} triples in {} named graphs in {} ms ({})", info.name(), info.triples(),
                info.graphs().size(), millis, phases);
            return StoreGeneration.open(dir, info, extensions, setups);
        } catch (RuntimeException | Error e) {
            if (tdb != null) {
                try { TDBInternal.expel(tdb, true); } catch (RuntimeException ignored) { /* the build failed already */ }
            }
            StoreLayout.delete(dir);
            throw e;
        }
    }

    private void loadFiles(SourceFiles sources, List<FileFingerprint> fingerprints, StoreGeneration previous,
                           Replacement replacement, Counting out, List<FileFingerprint> perFile) {
        Map<String, FileFingerprint> now = new LinkedHashMap<>();
        fingerprints.forEach(f -> now.put(f.name(), f));
        boolean contextChanged = previous == null || !previous.info().fromFiles() || replacement != null
            && sources.byName(replacement.fileName()).role() != SourceFile.Role.DATA || sources.files().stream()
            .filter(f -> f.role() != SourceFile.Role.DATA)
            .anyMatch(f -> !sameHash(previous.info().file(f.name()), now.get(f.name())))
            || contextFilesDiffer(sources, previous);

        // Pass 1: every file into the loader, parsed as a stream, or copied from the previous generation.
        if (previous != null) Txn.executeRead(previous.dataset(), () -> previous.dataset().prefixes().forEach(out::prefix));
        List<SourceFile> toValidate = new ArrayList<>();
        for (SourceFile f : sources.files()) {
            FileFingerprint fp = now.get(f.name());
            boolean replaced = replacement != null && replacement.fileName().equals(f.name());
            List<String> graphs;
            if (f.role() == SourceFile.Role.DATA && !replaced && !contextChanged && sameHash(previous.info().file(f.name()), fp)) {
                graphs = previous.info().file(f.name()).graphs();
                long n = out.copy(previous.dataset(), graphs);
                log.debug("{}: {} quads copied from the previous generation", f.name(), n);
            } else {
                out.startFile();
                if (replaced) parser.stream(replacement.content(), f.name(), f.graphIri(), replacement.lang(), out);
                else parser.stream(f.path(), f.name(), f.graphIri(), GraphParser.langOf(f.path()), out);
                graphs = out.fileGraphs();
                toValidate.add(f);
            }
            perFile.add(replaced ? replacementFingerprint(replacement, graphs)
                : new FileFingerprint(fp.name(), fp.size(), fp.modified(), fp.sha256(), graphs));
        }
        out.hash = SourceFiles.combinedHash(perFile);
        out.validation = new FileValidation(sources, perFile, toValidate, contextChanged);
    }

    /** The replacement is moved over its file once the generation is built: its size and date will be the file's. */
    private static FileFingerprint replacementFingerprint(Replacement r, List<String> graphs) {
        try {
            return new FileFingerprint(r.fileName(), Files.size(r.content()),
                Files.getLastModifiedTime(r.content()).toMillis(), SourceFiles.sha256(r.content()), graphs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contextFilesDiffer(SourceFiles sources, StoreGeneration previous) {
        long before = previous.info().files().stream().filter(f -> sources.byName(f.name()) == null
            || sources.byName(f.name()).role() != SourceFile.Role.DATA).count();
        long now = sources.files().stream().filter(f -> f.role() != SourceFile.Role.DATA).count();
        return before != now;
    }

    private static boolean sameHash(FileFingerprint a, FileFingerprint b) {
        return a != null && b != null && a.sha256() != null && Objects.equals(a.sha256(), b.sha256());
    }

    /**
     * What goes to the loader, counted on the way (triples per graph, for VoID and the health check) and recorded for
     * the query planner's statistics; the metadata graph is written last.
     */
    private final class Counting extends StreamRDFWrapper {
        final StatsCollector stats = new StatsCollector();
        final Map<Node, long[]> graphs = new TreeMap<>((a, b) -> a.getURI().compareTo(b.getURI()));
        private final java.util.Set<String> fileGraphs = new java.util.LinkedHashSet<>();
        long total;
        String hash = "backup";
        /** Run on the loaded store before the generation is accepted (the SHACL validation). */
        FileValidation validation;

        Counting(StreamRDF loader) { super(loader); }

        @Override
        public void quad(Quad q) {
            super.quad(q);
            stats.record(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
            graphs.computeIfAbsent(q.getGraph(), g -> new long[1])[0]++;
            fileGraphs.add(q.getGraph().getURI());
            total++;
        }

        void startFile() { fileGraphs.clear(); }

        /** The graphs the file streamed since {@link #startFile} went into. */
        List<String> fileGraphs() { return List.copyOf(fileGraphs); }

        long copy(DatasetGraph from, List<String> graphNames) {
            long[] n = {0};
            Txn.executeRead(from, () -> graphNames.forEach(g -> from.find(NodeFactory.createURI(g), Node.ANY, Node.ANY, Node.ANY)
                .forEachRemaining(q -> { quad(q); n[0]++; })));
            return n[0];
        }

        Map<String, Long> perGraph() {
            Map<String, Long> out = new LinkedHashMap<>();
            graphs.forEach((g, n) -> out.put(g.getURI(), n[0]));
            return out;
        }

        /** The files' hash and the VoID triple counts of the dataset and of each named graph. */
        void meta() {
            Node triples = NodeFactory.createURI(VOID_TRIPLES);
            Map<String, Long> counts = perGraph();
            counts.forEach((g, n) -> super.quad(Quad.create(metaGraph, NodeFactory.createURI(g), triples, integer(n))));
            super.quad(Quad.create(metaGraph, datasetNode, triples, integer(total)));
            super.quad(Quad.create(metaGraph, storeNode, triples, integer(total)));
            super.quad(Quad.create(metaGraph, storeNode, NodeFactory.createURI(hashProperty), NodeFactory.createLiteralString(hash)));
        }

        private Node integer(long n) { return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger); }
    }
}
