package fr.aam.remote;

import java.net.http.HttpClient;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.exec.http.GSP;

/**
 * Writes named graphs to the remote engine with the SPARQL 1.1 Graph Store HTTP Protocol (Jena's {@link GSP}):
 * PUT replaces a graph, DELETE drops it. N-Triples is sent: every engine reads it, and it streams.
 */
public final class RemoteGraphStore {

    private final String endpoint;
    private final HttpClient client;

    public RemoteGraphStore(String endpoint, HttpClient client) {
        this.endpoint = endpoint;
        this.client = client;
    }

    public void put(Node graphName, Graph content) {
        try {
            GSP.service(endpoint).httpClient(client).graphName(graphName).contentType(RDFFormat.NTRIPLES).PUT(content);
        } catch (HttpException e) {
            throw new RemoteEngineException(endpoint, e);
        }
    }

    /** Drops a graph; one already absent is not an error. */
    public void delete(Node graphName) {
        try {
            GSP.service(endpoint).httpClient(client).graphName(graphName).DELETE();
        } catch (HttpException e) {
            if (e.getStatusCode() != 404) throw new RemoteEngineException(endpoint, e);
        }
    }

    public String endpoint() { return endpoint; }
}
