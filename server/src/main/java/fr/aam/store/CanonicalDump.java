package fr.aam.store;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.atlas.data.BagFactory;
import org.apache.jena.atlas.data.SerializationFactory;
import org.apache.jena.atlas.data.SortedDataBag;
import org.apache.jena.atlas.data.ThresholdPolicyFactory;
import org.apache.jena.atlas.lib.Sink;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * The dataset as canonical N-Quads: one line per quad, sorted by graph then by line, blank nodes with the labels they
 * were given at load (stable, see {@link GraphParser}). The same data gives the same bytes whatever the load order
 * or the store's internal ids, so dumps and backups can be compared with {@code cmp}. Sorting spills to disk past a
 * threshold (Jena's sorted data bag), so a dump of any size needs bounded memory.
 */
public final class CanonicalDump {

    private static final long IN_MEMORY = 200_000;

    private CanonicalDump() {}

    /** Writes the sorted N-Quads of {@code dsg}, gzipped, into {@code target} (atomically: beside, then renamed). */
    public static void writeNQuadsGz(DatasetGraph dsg, Path target) {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            writeNQuads(dsg, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the sorted N-Quads of {@code dsg} (read in one transaction: a consistent snapshot). */
    public static void writeNQuads(DatasetGraph dsg, OutputStream out) {
        SortedDataBag<String> bag = BagFactory.newSortedBag(ThresholdPolicyFactory.count(IN_MEMORY), LINES, String::compareTo);
        try {
            Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(q -> {
                if (!q.isDefaultGraph()) bag.add(key(q.getGraph()) + NodeFmtLib.strNQ(q));
            }));
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            Iterator<String> it = bag.iterator();
            while (it.hasNext()) {
                String line = it.next();
                w.write(line, line.indexOf('\u0000') + 1, line.length() - line.indexOf('\u0000') - 1);
                w.write('\n');
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            bag.close();
        }
    }

    /** Re-reads canonical N-Quads (gzipped) and writes them as TriG, one block per graph, with the prefixes. */
    public static void nquadsGzToTrig(Path nquadsGz, PrefixMap prefixes, OutputStream out) {
        StreamRDF trig = StreamRDFWriter.getWriterStream(out, RDFFormat.TRIG_BLOCKS);
        trig.start();
        prefixes.forEach(trig::prefix);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(nquadsGz), 1 << 16)) {
            RDFParser.source(in).lang(Lang.NQUADS).labelToNode(LabelToNode.createUseLabelEncoded())
                .parse(new StreamRDFWrapper(trig) {
                    @Override public void start() { }
                    @Override public void finish() { }
                });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        trig.finish();
    }

    /** Graph first in the sort key, so each graph's quads are together (one TriG block each). */
    private static String key(Node graph) { return NodeFmtLib.strNT(graph) + '\u0000'; }

    /** Lines of UTF-8 text, for spilling the sort to disk. */
    private static final SerializationFactory<String> LINES = new SerializationFactory<>() {
        @Override
        public Sink<String> createSerializer(OutputStream out) {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            return new Sink<>() {
                @Override public void send(String item) {
                    try { w.write(item); w.write('\n'); } catch (IOException e) { throw new UncheckedIOException(e); }
                }
                @Override public void flush() {
                    try { w.flush(); } catch (IOException e) { throw new UncheckedIOException(e); }
                }
                @Override public void close() {
                    try { w.close(); } catch (IOException e) { throw new UncheckedIOException(e); }
                }
            };
        }

        @Override
        public Iterator<String> createDeserializer(InputStream in) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new Iterator<>() {
                String next = read();
                private String read() {
                    try { return r.readLine(); } catch (IOException e) { throw new UncheckedIOException(e); }
                }
                @Override public boolean hasNext() { return next != null; }
                @Override public String next() {
                    if (next == null) throw new NoSuchElementException();
                    String s = next;
                    next = read();
                    return s;
                }
            };
        }
    };

}
