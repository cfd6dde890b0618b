package fr.aam.web;

import fr.aam.Iris;
import fr.aam.linkeddata.CollectionIndex;
import fr.aam.linkeddata.OntologyDocs;
import fr.aam.linkeddata.ResourceViews;
import fr.aam.linkeddata.Texts;
import fr.aam.web.conneg.ContentNegotiation;
import fr.aam.web.conneg.ContentNegotiation.PathFormat;
import fr.aam.web.conneg.Format;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.apache.jena.graph.Graph;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Makes every IRI of the dataset resolve, for people and for programs: {@code /id/…} (resources), {@code /graph/…}
 * (named graphs), {@code /def} (the ontology) and {@code /def/shapes} (its shapes), {@code /id/} and
 * {@code /id/<segment>/} (class indexes). Each answers an HTML page or RDF (Turtle, JSON-LD, N-Triples, RDF/XML) as
 * {@link ContentNegotiation} decides; an IRI the graph does not know is a 404 page in French for a browser and a
 * problem document for a program.
 *
 * <p>The same URL serves every format (status 200, no redirect): the answer names its format-specific URL in
 * {@code Content-Location} ({@code /id/initiative/actiduo.ttl}) and lists the others in {@code Link} headers.
 */
@Controller
public class LinkedDataController {

    private final ResourceViews resources;
    private final CollectionIndex collections;
    private final OntologyDocs ontology;
    private final Iris iris;
    private final MessageSource messages;

    public LinkedDataController(ResourceViews resources, CollectionIndex collections, OntologyDocs ontology, Iris iris,
                                MessageSource messages) {
        this.resources = resources;
        this.collections = collections;
        this.ontology = ontology;
        this.iris = iris;
        this.messages = messages;
    }

    @GetMapping({"/id/**", "/graph/**"})
    public ModelAndView resource(HttpServletRequest request, HttpServletResponse response, Locale locale,
                                 @RequestParam(required = false) String inbound,
                                 @RequestParam(defaultValue = "0") long offset) {
        PathFormat pf = ContentNegotiation.choose(request, path(request), Format.PAGE_OR_GRAPH);
        String iri = iris.iriOfPath(pf.path());
        describeFormats(request, response, pf);
        if (pf.format() == Format.HTML) {
            return resources.page(iri, locale.getLanguage(), texts(locale), inbound, offset)
                .map(view -> new ModelAndView("resource", "page", view))
                .orElseGet(() -> notFound(request, iri));
        }
        return resources.rdf(iri).map(g -> rdf(g, pf.format())).orElseThrow(() -> notFoundProblem(iri));
    }

    /** The standard place where linked-data clients look for a dataset's description (RFC 8615, VoID §7.2). */
    @GetMapping("/.well-known/void")
    public ResponseEntity<Void> wellKnownVoid() {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/id/dataset")).build();
    }

    @GetMapping("/id/")
    public ModelAndView collections(HttpServletRequest request, Locale locale) {
        Format f = ContentNegotiation.choose(request, Format.PAGE_OR_GRAPH);
        List<CollectionIndex.Collection> all = collections.all(locale.getLanguage());
        return f == Format.HTML ? new ModelAndView("collections", "collections", all) : rdf(collections.rdf(all), f);
    }

    @GetMapping("/id/{segment}/")
    public ModelAndView collection(@PathVariable String segment, HttpServletRequest request, Locale locale,
                                   @RequestParam(defaultValue = "label") CollectionIndex.Sort sort,
                                   @RequestParam(defaultValue = "asc") String order,
                                   @RequestParam(defaultValue = "1") int page) {
        Format f = ContentNegotiation.choose(request, Format.PAGE_OR_GRAPH);
        String iri = iris.id(segment + "/");
        return collections.page(segment, sort, "desc".equals(order), page, locale.getLanguage())
            .map(p -> f == Format.HTML ? new ModelAndView("collection", "index", p) : rdf(collections.rdf(p), f))
            .orElseGet(() -> f == Format.HTML ? notFound(request, iri) : throwNotFound(iri));
    }

    @GetMapping({"/def", "/def.{extension}"})
    public ModelAndView ontology(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        PathFormat pf = ContentNegotiation.choose(request, path(request), Format.PAGE_OR_GRAPH);
        describeFormats(request, response, pf);
        return pf.format() == Format.HTML ? new ModelAndView("ontology", "ontology", ontology.view(locale.getLanguage()))
            : rdf(ontology.rdf(), pf.format());
    }

    /** {@code /def/shapes}: the resources of a graph of ontology/ whose IRIs are fragments of this document. */
    @GetMapping("/def/{name}")
    public ModelAndView ontologyDocument(@PathVariable String name, HttpServletRequest request, Locale locale) {
        Format f = ContentNegotiation.choose(request, List.of(Format.HTML));
        String iri = iris.iriOfPath("/def/" + name);
        return resources.document(iris.graph(name), locale.getLanguage(), texts(locale))
            .filter(entries -> entries.stream().anyMatch(e -> e.iri().startsWith(iri + "#")))
            .map(entries -> new ModelAndView("document", "entries", entries).addObject("name", name).addObject("iri", iri))
            .orElseGet(() -> f == Format.HTML ? notFound(request, iri) : throwNotFound(iri));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /**
     * Content-Location names the URL of the format chosen by the Accept header; Link lists the other formats, so a
     * crawler that got HTML finds the RDF.
     */
    private static void describeFormats(HttpServletRequest request, HttpServletResponse response, PathFormat pf) {
        boolean byExtension = !pf.path().equals(path(request));
        if (!byExtension && request.getParameter(ContentNegotiation.FORMAT_PARAM) == null) {
            response.setHeader(HttpHeaders.CONTENT_LOCATION, pf.path() + "." + pf.format().extension());
        }
        for (Format f : Format.PAGE_OR_GRAPH) {
            if (f == pf.format()) continue;
            response.addHeader(HttpHeaders.LINK, "<" + pf.path() + "." + f.extension() + ">; rel=\"alternate\"; type=\""
                + f.mediaType() + "\"");
        }
    }

    private static ModelAndView rdf(Graph g, Format f) { return new ModelAndView(new RdfView(g, f)); }

    /**
     * The French 404 page for a browser; a client that sent no Accept header at all is a program (browsers always
     * send one): a problem document.
     */
    private ModelAndView notFound(HttpServletRequest request, String iri) {
        if (request.getHeader(HttpHeaders.ACCEPT) == null) throw notFoundProblem(iri);
        ModelAndView mav = new ModelAndView("not-found", "iri", iri);
        mav.setStatus(HttpStatus.NOT_FOUND);
        return mav;
    }

    private ModelAndView throwNotFound(String iri) { throw notFoundProblem(iri); }

    private static ErrorResponseException notFoundProblem(String iri) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Nothing is known about <" + iri + ">");
        pd.setTitle("Unknown IRI");
        pd.setProperty("iri", iri);
        return new ErrorResponseException(HttpStatus.NOT_FOUND, pd, null);
    }

    private Texts texts(Locale locale) { return (key, args) -> messages.getMessage(key, args, locale); }
}
