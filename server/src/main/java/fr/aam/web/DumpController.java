package fr.aam.web;

import fr.aam.dump.DatasetDump;
import fr.aam.remote.RemoteEngineConfigured;
import fr.aam.store.ServedStore;
import fr.aam.store.StoreGeneration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.riot.Lang;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whole-dataset downloads (every named graph, with the graph names) in canonical order: the same data always gives
 * the same bytes. They are made once per generation of the store and served from that file, written by
 * {@link DatasetDump} — the same code as the dump command. In remote mode
 * RemoteDumpController serves them instead.
 */
@RestController
@Conditional(RemoteEngineConfigured.Absent.class)   // remote mode: RemoteDumpController
@Tag(name = "Dumps", description = "The whole graph as N-Quads or TriG")
public class DumpController {

    private static final String NAME = "attractivite-autonomie";

    private final ServedStore store;

    public DumpController(ServedStore store) { this.store = store; }

    @GetMapping("/dumps/" + NAME + ".nq")
    @Operation(summary = "All named graphs as N-Quads, sorted (gzip-encoded when the client accepts it)")
    public void nquads(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StoreGeneration g = store.current();
        Path gz = g.nquadsGz();
        start(response, g, "application/n-quads;charset=utf-8", NAME + ".nq");
        String acceptEncoding = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (acceptEncoding != null && acceptEncoding.contains("gzip")) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            response.setContentLengthLong(Files.size(gz));
            try (OutputStream out = response.getOutputStream()) { Files.copy(gz, out); }
        } else {
            try (OutputStream out = response.getOutputStream()) { DatasetDump.write(g, Lang.NQUADS, out); }
        }
    }

    @GetMapping("/dumps/" + NAME + ".nq.gz")
    @Operation(summary = "All named graphs as gzipped N-Quads, sorted")
    public void nquadsGz(HttpServletResponse response) throws IOException {
        StoreGeneration g = store.current();
        Path gz = g.nquadsGz();
        start(response, g, "application/gzip", NAME + ".nq.gz");
        response.setContentLengthLong(Files.size(gz));
        try (OutputStream out = response.getOutputStream()) { Files.copy(gz, out); }
    }

    @GetMapping("/dumps/" + NAME + ".trig")
    @Operation(summary = "All named graphs as TriG, one block per graph, sorted")
    public void trig(HttpServletResponse response) throws IOException {
        StoreGeneration g = store.current();
        start(response, g, "application/trig;charset=utf-8", NAME + ".trig");
        try (OutputStream out = response.getOutputStream()) { DatasetDump.write(g, Lang.TRIG, out); }
    }

    private static void start(HttpServletResponse response, StoreGeneration g, String type, String fileName) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName + "\"");
        response.setHeader(HttpHeaders.ETAG, "\"" + g.info().dataHash() + "\"");
    }
}
