package fr.aam.sparql;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * The one way the application runs SPARQL (the /sparql endpoint is Fuseki's own code over the same dataset).
 * Results come back materialised, so no transaction outlives the call. The embedded TDB2 store implements it today;
 * a remote SPARQL engine can implement it tomorrow without touching the API.
 */
public interface SparqlRunner {

    /**
     * Runs {@code query} with {@code substitution}: each bound variable is replaced by its value in the parsed query
     * (Jena's substitution, never text splicing).
     */
    QueryResult run(Query query, Binding substitution);

    /** The prefixes the data declares (actor:, territory:, lever:…), so that users may write short IRIs. */
    java.util.Map<String, String> prefixes();

    /**
     * What names the data answered now: two calls that return the same version see the same data, so what is derived
     * from it alone (a page's total count) may be kept under it. Null when the data may change unseen (a remote engine
     * that other tools load): nothing is kept then.
     */
    default String dataVersion() { return null; }
}
