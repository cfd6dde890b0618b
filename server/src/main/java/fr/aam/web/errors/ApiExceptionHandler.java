package fr.aam.web.errors;

import fr.aam.queries.BadParameterException;
import fr.aam.queries.UnknownQueryException;
import fr.aam.sparql.UnsupportedQueryException;
import fr.aam.store.StoreMaintenance;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.jena.query.QueryCancelledException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of a controller becomes a problem document (RFC 9457) that names what was wrong: Spring MVC's own
 * exceptions (wrong method, media type, missing parameter…) through {@link ResponseEntityExceptionHandler}, the
 * application's below, and anything unexpected as a 500 without internals.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(BadParameterException.class)
    public ProblemDetail badParameter(BadParameterException e, HttpServletRequest request) {
        ProblemDetail pd = ProblemWriter.problem(400, e.getMessage(), request.getRequestURI(), e);
        pd.setTitle("Bad parameter");
        pd.setProperty("parameter", e.parameter());
        return pd;
    }

    @ExceptionHandler(UnknownQueryException.class)
    public ProblemDetail unknownQuery(UnknownQueryException e, HttpServletRequest request) {
        return ProblemWriter.problem(404, e.getMessage(), request.getRequestURI(), e);
    }

    @ExceptionHandler(QueryCancelledException.class)
    public ResponseEntity<ProblemDetail> timeout(QueryCancelledException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
            .body(ProblemWriter.problem(503, "La requête a dépassé le temps permis / the query timed out", request.getRequestURI(), e));
    }

    /** A query this server's engine cannot answer (full-text search in remote mode): 501, saying what is missing. */
    @ExceptionHandler(UnsupportedQueryException.class)
    public ProblemDetail unsupported(UnsupportedQueryException e, HttpServletRequest request) {
        return ProblemWriter.problem(501, e.getMessage(), request.getRequestURI(), e);
    }

    @ExceptionHandler(StoreMaintenance.LoadInProgressException.class)
    public ProblemDetail busy(RuntimeException e, HttpServletRequest request) {
        return ProblemWriter.problem(409, e.getMessage(), request.getRequestURI(), e);
    }

    @ExceptionHandler({StoreMaintenance.UnknownGraphException.class, StoreMaintenance.UnknownBackupException.class})
    public ProblemDetail unknownAdminTarget(RuntimeException e, HttpServletRequest request) {
        return ProblemWriter.problem(404, e.getMessage(), request.getRequestURI(), e);
    }

    /** Anything else: a 500 whose body names no class, message or path; the log has the stack trace. */
    @ExceptionHandler(Exception.class)
    public ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        return ProblemWriter.problem(500, e.toString(), request.getRequestURI(), e);
    }

    /** Spring MVC's own exceptions keep their status; their detail never carries internals for a 5xx. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail pd && status.is5xxServerError()) {
            body = ProblemWriter.problem(status.value(), pd.getDetail(), pd.getInstance() == null ? null : pd.getInstance().toString(), null);
        }
        return super.createResponseEntity(body, headers, status, request);
    }
}
