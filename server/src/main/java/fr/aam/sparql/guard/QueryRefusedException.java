package fr.aam.sparql.guard;

/**
 * A query the public surface will not run, with the HTTP status to answer (400, 413) and a message that names the
 * cause in words a person can act on.
 */
public class QueryRefusedException extends RuntimeException {
    private final int status;

    public QueryRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() { return status; }
}
