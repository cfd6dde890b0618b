package fr.aam.store;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.DatabaseMgr;

/**
 * The TDB2 store on disk. Queries see the union of the named graphs as their default graph. The content hash of
 * the files last loaded is kept in the store itself, in a small metadata graph, so that it changes in the same
 * transaction as the data.
 */
public final class TdbStore {

    static final String HASH_PROPERTY = "https://w3id.org/attractivite-autonomie/def#contentHash";
    static final String TRIPLES_PROPERTY = "http://rdfs.org/ns/void#triples";

    private final DatasetGraph dsg;
    private final Node metaGraph;
    private final Node storeNode;
    private final Node datasetNode;

    public TdbStore(Path location, String graphBase, long queryTimeoutMillis) {
        this.dsg = DatabaseMgr.connectDatasetGraph(location.toString());
        this.dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        this.dsg.getContext().set(ARQ.queryTimeout, Long.toString(queryTimeoutMillis));
        this.metaGraph = NodeFactory.createURI(graphBase + "meta");
        this.storeNode = NodeFactory.createURI(graphBase + "meta#store");
        // the dataset described by data/dataset.ttl: <base>id/dataset, where graphBase is <base>graph/
        this.datasetNode = NodeFactory.createURI(graphBase.substring(0, graphBase.length() - "graph/".length()) + "id/dataset");
    }

    public DatasetGraph dataset() { return dsg; }

    public Node metaGraph() { return metaGraph; }

    public Optional<String> contentHash() {
        return Txn.calculateRead(dsg, () -> {
            var it = dsg.find(metaGraph, storeNode, NodeFactory.createURI(HASH_PROPERTY), Node.ANY);
            return it.hasNext() ? Optional.of(it.next().getObject().getLiteralLexicalForm()) : Optional.<String>empty();
        });
    }

    /** Triples loaded, as recorded at load time (no scan of the store), or -1 when the store was never loaded. */
    public long tripleCount() {
        return Txn.calculateRead(dsg, () -> {
            var it = dsg.find(metaGraph, storeNode, NodeFactory.createURI(TRIPLES_PROPERTY), Node.ANY);
            return it.hasNext() ? ((Number) it.next().getObject().getLiteralValue()).longValue() : -1L;
        });
    }

    /**
     * Replaces the whole content by {@code staged} in one write transaction: readers see the old data or the new,
     * never a mix, and a failure half-way aborts the transaction and leaves the old data in place. The metadata graph
     * gets the files' hash and the VoID statistics of the dataset and of each named graph.
     */
    public void replaceAll(DatasetGraph staged, String hash) {
        Txn.executeWrite(dsg, () -> {
            dsg.clear();
            dsg.prefixes().clear();
            dsg.prefixes().putAll(staged.prefixes());
            long[] n = {0};
            staged.find().forEachRemaining(q -> { dsg.add(q); n[0]++; });
            Node triples = NodeFactory.createURI(TRIPLES_PROPERTY);
            staged.listGraphNodes().forEachRemaining(g -> dsg.add(new Quad(metaGraph, Triple.create(g, triples,
                NodeFactory.createLiteralDT(Long.toString(staged.getGraph(g).size()), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)))));
            dsg.add(new Quad(metaGraph, Triple.create(datasetNode, triples,
                NodeFactory.createLiteralDT(Long.toString(n[0]), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger))));
            dsg.add(new Quad(metaGraph, Triple.create(storeNode, NodeFactory.createURI(HASH_PROPERTY),
                NodeFactory.createLiteralString(hash))));
            dsg.add(new Quad(metaGraph, Triple.create(storeNode, NodeFactory.createURI(TRIPLES_PROPERTY),
                NodeFactory.createLiteralDT(Long.toString(n[0]), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger))));
        });
    }

}
