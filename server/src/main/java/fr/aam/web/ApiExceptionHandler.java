package fr.aam.web;

import fr.aam.queries.BadParameterException;
import fr.aam.queries.UnknownQueryException;
import org.apache.jena.query.QueryCancelledException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad input gets a clear answer (RFC 9457 problem details) naming what was wrong. */
@RestControllerAdvice
public class ApiExceptionHandler {

    @ExceptionHandler(BadParameterException.class)
    public ProblemDetail badParameter(BadParameterException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        pd.setTitle("Bad parameter");
        pd.setProperty("parameter", e.parameter());
        return pd;
    }

    @ExceptionHandler(UnknownQueryException.class)
    public ProblemDetail unknownQuery(UnknownQueryException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        pd.setTitle("Unknown query");
        return pd;
    }

    @ExceptionHandler(QueryCancelledException.class)
    public ProblemDetail timeout(QueryCancelledException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "Query timed out");
        pd.setTitle("Timeout");
        return pd;
    }
}
