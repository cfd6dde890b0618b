package fr.aam.sparql;

/**
 * The query is valid, but the engine this server runs on cannot answer it: it needs something only the embedded
 * store has (jena-text's {@code text:query} over the French full-text index). Answered 501 with this message, which
 * names what is missing; a canned query that meets it at the start-up dry run stays listed and answers so.
 */
public class UnsupportedQueryException extends RuntimeException {

    public UnsupportedQueryException(String message) { super(message); }
}
