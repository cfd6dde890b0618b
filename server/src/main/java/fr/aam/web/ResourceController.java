package fr.aam.web;

import fr.aam.AamProperties;
import fr.aam.sparql.InternalQueries;
import fr.aam.sparql.QueryResult;
import fr.aam.sparql.SparqlRunner;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Makes resource IRIs resolve: {@code /id/actor/le-centre} answers what the graph says about
 * {@code <base>id/actor/le-centre}, as an HTML page for browsers or as Turtle, JSON-LD or N-Triples by content
 * negotiation. {@code /def} answers the ontology the same way.
 */
@RestController
public class ResourceController {

    private static final Query DESCRIBE = InternalQueries.load("describe-resource.rq");
    private static final Query GRAPH_CONTENT = InternalQueries.load("graph-content.rq");
    private static final List<ResultFormat> RDF = List.of(ResultFormat.TURTLE, ResultFormat.JSONLD, ResultFormat.NTRIPLES);

    private final SparqlRunner runner;
    private final String base;
    private final String ontologyGraph;

    public ResourceController(SparqlRunner runner, AamProperties props) {
        this.runner = runner;
        this.base = props.baseIri();
        this.ontologyGraph = props.graphBase() + "attractivite";
    }

    @GetMapping({"/id/**", "/def"})
    public ResponseEntity<byte[]> resource(HttpServletRequest request,
                                           @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        String path = request.getRequestURI().substring(request.getContextPath().length() + 1);
        String iri = base + path;
        // The ontology's terms are def#Term: a browser asks for /def, which answers the whole ontology.
        QueryResult r = path.equals("def")
            ? runner.run(GRAPH_CONTENT, BindingFactory.binding(Var.alloc("graph"), NodeFactory.createURI(ontologyGraph)))
            : runner.run(DESCRIBE, BindingFactory.binding(Var.alloc("resource"), NodeFactory.createURI(iri)));
        Graph g = r.graph();
        ResultFormat rdf = rdfFormat(accept);
        if (g.isEmpty()) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND,
                "Aucune donnée sur / nothing is known about <" + iri + ">");
        }
        if (rdf != null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFDataMgr.write(out, g, rdf.lang);
            return ResponseEntity.ok().contentType(rdf.mediaType).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(out.toByteArray());
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
            .body(ResourcePage.render(iri, g, base).getBytes(StandardCharsets.UTF_8));
    }

    /** An RDF format when the client asks for one before HTML; null for browsers. */
    private static ResultFormat rdfFormat(String accept) {
        if (accept == null || accept.isBlank()) return null;
        List<MediaType> types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        org.springframework.util.MimeTypeUtils.sortBySpecificity(types);
        for (MediaType m : types) {
            if (m.isCompatibleWith(MediaType.TEXT_HTML) && !m.isWildcardType()) return null;
            for (ResultFormat f : RDF) if (!m.isWildcardType() && m.isCompatibleWith(f.mediaType)) return f;
        }
        return null;
    }
}
