package fr.aam.queries;

/** No canned query has this id: answered 404. */
public class UnknownQueryException extends RuntimeException {
    public UnknownQueryException(String id) { super("No canned query with id '" + id + "'"); }
}
