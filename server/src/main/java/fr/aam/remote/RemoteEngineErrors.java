package fr.aam.remote;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An engine that does not answer is a 502 for the client, with the engine's address only in the server's log. */
@RestControllerAdvice
@Conditional(RemoteEngineConfigured.class)
public class RemoteEngineErrors {

    private static final Logger log = LoggerFactory.getLogger(RemoteEngineErrors.class);

    @ExceptionHandler(RemoteEngineException.class)
    public ProblemDetail engineDown(RemoteEngineException e) {
        log.error(e.getMessage());
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, "The SPARQL engine did not answer"
            + (e.engineStatus() > 0 ? " (HTTP " + e.engineStatus() + ")" : ""));
        pd.setTitle("SPARQL engine unavailable");
        return pd;
    }
}
