package fr.aam.store;

import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;

/** Parses the source files into an in-memory dataset, one named graph per file, stopping at the first error. */
public final class GraphParser {

    private final Path home;

    public GraphParser(Path home) { this.home = home; }

    public DatasetGraph parse(SourceFiles sources) {
        DatasetGraph staged = DatasetGraphFactory.createTxnMem();
        for (SourceFile f : sources.files()) {
            String name = displayName(f.path());
            try {
                if (f.graphIri() == null) parseTrig(f, name, staged);
                else {
                    Graph g = GraphFactory.createDefaultGraph();
                    RDFParser.source(f.path()).lang(Lang.TURTLE).errorHandler(new FailFast(name)).parse(g);
                    staged.addGraph(NodeFactory.createURI(f.graphIri()), g);
                    staged.prefixes().putAll(g.getPrefixMapping());
                }
            } catch (DataLoadException e) {
                throw e;
            } catch (RiotException e) {
                throw new DataLoadException(name, -1, e.getMessage());
            }
        }
        return staged;
    }

    /** TriG keeps its own graph names; the default graph is hidden behind the union, so it must stay empty. */
    private static void parseTrig(SourceFile f, String name, DatasetGraph staged) {
        DatasetGraph d = DatasetGraphFactory.createTxnMem();
        RDFParser.source(f.path()).lang(Lang.TRIG).errorHandler(new FailFast(name)).parse(d);
        if (!d.getDefaultGraph().isEmpty()) throw new DataLoadException(name, -1, "triples outside any named graph: put them in a GRAPH block");
        d.find().forEachRemaining(staged::add);
        staged.prefixes().putAll(d.prefixes());
    }

    private String displayName(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(home) ? home.relativize(abs).toString() : abs.toString();
    }

    /** Turns the parser's first error (and warnings, which in hand-written Turtle are mistakes) into a located failure. */
    private record FailFast(String file) implements ErrorHandler {
        @Override public void warning(String message, long line, long col) { throw new DataLoadException(file, line, message); }
        @Override public void error(String message, long line, long col) { throw new DataLoadException(file, line, message); }
        @Override public void fatal(String message, long line, long col) { throw new DataLoadException(file, line, message); }
    }
}
