package fr.aam.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;

/**
 * Parses source files, one named graph per file (TriG files name their own graphs), stopping at the first error or
 * warning with the file and line. Blank nodes get labels derived from the file's name and their place in it, so the
 * same file always gives the same labels: dumps of the same data are byte-identical from one load to the next.
 */
public final class GraphParser {

    /** Parses one file into a fresh in-memory dataset. */
    public DatasetGraph parse(SourceFile f) {
        DatasetGraph staged = DatasetGraphFactory.createTxnMem();
        stream(f.path(), f.name(), f.graphIri(), langOf(f.path()), StreamRDFLib.dataset(staged));
        return staged;
    }

    /** All the files into one in-memory dataset (for tests and tools that want the whole graph at once). */
    public DatasetGraph parse(SourceFiles sources) {
        DatasetGraph all = DatasetGraphFactory.createTxnMem();
        StreamRDF sink = StreamRDFLib.dataset(all);
        for (SourceFile f : sources.files()) stream(f.path(), f.name(), f.graphIri(), langOf(f.path()), sink);
        return all;
    }

    static Lang langOf(Path p) { return RDFLanguages.filenameToLang(p.toString(), Lang.TURTLE); }

    /**
     * Streams {@code path}, read as {@code lang}, into {@code dest} as quads — triples go into {@code graphIri}; a quad
     * format keeps its own graph names and may not use the default graph — without holding the file in memory.
     * Errors are reported under {@code name}.
     */
    public void stream(Path path, String name, String graphIri, Lang lang, StreamRDF dest) {
        StreamRDF target = RDFLanguages.isQuads(lang) ? new DefaultGraphRefused(dest, name)
            : StreamRDFLib.extendTriplesToQuads(NodeFactory.createURI(graphIri), dest);
        try {
            RDFParser.source(path).lang(lang).errorHandler(new FailFast(name))
                .labelToNode(LabelToNode.createScopeByDocumentHash(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8))))
                .parse(new StreamRDFWrapper(target) {
                    // the destination outlives one file: it is started and finished by its owner
                    @Override public void start() { }
                    @Override public void finish() { }
                });
        } catch (DataLoadException e) {
            throw e;
        } catch (RiotException e) {
            throw new DataLoadException(name, -1, e.getMessage());
        }
    }

    /** A TriG file's triples outside any GRAPH block would be hidden behind the union default graph: refused. */
    private static final class DefaultGraphRefused extends StreamRDFWrapper {
        private final String name;

        DefaultGraphRefused(StreamRDF dest, String name) {
            super(dest);
            this.name = name;
        }

        @Override public void triple(Triple t) { refuse(); }

        @Override public void quad(Quad q) {
            if (q.isDefaultGraph()) refuse();
            super.quad(q);
        }

        private void refuse() {
            throw new DataLoadException(name, -1, "triples outside any named graph: put them in a GRAPH block");
        }
    }

    /** Turns the parser's first error (and warnings, which in hand-written Turtle are mistakes) into a located failure. */
    private record FailFast(String file) implements ErrorHandler {
        @Override public void warning(String message, long line, long col) { throw new DataLoadException(file, line, message); }
        @Override public void error(String message, long line, long col) { throw new DataLoadException(file, line, message); }
        @Override public void fatal(String message, long line, long col) { throw new DataLoadException(file, line, message); }
    }
}
