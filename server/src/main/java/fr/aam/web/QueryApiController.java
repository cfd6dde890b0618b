package fr.aam.web;

import fr.aam.queries.BadParameterException;
import fr.aam.queries.CannedQueryService;
import fr.aam.queries.ParameterValues;
import fr.aam.queries.PreparedRequest;
import fr.aam.queries.QueryParam;
import fr.aam.sparql.QueryResult;
import fr.aam.web.conneg.ContentNegotiation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The canned-query API: {@code GET /api/queries} (catalogue), {@code GET /api/queries/{id}} (run), a query's
 * description and SPARQL, and the search of a parameter's allowed values.
 */
@RestController
@RequestMapping("/api/queries")
@Tag(name = "Canned queries", description = "Named, documented, parameterised SPARQL queries of queries/")
public class QueryApiController {

    private final CannedQueryService service;
    private final ParameterValues parameterValues;

    public QueryApiController(CannedQueryService service, ParameterValues parameterValues) {
        this.service = service;
        this.parameterValues = parameterValues;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The catalogue: every query with its metadata (French and English), parameters, result columns, view and an example call")
    public List<QueryDescription> catalogue() {
        return service.catalog().all().values().stream().map(q -> QueryDescription.of(q, false)).toList();
    }

    @GetMapping(value = "/{id}/describe", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One query's metadata and its SPARQL text as written")
    public QueryDescription describeOne(@PathVariable String id) {
        return QueryDescription.of(service.catalog().get(id), true);
    }

    @GetMapping(value = "/{id}/parameters/{name}/values", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Search the allowed values of a class-restricted parameter by text (ignoring case and accents), "
        + "grouped as the parameter's metadata says (by type, document or broader concept); value= looks one value up")
    public ParameterValues.Choices values(@PathVariable String id, @PathVariable String name,
                                          @RequestParam(required = false) String q,
                                          @RequestParam(required = false) String value,
                                          @RequestParam(defaultValue = "fr") String lang,
                                          @RequestParam(defaultValue = "50") int limit) {
        QueryParam p = service.catalog().get(id).param(name);
        if (p == null) throw new BadParameterException("name", "query '" + id + "' has no parameter '" + name + "'");
        return parameterValues.search(p, q, value, lang, limit);
    }

    @GetMapping(value = "/{id}/sparql", produces = "application/sparql-query;charset=UTF-8")
    @Operation(summary = "The SPARQL of a run with these parameters (bound as VALUES blocks), to open in an editor")
    public String sparql(@PathVariable String id, HttpServletRequest request) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> params.put(k, List.of(v)));
        return service.sparql(service.prepare(id, params));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Run a query. Parameters as documented in the catalogue; paging with limit/offset (total in "
        + "X-Total-Count); format= rows, json, xml, csv, tsv (SELECT/ASK) or turtle, jsonld, ntriples (CONSTRUCT), "
        + "or the Accept header")
    public ResponseEntity<byte[]> run(@PathVariable String id, HttpServletRequest request) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> params.put(k, List.of(v)));
        PreparedRequest prepared = service.prepare(id, params);
        boolean graph = prepared.query().isConstructType() || prepared.query().isDescribeType();
        ResultFormat format = ResultFormat.of(ContentNegotiation.choose(request, ResultFormat.offer(graph)));
        QueryResult result = service.page(prepared);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(format.mediaType);
        long total = service.total(prepared, result);
        if (total >= 0) {
            headers.set("X-Total-Count", Long.toString(total));
            if (prepared.offset() + prepared.limit() < total) headers.add(HttpHeaders.LINK,
                "<" + pageLink(request, prepared.offset() + prepared.limit(), prepared.limit()) + ">; rel=\"next\"");
        }
        return ResponseEntity.ok().headers(headers).body(write(result, format, prepared, total));
    }

    private static byte[] write(QueryResult r, ResultFormat f, PreparedRequest p, long total) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (r.graph() != null) {
            RDFDataMgr.write(out, r.graph(), f.lang);
        } else if (f == ResultFormat.ROWS) {
            return RowsJson.write(p.source().id(), r, total, p.limit(), p.offset());
        } else if (r.ask() != null) {
            ResultsWriter.create().lang(f.lang).build().write(out, r.ask());
        } else {
            ResultsWriter.create().lang(f.lang).build().write(out, r.rows());
        }
        return out.toByteArray();
    }

    private static String pageLink(HttpServletRequest req, long offset, long limit) {
        StringBuilder sb = new StringBuilder(req.getRequestURI()).append('?');
        req.getParameterMap().forEach((k, vs) -> {
            if (k.equals("offset") || k.equals("limit")) return;
            for (String v : vs) sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
        });
        return sb.append("limit=").append(limit).append("&offset=").append(offset).toString();
    }
}
