package fr.aam.store;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;

/**
 * The SHACL validation of a generation built from files, on the loaded store: the context (ontology, shared files)
 * when it changed, then each new or changed data file's graphs, each with the context and what the whole dataset says
 * about its resources ({@link DatasetLookups}), the files shared out among the cores: memory holds the shapes and the
 * context per thread, never the data. The first violation found stops every thread.
 */
record FileValidation(SourceFiles sources, List<FileFingerprint> perFile, List<SourceFile> toValidate,
                      boolean contextChanged) {

    /** Validates on the loaded store {@code tdb}; {@code reading} is called once its read transactions have begun. */
    void validate(DatasetGraph tdb, Runnable reading) {
        // The files are shared out among as many threads as there are cores, each in its own read transaction (TDB2's
        // are per thread) with its own validator; all have begun before the extensions may write (reading).
        Queue<SourceFile> files = new ConcurrentLinkedQueue<>(
            toValidate.stream().filter(f -> f.role() == SourceFile.Role.DATA).toList());
        int helpers = Math.max(0, Math.min(Runtime.getRuntime().availableProcessors(), files.size()) - 1);
        AtomicBoolean failed = new AtomicBoolean();
        ConcurrentTasks helperThreads = new ConcurrentTasks(null);
        try {
            Txn.executeRead(tdb, () -> {
                for (int i = 0; i < helpers; i++) {
                    helperThreads.startReading("SHACL validation " + (i + 2), began -> Txn.executeRead(tdb, () -> {
                        began.run();
                        validateFiles(files, validator(tdb), tdb, failed);
                    }));
                }
                reading.run();
                ShapesValidator validator = validator(tdb);
                if (contextChanged) validator.checkContext("ontology/ + " + String.join(", ", contextNames()));
                validateFiles(files, validator, tdb, failed);
            });
        } catch (RuntimeException | Error e) {
            failed.set(true);   // the helpers stop at their next file; this thread's failure is the one to report
            try {
                helperThreads.awaitAll();
            } catch (RuntimeException | Error helper) {
                e.addSuppressed(helper);
            }
            throw e;
        }
        helperThreads.awaitAll();
    }

    /** A validator with the shapes and the context (ontology, shared files) as loaded, in the caller's transaction. */
    private ShapesValidator validator(DatasetGraph tdb) {
        Graph shapes = GraphFactory.createDefaultGraph();
        Graph context = GraphFactory.createDefaultGraph();
        for (SourceFile f : sources.files()) {
            if (f.role() == SourceFile.Role.DATA) continue;
            Graph into = f.role() == SourceFile.Role.SHAPES ? shapes : context;
            graphsOf(f).forEach(g -> tdb.getGraph(g).find().forEach(into::add));
        }
        return new ShapesValidator(shapes, context, tdb);
    }

    /** Validates files taken from {@code files} until none is left or a validation failed (on any thread). */
    private void validateFiles(Queue<SourceFile> files, ShapesValidator validator, DatasetGraph tdb, AtomicBoolean failed) {
        try {
            for (SourceFile f = files.poll(); f != null && !failed.get(); f = files.poll()) {
                for (Node g : graphsOf(f)) validator.check(inMemory(tdb.getGraph(g)), f.name());
            }
        } catch (RuntimeException | Error e) {
            failed.set(true);
            throw e;
        }
    }

    /**
     * The file's graph copied into memory (one scan of the store's index): SHACL reads it again and again, and each read
     * of the store's view is an index lookup — at 10⁷ triples the profile of a load showed the validation's time in
     * TDB2's B+tree searches, and the copy halves the validation's CPU time (10⁶). Memory holds one file per thread.
     */
    private static Graph inMemory(Graph stored) {
        Graph copy = GraphFactory.createDefaultGraph();
        stored.find().forEachRemaining(copy::add);
        return copy;
    }

    private List<Node> graphsOf(SourceFile f) {
        return perFile.stream().filter(p -> p.name().equals(f.name())).flatMap(p -> p.graphs().stream())
            .map(NodeFactory::createURI).toList();
    }

    private List<String> contextNames() {
        return sources.files().stream().filter(f -> f.role() == SourceFile.Role.CONTEXT && f.name().startsWith("data/"))
            .map(SourceFile::name).toList();
    }
}
