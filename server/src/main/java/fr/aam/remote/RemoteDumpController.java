package fr.aam.remote;

import fr.aam.AamProperties;
import fr.aam.sparql.InternalQueries;
import fr.aam.sparql.SparqlRunner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The dumps in remote mode (the embedded store serves its canonical dump files instead, {@code fr.aam.web.DumpController}):
 * every named graph with the graph names, read from the engine through {@link SparqlRunner} one named graph at a time
 * and streamed, so memory holds at most one graph (one source file), never the dataset. The data only changes when
 * the server loads, so graphs read one after the other belong to the same load.
 */
@RestController
@Conditional(RemoteEngineConfigured.class)
@Tag(name = "Dumps", description = "The whole graph as N-Quads or TriG")
public class RemoteDumpController {

    private static final Query GRAPH_NAMES = InternalQueries.load("graph-names.rq");
    private static final Query GRAPH_CONTENT = InternalQueries.load("graph-content.rq");

    private final SparqlRunner runner;
    private final String graphBase;

    public RemoteDumpController(SparqlRunner runner, AamProperties props) {
        this.runner = runner;
        this.graphBase = props.graphBase();
    }

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

    private ResponseEntity<StreamingResponseBody> dump(RDFFormat format, String mediaType, String fileName) {
        StreamingResponseBody body = out -> {
            StreamRDF stream = StreamRDFWriter.getWriterStream(out, format);
            stream.start();
            runner.prefixes().forEach(stream::prefix);
            for (Node g : graphNames()) {
                runner.run(GRAPH_CONTENT, BindingFactory.binding(Var.alloc("graph"), g)).graph()
                    .find().forEachRemaining(t -> stream.quad(Quad.create(g, t)));
            }
            stream.finish();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(mediaType + ";charset=utf-8"))
            .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName + "\"").body(body);
    }

    private List<Node> graphNames() {
        List<Node> names = new ArrayList<>();
        runner.run(GRAPH_NAMES, BindingFactory.binding(Var.alloc("graphBase"), NodeFactory.createLiteralString(graphBase)))
            .rows().forEachRemaining(b -> names.add(b.get(Var.alloc("graph"))));
        return names;
    }
}
