package fr.aam.store.statistics;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The counts of the VoID statistics that SPARQL can only make by holding every distinct subject, object or triple of
 * the store in a hash set ({@code COUNT(DISTINCT …)} over every quad: minutes and gigabytes at 10⁶ triples): distinct
 * subjects, distinct objects, and distinct triples per property. TDB2 keeps its quads sorted in several orders, so
 * each count is one pass over an index where equal terms are adjacent — S,P,O,G for the subjects and the triples of
 * each property (a triple stated in several named graphs is one run), O,S,P,G for the objects — in constant memory.
 * The metadata graph is left out, as the statistics describe the data.
 */
final class IndexCounts {

    /** Distinct subjects and objects, and distinct triples per property, of every named graph but one. */
    record Counts(long subjects, long objects, Map<Node, Long> triplesPerProperty) {}

    private IndexCounts() {}

    /** @param tdb a TDB2 dataset; {@code excluded} the graph left out (the metadata graph) */
    static Counts of(DatasetGraph tdb, Node excluded) {
        DatasetGraphTDB storage = TDBInternal.getDatasetGraphTDB(tdb);
        return Txn.calculateRead(tdb, () -> {
            NodeTable nodes = storage.getQuadTable().getNodeTupleTable().getNodeTable();
            NodeId skip = nodes.getNodeIdForNode(excluded);   // NodeDoesNotExist when the graph is absent: matches nothing
            // tuples come in the table's order (G, S, P, O) whatever the index's order
            long subjects = 0;
            Map<NodeId, long[]> perProperty = new LinkedHashMap<>();
            NodeId s = null, p = null, o = null;
            for (Iterator<Tuple<NodeId>> it = index(storage, "SPOG").all(); it.hasNext(); ) {
                Tuple<NodeId> q = it.next();
                if (q.get(0).equals(skip)) continue;
                boolean newSubject = !q.get(1).equals(s);
                if (newSubject) subjects++;
                if (newSubject || !q.get(2).equals(p) || !q.get(3).equals(o)) perProperty.computeIfAbsent(q.get(2), k -> new long[1])[0]++;
                s = q.get(1);
                p = q.get(2);
                o = q.get(3);
            }
            long objects = 0;
            NodeId last = null;
            for (Iterator<Tuple<NodeId>> it = index(storage, "OSPG").all(); it.hasNext(); ) {
                Tuple<NodeId> q = it.next();
                if (q.get(0).equals(skip)) continue;
                if (!q.get(3).equals(last)) objects++;
                last = q.get(3);
            }
            Map<Node, Long> triples = new LinkedHashMap<>();
            perProperty.forEach((id, n) -> triples.put(nodes.getNodeForNodeId(id), n[0]));
            return new Counts(subjects, objects, triples);
        });
    }

    private static TupleIndex index(DatasetGraphTDB storage, String name) {
        for (TupleIndex i : storage.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes()) {
            if (Objects.equals(i.getName(), name)) return i;
        }
        throw new IllegalStateException("TDB2 quad index " + name + " not found");
    }
}
