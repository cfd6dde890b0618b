package fr.aam.sparql;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.exec.RowSetRewindable;

/** A materialised result: rows (SELECT), a boolean (ASK) or a graph (CONSTRUCT / DESCRIBE). */
public record QueryResult(RowSetRewindable rows, Boolean ask, Graph graph) {
    public static QueryResult ofRows(RowSetRewindable rows) { return new QueryResult(rows, null, null); }
    public static QueryResult ofAsk(boolean b) { return new QueryResult(null, b, null); }
    public static QueryResult ofGraph(Graph g) { return new QueryResult(null, null, g); }
}
