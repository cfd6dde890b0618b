package fr.aam.queries;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;

/** A canned query ready to run: the (copied) query with its parameters' VALUES blocks, a substitution (empty for requests), paging. */
public record PreparedRequest(CannedQuery source, Query query, Binding substitution, long limit, long offset) {}
