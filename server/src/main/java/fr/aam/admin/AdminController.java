package fr.aam.admin;

import fr.aam.store.LoadReport;
import fr.aam.store.StoreMaintenance;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.jena.riot.Lang;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The maintainers' API (HTTP Basic, see {@link AdminSecurityConfig}): reload from ontology/ and data/, upload a new
 * version of one named graph of data/, back up and restore the store, read the last loads. Each answers a report;
 * a load that fails is a 422 whose report says why (file, line, SHACL violations), and the served data is unchanged.
 * It works on the embedded store: in remote mode there is none (the engine is loaded at start, or by its own tools),
 * so the API is absent, and the account still sees the health details.
 */
@RestController
@RequestMapping("/admin")
@Conditional({AdminConfigured.class, fr.aam.remote.RemoteEngineConfigured.Absent.class})
@Tag(name = "Admin", description = "Maintainers only (HTTP Basic): reloads, uploads, backups")
public class AdminController {

    private final StoreMaintenance store;
    private final AdminSettings settings;

    public AdminController(StoreMaintenance store, AdminSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    @PostMapping("/reload")
    @Operation(summary = "Reload ontology/ and data/ (a new generation, switched in when valid)")
    public ResponseEntity<?> reload() {
        return answer(store.reload());
    }

    @PutMapping(value = "/graphs/{name}", consumes = {"text/turtle", "application/n-triples"})
    @Operation(summary = "Replace one named graph of data/ (Turtle or N-Triples); written to its file once valid")
    public ResponseEntity<?> upload(@PathVariable String name, HttpServletRequest request) throws IOException {
        long max = settings.maxUpload().toBytes();
        if (request.getContentLengthLong() > max) throw tooLarge(max);
        Lang lang = MediaType.parseMediaType(request.getContentType()).isCompatibleWith(MediaType.parseMediaType("application/n-triples"))
            ? Lang.NTRIPLES : Lang.TURTLE;
        try (InputStream body = new SizeChecked(request.getInputStream(), max)) {
            return answer(store.upload(name, body, lang));
        }
    }

    @PostMapping("/backups")
    @Operation(summary = "Back up the served data (canonical N-Quads, gzipped)")
    public ResponseEntity<StoreMaintenance.Backup> backup() {
        return ResponseEntity.status(HttpStatus.CREATED).body(store.backup());
    }

    @GetMapping("/backups")
    @Operation(summary = "The backups kept, newest first")
    public List<StoreMaintenance.Backup> backups() { return store.backups(); }

    @PostMapping("/backups/{name}/restore")
    @Operation(summary = "Serve the data of a backup")
    public ResponseEntity<?> restore(@PathVariable String name) {
        return answer(store.restore(name));
    }

    @GetMapping("/loads")
    @Operation(summary = "The last loads, newest first")
    public List<LoadReport> loads() { return store.history(); }

    /** A load that failed is a problem document (422) whose detail is the error and whose report is attached. */
    private static ResponseEntity<?> answer(LoadReport r) {
        if (!r.failed()) return ResponseEntity.ok(r);
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
            "Chargement refusé, les données servies sont inchangées / load refused, the served data is unchanged: " + r.error());
        pd.setTitle("Load refused");
        pd.setProperty("report", r);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    private static ResponseStatusException tooLarge(long max) {
        return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "Graphe trop grand : au plus " + max
            + " octets / graph too large: at most " + max + " bytes");
    }

    /** Fails the upload with 413 when the body turns out longer than allowed (no Content-Length to check first). */
    private static final class SizeChecked extends java.io.FilterInputStream {
        private final long max;
        private long read;

        SizeChecked(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++read > max) throw tooLarge(max);
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (read += n) > max) throw tooLarge(max);
            return n;
        }
    }
}
