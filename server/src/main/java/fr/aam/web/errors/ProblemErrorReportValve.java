package fr.aam.web.errors;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error report — for a request it refuses before any application code runs: a request line or headers
 * larger than {@code server.max-http-request-header-size}, an invalid character in the URL — as a problem document
 * like every other error of the server, instead of Tomcat's HTML page. Installed in place of Tomcat's valve by
 * {@link ErrorsConfig}; Tomcat creates it, so it has no access to the application's beans.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        HttpStatus s = HttpStatus.resolve(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", s == null ? "Error" : s.getReasonPhrase());
        body.put("status", status);
        body.put("detail", switch (status) {
            case 400 -> "Requête refusée par le serveur HTTP : URL ou en-têtes mal formés ou trop longs (au plus 64 Ko ; "
                + "envoyez les longues requêtes SPARQL en POST) / request refused by the HTTP server: malformed or too long "
                + "URL or headers (at most 64 KB; send long SPARQL queries with POST)";
            case 414 -> "URL trop longue / URL too long";
            default -> s == null ? "Erreur " + status : s.getReasonPhrase();
        });
        try {
            byte[] bytes = JSON.writeValueAsBytes(body);
            response.setContentType(ProblemWriter.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(bytes.length);
            OutputStream out = response.getOutputStream();
            out.write(bytes);
            out.flush();
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response was already started: nothing more to say
        }
    }
}
