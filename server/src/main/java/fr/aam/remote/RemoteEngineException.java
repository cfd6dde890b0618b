package fr.aam.remote;

import org.apache.jena.atlas.web.HttpException;

/** The remote SPARQL engine could not be reached or refused a request: answered 502 with the engine's status. */
public class RemoteEngineException extends RuntimeException {

    private final int engineStatus;

    public RemoteEngineException(String endpoint, HttpException cause) {
        this(endpoint, cause.getStatusCode(), cause);
    }

    private RemoteEngineException(String endpoint, int status, RuntimeException cause) {
        super("The SPARQL engine at " + endpoint + " did not answer"
            + (status > 0 ? " (HTTP " + status + ": " + cause.getMessage() + ")" : ": " + rootMessage(cause)), cause);
        this.engineStatus = Math.max(status, 0);
    }

    public int engineStatus() { return engineStatus; }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
    }
}
