package fr.aam.web;

import fr.aam.store.TdbStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.system.Txn;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Whole-dataset downloads (every named graph, with the graph names), streamed from the store in one read
 * transaction so that a dump is a consistent snapshot and never held in memory. And {@code /.well-known/void},
 * the standard place where linked-data clients look for a dataset's description.
 */
@RestController
@Tag(name = "Dumps", description = "The whole graph as N-Quads or TriG")
public class DumpController {

    private final TdbStore store;

    public DumpController(TdbStore store) { this.store = store; }

    @GetMapping("/dumps/attractivite-autonomie.nq")
    @Operation(summary = "All named graphs as N-Quads")
    public ResponseEntity<StreamingResponseBody> nquads() {
        return dump(RDFFormat.NQUADS, "application/n-quads", "attractivite-autonomie.nq");
    }

    @GetMapping("/dumps/attractivite-autonomie.trig")
    @Operation(summary = "All named graphs as TriG")
    public ResponseEntity<StreamingResponseBody> trig() {
        return dump(RDFFormat.TRIG_BLOCKS, "application/trig", "attractivite-autonomie.trig");
    }

    @GetMapping("/.well-known/void")
    public ResponseEntity<Void> wellKnownVoid() {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/id/dataset")).build();
    }

    private ResponseEntity<StreamingResponseBody> dump(RDFFormat format, String mediaType, String fileName) {
        StreamingResponseBody body = out -> Txn.executeRead(store.dataset(), () -> RDFDataMgr.write(out, store.dataset(), format));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(mediaType + ";charset=utf-8"))
            .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName + "\"").body(body);
    }
}
