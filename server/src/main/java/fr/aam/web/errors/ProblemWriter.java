package fr.aam.web.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem documents (RFC 9457) for answers given outside Spring MVC — by servlet filters, Fuseki's SPARQL endpoint,
 * the error page and Tomcat's own error report — with the same fields as the MVC handlers' ones. A 5xx never shows
 * what went wrong inside (no exception text, class or path): it gives a reference that the log has beside the stack
 * trace.
 */
@Component
public final class ProblemWriter {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Logger log = LoggerFactory.getLogger(ProblemWriter.class);
    private static final int MAX_DETAIL = 2_000;

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) { this.json = json; }

    /**
     * The problem for {@code status}; for a 5xx the detail is replaced by a reference, the cause is logged — except a
     * 503 (timeout, busy) and a 501 (a feature this server's engine lacks), whose detail is written for the client.
     */
    public static ProblemDetail problem(int status, String detail, String instance, Throwable cause) {
        HttpStatus s = HttpStatus.resolve(status);
        ProblemDetail pd = ProblemDetail.forStatus(status);
        pd.setTitle(s == null ? "Error" : s.getReasonPhrase());
        if (status >= 500 && status != 503 && status != 501) {
            String ref = UUID.randomUUID().toString().substring(0, 8);
            log.error("Internal error {} on {}: {}", ref, instance, detail, cause);
            pd.setDetail("Erreur interne du serveur (référence " + ref + ") / internal server error (reference " + ref + ")");
            pd.setProperty("reference", ref);
        } else {
            pd.setDetail(abbreviate(detail));
        }
        if (instance != null) {
            try {
                pd.setInstance(java.net.URI.create(instance));
            } catch (IllegalArgumentException e) {
                pd.setInstance(java.net.URI.create(UriUtils.encodePath(instance, StandardCharsets.UTF_8)));
            }
        }
        return pd;
    }

    /** Writes the problem as the whole response (the response must not be committed). */
    public void write(HttpServletResponse response, ProblemDetail pd) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", pd.getType() == null ? "about:blank" : pd.getType().toString());
        body.put("title", pd.getTitle());
        body.put("status", pd.getStatus());
        if (pd.getDetail() != null) body.put("detail", pd.getDetail());
        if (pd.getInstance() != null) body.put("instance", pd.getInstance().toString());
        if (pd.getProperties() != null) body.putAll(pd.getProperties());
        byte[] bytes = json.writeValueAsBytes(body);
        response.resetBuffer();
        response.setStatus(pd.getStatus());
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String detail) throws IOException {
        write(response, problem(status, detail, request.getRequestURI(), null));
    }

    static String abbreviate(String s) {
        if (s == null) return null;
        String oneLine = s.strip();
        return oneLine.length() > MAX_DETAIL ? oneLine.substring(0, MAX_DETAIL - 3) + "..." : oneLine;
    }
}
