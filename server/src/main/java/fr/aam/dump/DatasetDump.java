package fr.aam.dump;

import fr.aam.store.CanonicalDump;
import fr.aam.store.StoreGeneration;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * Writes one generation of the store — the one implementation behind the server's /dumps/ and the dump command.
 * N-Quads and TriG come from the generation's canonical N-Quads ({@link CanonicalDump}: sorted, the same data gives
 * the same bytes), with every named graph; Turtle writes the union of the graphs.
 */
public final class DatasetDump {

    /** The formats a dump can take, Jena's languages (their media types and file extensions). */
    public static final List<Lang> LANGS = List.of(Lang.TRIG, Lang.NQUADS, Lang.TURTLE);

    private DatasetDump() {}

    public static void write(StoreGeneration g, Lang lang, OutputStream out) {
        try {
            if (Lang.NQUADS.equals(lang)) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(g.nquadsGz()), 1 << 16)) { in.transferTo(out); }
            } else if (Lang.TRIG.equals(lang)) {
                DatasetGraph d = g.dataset();
                var prefixes = Txn.calculateRead(d, () -> PrefixMapFactory.create(d.prefixes()));
                CanonicalDump.nquadsGzToTrig(g.nquadsGz(), prefixes, out);
            } else if (Lang.TURTLE.equals(lang)) {
                DatasetGraph d = g.dataset();
                Txn.executeRead(d, () -> {
                    // a view of the union with the dataset's prefixes (the store's own prefix table is not touched)
                    PrefixMapping prefixes = PrefixMapping.Factory.create().setNsPrefixes(d.prefixes().getMapping());
                    Graph union = new WrappedGraph(d.getUnionGraph()) {
                        @Override public PrefixMapping getPrefixMapping() { return prefixes; }
                    };
                    RDFDataMgr.write(out, union, RDFFormat.TURTLE_BLOCKS);
                });
            } else {
                throw new IllegalArgumentException("A dump is TriG, N-Quads or Turtle, not " + lang.getLabel());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The format a file name asks for by its extension (.trig, .nq, .ttl), or null. */
    public static Lang forFile(String fileName) {
        for (Lang l : LANGS) {
            for (String ext : l.getFileExtensions()) if (fileName.endsWith("." + ext)) return l;
        }
        return null;
    }
}
