package fr.aam.web.protection;

import fr.aam.sparql.QueryLimits;
import fr.aam.web.errors.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every request must get right before anything else reads it, each refused with a problem document naming the
 * cause: well-formed {@code Accept} and {@code Content-Type} headers (400 — else every later step, the error answer
 * included, would fail on them), parameters in valid percent-encoded UTF-8 (400), a body no larger than a query may be
 * (413; the admin API has its own, larger, limit), and a Content-Type on a POST to {@code /sparql} (415).
 */
public final class RequestChecksFilter extends OncePerRequestFilter {

    private final long maxBody;
    private final ProblemWriter problems;

    public RequestChecksFilter(QueryLimits limits, ProblemWriter problems) {
        // a form-encoded query is at most three times longer than the query (%XX escapes)
        this.maxBody = 3 * limits.maxQuerySize().toBytes() + 1024;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String header : new String[] {HttpHeaders.ACCEPT, HttpHeaders.CONTENT_TYPE}) {
            for (String value : Collections.list(request.getHeaders(header))) {
                try {
                    MediaType.parseMediaTypes(value);
                } catch (InvalidMediaTypeException e) {
                    problems.write(request, response, 400, "En-tête " + header + " invalide / invalid " + header
                        + " header: '" + abbreviate(value) + "' (" + e.getMessage() + ")");
                    return;
                }
            }
        }
        long length = request.getContentLengthLong();
        if (length > maxBody && !path.startsWith("/admin/")) {
            problems.write(request, response, 413, "Corps de requête trop grand : " + length + " octets, au plus "
                + maxBody + " / request body too large: " + length + " bytes, at most " + maxBody);
            return;
        }
        if ("POST".equals(request.getMethod()) && path.equals("/sparql") && request.getContentType() == null
                && request.getQueryString() == null) {
            problems.write(request, response, 415, "Content-Type requis : application/sparql-query ou "
                + "application/x-www-form-urlencoded / a Content-Type is required: application/sparql-query or "
                + "application/x-www-form-urlencoded");
            return;
        }
        try {
            request.getParameterMap();   // decodes the query string (and a form body) now, once
        } catch (RuntimeException e) {
            problems.write(request, response, 400, "Paramètre mal encodé (pourcentage ou UTF-8 invalide) / badly "
                + "encoded parameter (invalid percent-encoding or UTF-8)");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String abbreviate(String s) { return s.length() > 80 ? s.substring(0, 77) + "..." : s; }
}
