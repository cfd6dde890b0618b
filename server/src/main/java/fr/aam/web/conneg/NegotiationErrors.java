package fr.aam.web.conneg;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Negotiation failures as problem documents (RFC 9457) that name what is available. Sent as
 * {@code application/problem+json} whatever the Accept header: a client that accepts none of our types still gets a
 * readable reason.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class NegotiationErrors {

    @ExceptionHandler(NotAcceptableException.class)
    public ResponseEntity<ProblemDetail> notAcceptable(NotAcceptableException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE, e.getMessage());
        pd.setTitle("Not acceptable");
        pd.setProperty("available", mediaTypes(e.available()));
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    @ExceptionHandler(UnknownFormatException.class)
    public ResponseEntity<ProblemDetail> unknownFormat(UnknownFormatException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        pd.setTitle("Bad parameter");
        pd.setProperty("parameter", ContentNegotiation.FORMAT_PARAM);
        pd.setProperty("available", e.available().stream().map(Format::token).toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    private static List<String> mediaTypes(List<Format> formats) {
        return formats.stream().map(Format::mediaType).toList();
    }
}
